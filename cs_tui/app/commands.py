"""Command palette providers: go to an account by (fuzzy) name, switch the list's view, rescore."""

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from cs_tui.domain.book import account_row as r
from cs_tui.domain.book.views import SavedView

if TYPE_CHECKING:
    from cs_tui.app.shell import CsTuiApp

CANDIDATES = 300
SHOWN = 20


class ShellCommands(Provider):
    """A palette provider of this app: `_app` is the running `CsTuiApp`, typed."""

    @property
    def _app(self) -> "CsTuiApp":
        return cast("CsTuiApp", self.app)


class AccountCommands(ShellCommands):
    """`Go to account…`: fuzzy over the loaded book's names."""

    async def search(self, query: str) -> Hits:
        book = self._app.book
        if book is None or not query.strip():
            return
        matcher = self.matcher(query)
        scored = []
        for row in book.candidates(query, limit=CANDIDATES):
            score = matcher.match(row[r.NAME])
            if score > 0:
                scored.append((score, row))
        scored.sort(key=lambda pair: -pair[0])
        for score, row in scored[:SHOWN]:
            yield Hit(
                score,
                matcher.highlight(row[r.NAME]),
                partial(self._app.open_account, row[r.ID]),
                text=f"Go to {row[r.NAME]}",
                help=f"{row[r.OWNER] or 'no owner'} · {row[r.SEGMENT] or 'no segment'}",
            )

    async def discover(self) -> Hits:
        yield DiscoveryHit(
            "Go to account…",
            self._app.action_focus_filter,
            help="Type part of an account's name in the palette to jump to it",
        )


class ViewCommands(ShellCommands):
    """`Switch view…` and book-wide actions."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self._app
        commands: list[tuple[str, str, object]] = [
            (
                f"Switch view: {view.label}",
                f"Show {view.label.lower()} in the account list",
                partial(app.switch_view, view),
            )
            for view in SavedView
        ]
        commands.append(
            ("Log check-in…", "Log a check-in on an account (c)", app.action_log_check_in)
        )
        commands.append(
            ("New account…", "Add an account to the book (n in the list)", app.action_new_account)
        )
        commands.append(("Rescore book", "Recompute every account's health now", app.rescore))
        commands.append(("Account list", "Go to the account list (a)", app.action_show_accounts))
        commands.append(
            ("Book metrics", "GRR, NRR, churn, renewals and NPS for a period (b)",
             app.action_show_book)
        )  # fmt: skip
        commands.append(
            ("Incentives", "The team's attainment and variable pay (I)", app.action_show_incentives)
        )
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
