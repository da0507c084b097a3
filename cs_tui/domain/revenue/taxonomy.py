"""The reason taxonomy: why revenue was lost, for contractions and churns.

Each reason has a category, a code (what is stored), a label, whether it was avoidable, whether it
names a competitor, aliases: the words CRM exports use for it ("Lost to Competitor", "No
Budget"), and keywords: words a customer's own phrasing uses for it ("too expensive", "nobody used
it"), for exit surveys whose reason is free text (`match_words`). The taxonomy comes from a TOML
file (a shipped default, overridable); `parse_taxonomy` checks the parsed document and names every
problem.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cs_tui.domain.enums import REASON_REQUIRED_KINDS, RevenueKind

REASON_KEYS = ("category", "code", "label", "avoidable", "competitor", "aliases", "keywords")
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


def reason_key(text: str) -> str:
    """ "Lost to Competitor" -> lost_to_competitor: how codes, labels and aliases compare."""
    return re.sub(r"[^a-z0-9]+", "_", text.strip().casefold()).strip("_")


@dataclass(frozen=True)
class Reason:
    category: str
    code: str
    label: str
    avoidable: bool
    names_competitor: bool = False
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


def _words(text: str) -> str:
    return f"_{reason_key(text)}_"


class TaxonomyError(ValueError):
    """The taxonomy file is not valid; `problems` are (where, what) pairs."""

    def __init__(self, problems: Sequence[tuple[str, str]], source: str) -> None:
        self.problems = tuple(problems)
        self.source = source
        listed = "; ".join(f"{where}: {what}" for where, what in self.problems)
        super().__init__(f"{source}: {listed}")


class ReasonError(ValueError):
    """A reason that is missing, unknown or incomplete; the message says what to give instead."""


@dataclass(frozen=True)
class Taxonomy:
    reasons: tuple[Reason, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def get(self, code: str) -> Reason | None:
        wanted = reason_key(code)
        return next((r for r in self.reasons if r.code == wanted), None)

    def reason(self, code: str) -> Reason:
        """The reason with this code; an unknown code is refused, listing the valid ones."""
        found = self.get(code)
        if found is None:
            raise ReasonError(
                f"unknown reason {code!r} (valid reasons: {', '.join(self.codes)}; "
                "see `cs-tui revenue reasons`)"
            )
        return found

    def match(self, text: str) -> Reason | None:
        """The reason a CRM's wording names: its code, label or an alias; else one whose alias
        appears in the text as a whole word; else None."""
        said = reason_key(text)
        if not said:
            return None
        for r in self.reasons:
            if said in (r.code, reason_key(r.label), *map(reason_key, r.aliases)):
                return r
        padded = f"_{said}_"
        for r in self.reasons:
            if any(_words(a) in padded for a in (r.label, *r.aliases) if reason_key(a)):
                return r
        return None

    def match_words(self, text: str) -> Reason | None:
        """`match`, else the first reason (in the file's order) one of whose keywords appears in
        the text as whole words: how a customer's free-text reason finds its code."""
        found = self.match(text)
        if found is not None:
            return found
        padded = _words(text)
        if padded == "__":
            return None
        for r in self.reasons:
            if any(_words(k) in padded for k in r.keywords if reason_key(k)):
                return r
        return None


def check_reason(
    taxonomy: Taxonomy, kind: RevenueKind, code: str, competitor: str = ""
) -> Reason | None:
    """The reason an event of `kind` carries: required for a contraction or churn, refused for
    other kinds; a competitor named only where the reason is about one."""
    code, competitor = code.strip(), competitor.strip()
    if not code:
        if kind in REASON_REQUIRED_KINDS:
            raise ReasonError(
                f"a {'contraction' if kind is RevenueKind.DOWNSELL else 'churn'} needs a reason "
                f"(one of {', '.join(taxonomy.codes)})"
            )
        if competitor:
            raise ReasonError("a competitor goes with a reason such as competitor")
        return None
    found = taxonomy.reason(code)
    if competitor and not found.names_competitor:
        raise ReasonError(f"the reason {found.code} does not name a competitor")
    return found


def parse_taxonomy(document: Mapping[str, object], *, source: str) -> Taxonomy:
    """A taxonomy from a parsed TOML document: `[[reason]]` tables with the keys of `REASON_KEYS`."""
    problems: list[tuple[str, str]] = []
    for key in document:
        if key != "reason":
            problems.append((key, "unknown key (expected [[reason]] tables)"))
    entries = document.get("reason", [])
    if not isinstance(entries, list) or not entries:
        problems.append(("reason", "give at least one [[reason]] table"))
        raise TaxonomyError(problems, source)
    reasons: list[Reason] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"reason {number}"
        if not isinstance(entry, dict):
            problems.append((where, "must be a table"))
            continue
        found = _reason(entry, where, problems)
        if found is None:
            continue
        if found.code in seen:
            problems.append((where, f"the code {found.code!r} is used twice"))
        seen.add(found.code)
        reasons.append(found)
    if problems:
        raise TaxonomyError(problems, source)
    return Taxonomy(tuple(reasons))


def _reason(
    entry: Mapping[str, object], where: str, problems: list[tuple[str, str]]
) -> Reason | None:
    before = len(problems)
    for key in entry:
        if key not in REASON_KEYS:
            problems.append((f"{where}.{key}", f"unknown key (known: {', '.join(REASON_KEYS)})"))
    texts: dict[str, str] = {}
    for key in ("category", "code", "label"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append((f"{where}.{key}", "required, as text in quotes"))
        else:
            texts[key] = value.strip()
    code = texts.get("code", "")
    if code and not CODE_PATTERN.match(code):
        problems.append(
            (f"{where}.code", f"{code!r}: lowercase letters, digits and _ (e.g. champion_left)")
        )
    flags: dict[str, bool] = {}
    for key, default in (("avoidable", None), ("competitor", False)):
        value = entry.get(key, default)
        if not isinstance(value, bool):
            problems.append((f"{where}.{key}", "required: true or false" if default is None
                             else "true or false"))  # fmt: skip
        else:
            flags[key] = value
    lists: dict[str, list[str]] = {}
    for key in ("aliases", "keywords"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            problems.append((f"{where}.{key}", "a list of texts in quotes"))
            value = []
        lists[key] = value
    if len(problems) > before:
        return None
    return Reason(
        category=texts["category"], code=code, label=texts["label"], avoidable=flags["avoidable"],
        names_competitor=flags["competitor"],
        aliases=tuple(a.strip() for a in lists["aliases"]),
        keywords=tuple(k.strip() for k in lists["keywords"]),
    )  # fmt: skip


def categories(taxonomy: Taxonomy) -> tuple[tuple[str, tuple[Reason, ...]], ...]:
    """The reasons grouped by category, in the file's order."""
    order: dict[str, list[Reason]] = {}
    for r in taxonomy.reasons:
        order.setdefault(r.category, []).append(r)
    return tuple((name, tuple(items)) for name, items in order.items())


def codes_of(reasons: Iterable[Reason]) -> tuple[str, ...]:
    return tuple(r.code for r in reasons)
