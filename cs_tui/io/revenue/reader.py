"""Reading a revenue export (Salesforce opportunities, HubSpot deals, a plain file) into rows.

Every data line ends up in exactly one of `rows` (a revenue event to record), `errors` (each
problem named by line and column as headed in the file) or `skipped` (blank lines, report titles
and footers, open deals, lost new business, which never was revenue). Matching rows to accounts and
applying them is the data layer's job.
"""

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from cs_tui.domain.enums import REASON_REQUIRED_KINDS, RevenueKind
from cs_tui.domain.revenue.kinds import KindError, parse_kind
from cs_tui.domain.revenue.taxonomy import Taxonomy, reason_key
from cs_tui.io.bulk_work import collector_paused
from cs_tui.io.column_mapping import ColumnMatch, header_key, match_columns
from cs_tui.io.revenue.layouts import (
    LAYOUTS,
    PLAIN,
    Layout,
    detect_layout,
    stage_outcome,
    type_kind,
)
from cs_tui.io.revenue.mapping import RevenueMapping
from cs_tui.io.text_files import (
    AmbiguousDatesError,
    ImportFileError,
    Record,
    RowError,
    SkippedLine,
    decode_file,
    find_header,
    first_line_preview,
    physical_lines,
    read_table,
    set_aside_furniture,
)
from cs_tui.io.values import (
    DateOrder,
    ambiguous_column_message,
    first_ambiguous_date,
    format_order,
    infer_date_order,
    infer_decimal_mark,
    parse_amount,
    parse_currency_code,
    parse_date,
)

__all__ = ["ImportFileError", "RevenueFile", "RevenueRow", "read_revenue_file"]


@dataclass(frozen=True)
class RevenueRow:
    line: int
    key: str  # stable across exports: the CRM's id, else a hash of what the row says
    account: str
    account_id: str
    kind: RevenueKind
    amount: Decimal | None  # None: not given (a churn takes the ARR, a renewal keeps it)
    currency: str | None  # None: the account's
    occurred_on: date
    reason_code: str
    competitor: str
    note: str


@dataclass(frozen=True)
class RevenueFile:
    path: Path
    layout: str
    title: str
    encoding: str
    columns: Mapping[str, str]  # field -> header as written
    rows: tuple[RevenueRow, ...]
    errors: tuple[RowError, ...]
    skipped: tuple[SkippedLine, ...]


@dataclass(frozen=True)
class _Rules:
    layout: Layout
    match: ColumnMatch
    date_order: DateOrder | None
    decimal_mark: str | None
    mapping: RevenueMapping
    taxonomy: Taxonomy
    header_width: int


Cell = Callable[[str], str]  # a row's text for one of our fields


class _RowProblem(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class _Skip(Exception):
    pass


def read_revenue_file(
    path: Path, *, taxonomy: Taxonomy, mapping: RevenueMapping | None = None
) -> RevenueFile:
    """Read a revenue export; whole-file problems raise `ImportFileError`."""
    with collector_paused():
        return _read(path, taxonomy, mapping or RevenueMapping())


def _is_account_header(mapping: RevenueMapping) -> "_AccountHeader":
    if mapping.columns.get("account"):
        return _AccountHeader(frozenset({header_key(mapping.columns["account"])}))
    labels = {
        header_key(label) for layout in LAYOUTS.values() for label in layout.labels["account"]
    }
    return _AccountHeader(frozenset(labels))


@dataclass(frozen=True)
class _AccountHeader:
    keys: frozenset[str]

    def __call__(self, header: str) -> bool:
        return header_key(header) in self.keys


def _refuse_ambiguous_dates(records: Sequence[Any], index: int | None, headers: list[str]) -> None:
    """A close-date column whose every date reads both ways (a Salesforce report in the user's
    locale: 03/04/2027) is refused until the user names the order."""
    if index is None:
        return
    dated = [r for r in records if index < len(r.cells) and r.cells[index].strip()]
    first = first_ambiguous_date(r.cells[index] for r in dated)
    if first is not None:
        record, column = dated[first], headers[index]
        text = record.cells[index]
        raise AmbiguousDatesError(
            ambiguous_column_message(column, record.line, text),
            column=column, line=record.line, text=text,
        )  # fmt: skip


def _read(path: Path, taxonomy: Taxonomy, mapping: RevenueMapping) -> RevenueFile:
    decoded = decode_file(path, mapping.encoding or None)
    lines = physical_lines(decoded.text)
    found = find_header(lines, _is_account_header(mapping), mapping.delimiter or None)
    if found is None:
        raise _no_account_column(path, lines, mapping)
    table = read_table(path, lines, found[0], found[1], decoded.encoding)
    headers = list(table.header.cells)
    layout = LAYOUTS[mapping.layout] if mapping.layout else detect_layout(headers)
    match = match_columns(
        headers, layout.labels, mapping.columns, file_name=path.name, mapping_name=mapping.name
    )
    if "account" not in match.index:
        raise _no_account_column(path, lines, mapping)
    needed = ("kind", "date") if layout is PLAIN else ("stage", "kind", "date")
    missing = [f for f in needed if f not in match.index]
    if missing:
        expected = "; ".join(
            f"{f}: {' or '.join(repr(label) for label in layout.labels[f][:3]) or 'a mapped column'}"
            for f in missing
        )
        raise ImportFileError(
            f"{path.name}: read as a {layout.title}, but it has no column for {expected} "
            "(name yours in a mapping file: see README)"
        )
    data, furniture = set_aside_furniture(
        table.records, key_index=match.index.get("key"), header=table.header
    )

    def column(field: str) -> list[str]:
        index = match.index.get(field)
        if index is None:
            return []
        return [r.cells[index] for r in data if index < len(r.cells) and r.cells[index].strip()]

    if not mapping.date_format:
        _refuse_ambiguous_dates(data, match.index.get("date"), headers)
    order: DateOrder | None = format_order(mapping.date_format) or "month-first"
    seen = infer_date_order(column("date"))
    if not mapping.date_format and seen is not None:
        order = None if seen == "mixed" else seen
    rules = _Rules(
        layout, match, order, infer_decimal_mark(column("amount")), mapping, taxonomy,
        len(headers),
    )  # fmt: skip
    rows: list[RevenueRow] = []
    errors: list[RowError] = []
    skipped = list(furniture)
    first_seen: dict[str, int] = {}
    for record in data:
        try:
            row = _read_row(record, rules)
        except _Skip as skip:
            skipped.append(SkippedLine(record.line, str(skip)))
            continue
        except _RowProblem as problem:
            errors.append(_error(record, rules.match, problem.field, problem.message))
            continue
        earlier = first_seen.setdefault(row.key, record.line)
        if earlier != record.line:
            field = "key" if "key" in match.index else ""
            errors.append(
                _error(record, match, field, f"the same deal as line {earlier} (a duplicate row)")
            )
            continue
        rows.append(row)
    return RevenueFile(
        path=path, layout=layout.name, title=layout.title, encoding=decoded.encoding,
        columns=dict(match.labels), rows=tuple(rows), errors=tuple(errors),
        skipped=tuple(sorted((*table.skipped_above, *skipped), key=lambda s: s.line)),
    )  # fmt: skip


def _no_account_column(path: Path, lines: list[str], mapping: RevenueMapping) -> ImportFileError:
    if mapping.columns.get("account"):
        return ImportFileError(
            f"{mapping.name}: columns.account = {mapping.columns['account']!r}, but {path.name} "
            f"has no such column (its first line reads {first_line_preview(lines)!r})"
        )
    return ImportFileError(
        f"{path.name}: no account column (expected a header such as 'Account Name', "
        f"'Associated Company' or 'account', or a mapping file that names it); its first line "
        f"reads {first_line_preview(lines)!r}"
    )


def _cell(record: Record, match: ColumnMatch, field: str) -> str:
    index = match.index.get(field)
    if index is None or index >= len(record.cells):
        return ""
    return record.cells[index].strip()


def _error(record: Record, match: ColumnMatch, field: str, message: str) -> RowError:
    return RowError(record.line, match.labels.get(field, ""), _cell(record, match, field), message)


def _read_row(record: Record, rules: _Rules) -> RevenueRow:
    if record.unclosed_quote:
        raise _RowProblem(
            "", f"a quoted value opened on this line is never closed (it runs to line "
            f"{record.last_line}, the end of the file)",
        )  # fmt: skip
    extra = [cell for cell in record.cells[rules.header_width :] if cell.strip()]
    if extra:
        raise _RowProblem(
            "", f"{len(record.cells)} values but the header has {rules.header_width} columns "
            "(a value holding the delimiter without quotes?)",
        )  # fmt: skip
    match = rules.match

    def cell(field: str) -> str:
        return _cell(record, match, field)

    kind = _kind(cell, rules)
    account, account_id = cell("account"), cell("account_id")
    if not account and not account_id:
        raise _RowProblem("account", "missing account")
    date_text = cell("date")
    if not date_text:
        raise _RowProblem("date", "missing date")
    try:
        occurred_on = parse_date(
            date_text, order=rules.date_order, date_format=rules.mapping.date_format
        )
    except ValueError as problem:
        raise _RowProblem("date", str(problem)) from None
    amount, currency = _money(cell, rules, kind)
    reason = _reason(cell("reason"), kind, rules)
    competitor = cell("competitor") if reason and _names_competitor(reason, rules) else ""
    key = cell("key") or _row_hash(rules.layout.name, account_id or account, kind, amount,
                                   currency, occurred_on, cell("name"))  # fmt: skip
    if cell("key"):
        key = f"{rules.layout.name}:{key}"
    note = cell("note") or cell("name")
    return RevenueRow(
        line=record.line, key=key, account=account, account_id=account_id, kind=kind,
        amount=amount, currency=currency, occurred_on=occurred_on, reason_code=reason,
        competitor=competitor, note=note,
    )  # fmt: skip


def _names_competitor(code: str, rules: _Rules) -> bool:
    found = rules.taxonomy.get(code)
    return found is not None and found.names_competitor


def _kind(cell: Cell, rules: _Rules) -> RevenueKind:
    type_text = cell("kind")
    if rules.layout is PLAIN and "stage" not in rules.match.index:
        if not type_text:
            raise _RowProblem("kind", "missing kind (new, renewal, expansion, contraction, churn)")
        try:
            return parse_kind(type_text)
        except KindError:
            found = type_kind(type_text)
            if found is None:
                raise _RowProblem(
                    "kind", "not a kind (use new, renewal, expansion, upsell, cross-sell, "
                    "contraction, downsell or churn)",
                ) from None  # fmt: skip
            return found
    stage = cell("stage")
    outcome = stage_outcome(stage)
    if outcome is None:
        raise _Skip(f"open deal (stage {stage!r}): only closed won and closed lost deals count")
    found = type_kind(type_text) if type_text else None
    if type_text and found is None:
        raise _RowProblem(
            "kind", "not a deal type cs-tui knows (New Business, Existing Business, Renewal, "
            "Upsell, Add-On, Cross-sell, Downsell); name it in a mapping file's columns.kind",
        )  # fmt: skip
    if found is None:
        raise _RowProblem("kind", "missing type: is this new business, a renewal or an upsell?")
    if outcome == "won":
        return found
    if found is RevenueKind.RENEWAL:
        return RevenueKind.CHURN
    raise _Skip(f"lost {LOST_LABELS.get(found, found.value)} deal: it never was revenue")


LOST_LABELS = {RevenueKind.NEW: "new business", RevenueKind.CROSS_SELL: "cross-sell"}


def _money(cell: Cell, rules: _Rules, kind: RevenueKind) -> tuple[Decimal | None, str | None]:
    stated: str | None = None
    if currency_text := cell("currency"):
        try:
            stated = parse_currency_code(currency_text)
        except ValueError as problem:
            raise _RowProblem("currency", str(problem)) from None
    stated = stated or rules.mapping.currency or None
    text = cell("amount")
    if not text:
        if kind in (RevenueKind.CHURN, RevenueKind.RENEWAL):
            return None, stated
        raise _RowProblem("amount", "missing amount")
    try:
        amount = parse_amount(text, decimal_mark=rules.decimal_mark)
    except ValueError as problem:
        raise _RowProblem("amount", str(problem)) from None
    if amount.currency and stated and amount.currency != stated and not amount.from_symbol:
        raise _RowProblem(
            "amount", f"the amount is in {amount.currency}, but the file says {stated}"
        )
    if amount.value < 0:
        if kind is RevenueKind.DOWNSELL or rules.layout is not PLAIN:
            return -amount.value, stated or amount.currency
        raise _RowProblem(
            "amount", "the amount cannot be negative (a contraction is a positive amount)"
        )
    return amount.value, stated or amount.currency


def _reason(text: str, kind: RevenueKind, rules: _Rules) -> str:
    if kind not in REASON_REQUIRED_KINDS:
        return ""
    taxonomy = rules.taxonomy
    if not text:
        raise _RowProblem(
            "reason" if "reason" in rules.match.index else "",
            f"a {'contraction' if kind is RevenueKind.DOWNSELL else 'churn'} needs a reason "
            f"(one of {', '.join(taxonomy.codes)})",
        )
    mapped = {reason_key(k): v for k, v in rules.mapping.reasons.items()}.get(reason_key(text))
    if mapped is not None:
        if taxonomy.get(mapped) is None:
            raise _RowProblem(
                "reason", f"{rules.mapping.name} maps it to {mapped!r}, which is not a reason "
                f"(valid reasons: {', '.join(taxonomy.codes)})",
            )  # fmt: skip
        return reason_key(mapped)
    found = taxonomy.match(text)
    if found is None:
        raise _RowProblem(
            "reason", f"not a reason of the taxonomy (valid reasons: {', '.join(taxonomy.codes)}); "
            "map your wording to one in a mapping file's [reasons]",
        )  # fmt: skip
    return found.code


def _row_hash(
    layout: str, account: str, kind: RevenueKind, amount: Decimal | None, currency: str | None,
    occurred_on: date, name: str,
) -> str:  # fmt: skip
    text = "|".join((layout, account.casefold(), kind.value, str(amount or ""), currency or "",
                     occurred_on.isoformat(), name.casefold()))  # fmt: skip
    return f"{layout}#" + hashlib.sha256(text.encode()).hexdigest()[:32]
