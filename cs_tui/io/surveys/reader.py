"""Reading a survey export into validated responses, row errors and the lines set aside.

The header row is found as for account imports (`text_files`: decoding, BOM, delimiter, report
furniture), the tool told by it (`detect`), and the tool's layout says where each piece is. The
score question is the one that asks "how likely ... recommend" (NPS) or "how satisfied" (CSAT),
or the one named with `question`. Every data line ends up in exactly one of `rows`, `errors`,
`incomplete` (unfinished or unsubmitted responses), `unanswered` (no score given) or `skipped`.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cs_tui.domain.enums import SurveyKind, SurveyMoment
from cs_tui.domain.voice.questions import question_role, score_kind
from cs_tui.io.column_mapping import header_key
from cs_tui.io.surveys import plain
from cs_tui.io.surveys.detect import detect_tool, layout_of, mapped_key_header
from cs_tui.io.surveys.layout import Layout, Question
from cs_tui.io.surveys.mapping import QUESTION_FIELDS, SurveyMapping
from cs_tui.io.surveys.rows import Plan, SurveyRow, read_rows
from cs_tui.io.text_files import (
    ImportFileError,
    RowError,
    SkippedLine,
    decode_file,
    find_header,
    first_line_preview,
    physical_lines,
    read_table,
    set_aside_furniture,
)

__all__ = ["ImportFileError", "SurveyFile", "SurveyRow", "read_survey_file"]


@dataclass(frozen=True)
class SurveyFile:
    path: Path
    tool: str
    tool_title: str
    encoding: str
    question: Question
    kind: SurveyKind | None  # None: each row's kind column says
    rows: tuple[SurveyRow, ...]
    errors: tuple[RowError, ...]
    skipped: tuple[SkippedLine, ...]
    incomplete: tuple[SkippedLine, ...]
    unanswered: tuple[SkippedLine, ...]
    other_score_questions: tuple[Question, ...]


def read_survey_file(
    path: Path,
    *,
    question: str = "",
    kind: SurveyKind | None = None,
    moment: SurveyMoment | None = None,
    mapping: SurveyMapping | None = None,
) -> SurveyFile:
    """Read one export; whole-file problems (no header, no score question) raise ImportFileError."""
    mapping = mapping or SurveyMapping()
    decoded = decode_file(path, mapping.encoding or None)
    lines = physical_lines(decoded.text)
    key_test = mapped_key_header(list(mapping.columns.values()))
    found = find_header(lines, key_test, mapping.delimiter or None)
    if found is None:
        raise ImportFileError(
            f"{path.name}: not a survey export cs-tui knows (Qualtrics, SurveyMonkey, Typeform, "
            "Delighted, or a plain file with email or account, score and date columns); its first "
            f"line reads {first_line_preview(lines)!r}"
        )
    table = read_table(path, lines, found[0], found[1], decoded.encoding)
    header = table.header.cells
    tool = detect_tool(header) or plain
    layout = layout_of(tool, header, [r.cells for r in table.records[:2]])
    layout = _mapped(layout, header, mapping, path)
    below = table.records[: len(layout.header_rows)]
    skipped = [*table.skipped_above]
    skipped += [
        SkippedLine(r.line, what) for r, what in zip(below, layout.header_rows, strict=False)
    ]
    chosen, others = _score_question(layout, question, kind, path)
    file_kind = kind or mapping.kind or score_kind(chosen.text) or layout.default_kind
    if file_kind is None and "kind" not in layout.columns:
        raise ImportFileError(
            f"{path.name}: cannot tell whether {chosen.text!r} is NPS (0-10) or CSAT (1-5); "
            "pass --kind nps or --kind csat"
        )
    data, furniture = set_aside_furniture(
        table.records[len(below) :],
        key_index=layout.columns.get("response_id"),
        header=table.header,
    )
    plan = Plan(
        layout=layout, score=chosen, kind=file_kind, moment=moment or mapping.moment,
        comments=_with_role(layout, "comment", chosen), reason=_first(layout, "reason", chosen),
        competitor=_first(layout, "competitor", chosen), date_format=mapping.date_format,
    )  # fmt: skip
    read = read_rows(data, plan)
    return SurveyFile(
        path=path, tool=layout.tool, tool_title=layout.title, encoding=decoded.encoding,
        question=chosen, kind=file_kind, rows=tuple(read.rows),
        errors=tuple(sorted(read.errors, key=lambda e: e.line)),
        skipped=tuple(sorted([*skipped, *furniture], key=lambda s: s.line)),
        incomplete=tuple(read.incomplete), unanswered=tuple(read.unanswered),
        other_score_questions=others,
    )  # fmt: skip


def _role(question: Question) -> str | None:
    return question.role or question_role(question.text)


def _with_role(layout: Layout, role: str, score: Question) -> tuple[Question, ...]:
    return tuple(q for q in layout.questions if q is not score and _role(q) == role)


def _first(layout: Layout, role: str, score: Question) -> Question | None:
    return next(iter(_with_role(layout, role, score)), None)


def _mapped(layout: Layout, header: Sequence[str], mapping: SurveyMapping, path: Path) -> Layout:
    """The layout with the mapping's columns in place of what was found."""
    if not mapping.columns:
        return layout
    keys = {header_key(cell): index for index, cell in reversed(list(enumerate(header)))}
    columns, labels = dict(layout.columns), dict(layout.labels)
    questions = list(layout.questions)
    for name, wanted in mapping.columns.items():
        index = keys.get(header_key(wanted))
        if index is None:
            shown = ", ".join(cell for cell in header if cell.strip())
            raise ImportFileError(
                f"{mapping.name}: columns.{name} = {wanted!r}, but {path.name} has no such "
                f"column (its columns: {shown})"
            )
        if name in QUESTION_FIELDS:
            questions = [q for q in questions if q.first_cell != index and q.role != name]
            questions.insert(0, Question(header[index].strip(), header[index].strip(),
                                         ((index, ""),), role=name))  # fmt: skip
        else:
            columns[name], labels[name] = index, header[index]
    score = next((q.column for q in questions if q.role == "score"), layout.score_column)
    return replace(
        layout, columns=columns, labels=labels, questions=tuple(questions), score_column=score
    )


def _score_question(
    layout: Layout, named: str, kind: SurveyKind | None, path: Path
) -> tuple[Question, tuple[Question, ...]]:
    """The question whose answers are the score, and the other score questions found."""
    if named:
        return _named_question(layout, named, path), ()
    if layout.score_column:
        chosen = next(q for q in layout.questions if q.column == layout.score_column)
        return chosen, ()
    scored = [(q, score_kind(q.text)) for q in layout.questions]
    candidates = [q for q, k in scored if k is not None and (kind is None or k is kind)]
    if not candidates:
        asked = "; ".join(repr(q.text[:60]) for q in layout.questions[:8]) or "none"
        wanted = f"a {kind.value.upper()} question" if kind else "an NPS or CSAT question"
        raise ImportFileError(
            f"{path.name}: no score question found ({wanted}: 'How likely are you to recommend "
            f"...' or 'How satisfied ...'); name it with --question (its questions: {asked})"
        )
    kinds = {score_kind(q.text) for q in candidates}
    nps_questions = [q for q in candidates if score_kind(q.text) is SurveyKind.NPS]
    if len(candidates) == 1 or (
        len(nps_questions) == 1 and kinds == {SurveyKind.NPS, SurveyKind.CSAT}
    ):
        chosen = candidates[0] if len(candidates) == 1 else nps_questions[0]
        return chosen, tuple(q for q in candidates if q is not chosen)
    names = "; ".join(f"{q.column!r}" for q in candidates)
    raise ImportFileError(
        f"{path.name}: several score questions ({names}); name the one to import with --question"
    )


def _named_question(layout: Layout, named: str, path: Path) -> Question:
    wanted = header_key(named)
    exact = [q for q in layout.questions if wanted in (header_key(q.column), header_key(q.text))]
    if len(exact) == 1:
        return exact[0]
    needle = named.strip().casefold()
    partial = [q for q in layout.questions if needle in q.text.casefold()]
    if len(partial) == 1:
        return partial[0]
    asked = "; ".join(f"{q.column}: {q.text[:50]!r}" for q in layout.questions[:12]) or "none"
    problem = "matches several questions" if len(exact or partial) > 1 else "is not a question"
    raise ImportFileError(f"--question {named!r} {problem} of {path.name} (its questions: {asked})")
