"""Recording a revenue event and forecasting the next renewal, from Account 360.

Each form checks its fields as they are typed and only closes with a valid draft; the caller stores
it through `data/`, which applies the same rules again (and the ones only the store can check).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from cs_tui.data.revenue.views import ForecastDraft, ForecastView, RevenueDraft
from cs_tui.domain.enums import REASON_REQUIRED_KINDS, RevenueKind
from cs_tui.domain.money import format_money, to_major
from cs_tui.domain.revenue.forecast import CATEGORY_NAMES
from cs_tui.domain.revenue.taxonomy import Reason
from cs_tui.io.values import parse_amount
from cs_tui.screens.modal_form import FieldProblem, ModalForm

KIND_CHOICES = (
    ("New business", RevenueKind.NEW.value),
    ("Renewal", RevenueKind.RENEWAL.value),
    ("Expansion: upsell", RevenueKind.UPSELL.value),
    ("Expansion: cross-sell", RevenueKind.CROSS_SELL.value),
    ("Contraction (downsell)", RevenueKind.DOWNSELL.value),
    ("Churn", RevenueKind.CHURN.value),
)
CATEGORY_LABELS = {"commit": "Commit", "likely": "Likely", "at_risk": "At risk", "lost": "Lost"}
NOTE_LIMIT = 2000


@dataclass(frozen=True)
class AccountMoney:
    """What the forms need to know about the account."""

    name: str
    arr_minor: int
    currency: str
    contract_end: date | None


def _amount(text: str, label: str, currency: str) -> Decimal | None:
    if not text.strip():
        return None
    try:
        amount = parse_amount(text, decimal_mark=".")
    except ValueError as problem:
        raise FieldProblem(f"{label}: {problem}.") from None
    if amount.value < 0:
        raise FieldProblem(f"{label}: the amount cannot be negative.")
    if amount.currency and amount.currency != currency and not amount.from_symbol:
        raise FieldProblem(f"{label}: the account's ARR is in {currency}.")
    return amount.value


def _day(text: str, label: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FieldProblem(
            f"{label}: {text.strip()!r} is not a date; write it as YYYY-MM-DD."
        ) from None


class _Form(ModalForm[object]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="revenue_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="revenue_form.save", priority=True),
    ]


class RevenueEventForm(_Form):
    """A revenue event: kind, amount, date, and for a loss its reason (and competitor)."""

    def __init__(self, account: AccountMoney, reasons: tuple[Reason, ...], today: date) -> None:
        super().__init__()
        self.account = account
        self.reasons = reasons
        self.today = today

    def compose(self) -> ComposeResult:
        a = self.account
        with Vertical(id="revenue-form", classes="dialog"):
            yield Static(f"Record revenue for {a.name}", classes="dialog-title")
            yield Label(
                f"ARR now {format_money(a.arr_minor, a.currency)}; contract ends "
                f"{a.contract_end.isoformat() if a.contract_end else 'unknown'}.",
                classes="hint",
            )
            yield Select(list(KIND_CHOICES), prompt="kind", id="revenue-kind")
            yield Input(
                placeholder=f"amount in {a.currency} (renewal: the new ARR)", id="revenue-amount"
            )
            yield Input(
                value=self.today.isoformat(), placeholder="date: YYYY-MM-DD", id="revenue-date"
            )
            yield Select(
                [(f"{r.category}: {r.label}", r.code) for r in self.reasons],
                prompt="reason (contraction and churn)", id="revenue-reason",
            )  # fmt: skip
            yield Input(
                placeholder="competitor (for the competitor reason)", id="revenue-competitor"
            )
            yield Input(
                placeholder="renewal: new contract end (default a year on)", id="revenue-renewal-to"
            )
            yield Input(placeholder="note (optional)", id="revenue-note")
            yield Static("", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def _text(self, name: str) -> str:
        return self.query_one(f"#revenue-{name}", Input).value

    def draft(self) -> RevenueDraft:
        a = self.account
        chosen = self.query_one("#revenue-kind", Select).value
        if not isinstance(chosen, str):
            raise FieldProblem(
                "Kind: choose new business, renewal, expansion, contraction or churn."
            )
        kind = RevenueKind(str(chosen))
        amount = _amount(self._text("amount"), "Amount", a.currency)
        if amount is None and kind not in (RevenueKind.RENEWAL, RevenueKind.CHURN):
            raise FieldProblem("Amount: give the amount.")
        if (
            kind is RevenueKind.DOWNSELL
            and amount is not None
            and amount > to_major(a.arr_minor, a.currency)
        ):
            raise FieldProblem(
                f"Amount: a contraction cannot be more than the ARR "
                f"({format_money(a.arr_minor, a.currency, cents=True)})."
            )
        occurred_on = _day(self._text("date"), "Date")
        if occurred_on is None:
            raise FieldProblem("Date: say when it happened (YYYY-MM-DD).")
        reason_value = self.query_one("#revenue-reason", Select).value
        reason = reason_value if isinstance(reason_value, str) else ""
        if kind in REASON_REQUIRED_KINDS and not reason:
            raise FieldProblem("Reason: a contraction or churn needs a reason.")
        if kind not in REASON_REQUIRED_KINDS:
            reason = ""
        competitor = self._text("competitor").strip()
        names_competitor = any(r.code == reason and r.names_competitor for r in self.reasons)
        if competitor and not names_competitor:
            raise FieldProblem("Competitor: only for a reason that names one (competitor).")
        renewal_to = _day(self._text("renewal-to"), "New contract end")
        if renewal_to is not None and kind is not RevenueKind.RENEWAL:
            raise FieldProblem("New contract end: only a renewal moves the contract end.")
        if renewal_to is not None and renewal_to <= occurred_on:
            raise FieldProblem("New contract end: it must be after the renewal's date.")
        note = self._text("note").strip()
        if len(note) > NOTE_LIMIT:
            raise FieldProblem(f"Note: keep it under {NOTE_LIMIT} characters.")
        return RevenueDraft(
            kind=kind, occurred_on=occurred_on, amount=amount, reason_code=reason,
            competitor=competitor, note=note, renewal_to=renewal_to,
        )  # fmt: skip

    @on(Select.Changed, "#revenue-kind")
    def _kind_chosen(self) -> None:
        self.show_problem("")


class ForecastForm(_Form):
    """The next renewal's forecast: amount, probability, category and risks."""

    def __init__(self, account: AccountMoney, current: ForecastView | None) -> None:
        super().__init__()
        self.account = account
        self.current = current

    def compose(self) -> ComposeResult:
        a, f = self.account, self.current
        amount = f.forecast_minor if f else a.arr_minor
        with Vertical(id="forecast-form", classes="dialog"):
            yield Static(
                f"Forecast {a.name}'s renewal on "
                f"{a.contract_end.isoformat() if a.contract_end else '(no contract end)'}",
                classes="dialog-title",
            )
            yield Label(f"ARR {format_money(a.arr_minor, a.currency)}.", classes="hint")
            yield Input(value=f"{to_major(amount, a.currency)}", placeholder=f"amount in {a.currency}",
                        id="forecast-amount")  # fmt: skip
            yield Input(value=f"{f.probability * 100:g}" if f else "",
                        placeholder="probability: 0-100 %", id="forecast-probability")  # fmt: skip
            yield Select(
                [(CATEGORY_LABELS[c], c) for c in CATEGORY_NAMES],
                value=f.category if f else Select.NULL, prompt="category", id="forecast-category",
            )  # fmt: skip
            yield Input(
                value=f.risks if f else "", placeholder="risks (optional)", id="forecast-risks"
            )
            yield Static("", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def draft(self) -> ForecastDraft:
        a = self.account
        if a.contract_end is None:
            raise FieldProblem("This account has no contract end: set it before forecasting.")
        amount = _amount(self.query_one("#forecast-amount", Input).value, "Amount", a.currency)
        text = self.query_one("#forecast-probability", Input).value.strip().rstrip("%")
        if not text:
            raise FieldProblem("Probability: how likely is the renewal, 0 to 100 %?")
        try:
            percent = float(text)
        except ValueError:
            raise FieldProblem(f"Probability: {text!r} is not a number from 0 to 100.") from None
        if not 0 <= percent <= 100:
            raise FieldProblem("Probability: a percentage from 0 to 100.")
        probability = round(percent / 100, 4)
        category = self.query_one("#forecast-category", Select).value
        if not isinstance(category, str):
            raise FieldProblem("Category: commit, likely, at risk or lost.")
        risks = self.query_one("#forecast-risks", Input).value.strip()
        return ForecastDraft(amount, probability, str(category), risks, a.contract_end)
