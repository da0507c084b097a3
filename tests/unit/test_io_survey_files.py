"""Reading each survey tool's export: detection, header rows, the score question, incompletes."""

from pathlib import Path

import pytest

from cs_tui.domain.enums import SurveyKind, SurveyMoment
from cs_tui.io.surveys.mapping import load_survey_mapping
from cs_tui.io.surveys.reader import ImportFileError, read_survey_file

SURVEYS = Path(__file__).parent.parent / "fixtures" / "surveys"


@pytest.mark.parametrize(
    ("name", "tool", "kind", "rows"),
    [
        ("qualtrics_nps.csv", "qualtrics", SurveyKind.NPS, 5),
        ("surveymonkey_exit.csv", "surveymonkey", SurveyKind.CSAT, 3),
        ("typeform_onboarding.csv", "typeform", SurveyKind.NPS, 4),
        ("delighted_nps.csv", "delighted", SurveyKind.NPS, 3),
    ],
)
def test_each_tool_is_told_by_its_headers(
    name: str, tool: str, kind: SurveyKind, rows: int
) -> None:
    parsed = read_survey_file(SURVEYS / name)
    assert (parsed.tool, parsed.kind) == (tool, kind)
    assert len(parsed.rows) + len(parsed.incomplete) == rows
    assert not parsed.errors


def test_qualtrics_three_header_rows_bom_crlf_and_unfinished() -> None:
    parsed = read_survey_file(SURVEYS / "qualtrics_nps.csv")
    assert [(s.line, s.reason) for s in parsed.skipped] == [
        (2, "Qualtrics question texts"), (3, "Qualtrics import ids"),
    ]  # fmt: skip
    assert [(s.line, s.reason) for s in parsed.incomplete] == [
        (7, "unfinished response (Finished = 0)")
    ]
    assert parsed.question.column == "Q1"
    assert [q.column for q in parsed.other_score_questions] == ["Q2_1", "Q2_2"]
    first = parsed.rows[0]
    assert (first.line, first.email, first.response.contact) == (4, "jo.park@acme.com", "Jo Park")
    assert "\nSupport took a week" in first.response.comment  # a quoted line break kept
    assert parsed.rows[1].line == 6  # the comment above spans lines 4-5


def test_qualtrics_matrix_row_by_its_column_id() -> None:
    parsed = read_survey_file(SURVEYS / "qualtrics_nps.csv", question="Q2_1")
    assert parsed.kind is SurveyKind.CSAT
    assert [r.response.score for r in parsed.rows] == [2, 5, 4]
    assert parsed.rows[0].key.endswith("|Q2_1")


def test_surveymonkey_choices_spread_over_cells_and_exit_questions() -> None:
    parsed = read_survey_file(SURVEYS / "surveymonkey_exit.csv", moment=SurveyMoment.EXIT)
    assert [s.reason for s in parsed.skipped] == ["SurveyMonkey answer labels"]
    lee, initech, pat = parsed.rows
    assert (lee.response.score, lee.response.reason, lee.response.competitor) == (
        2, "Budget cuts", "Gainsight",
    )  # fmt: skip
    assert lee.response.moment is SurveyMoment.EXIT
    assert (initech.account_ref, initech.response.competitor) == ("0011", "Their in-house tool")
    assert pat.response.score == 1
    assert lee.response.responded_on.isoformat() == "2026-06-02"


def test_typeform_without_a_submit_date_is_incomplete() -> None:
    parsed = read_survey_file(SURVEYS / "typeform_onboarding.csv")
    assert [s.line for s in parsed.incomplete] == [5]
    assert parsed.rows[1].response.comment == "Setup, took too long;\nwe needed three calls"
    assert parsed.rows[2].account_ref == "Initech"


def test_delighted_scores_names_and_properties() -> None:
    parsed = read_survey_file(SURVEYS / "delighted_nps.csv")
    assert [(r.response.score, r.account_ref) for r in parsed.rows] == [
        (2, ""), (9, "Globex"), (6, ""),
    ]  # fmt: skip
    assert parsed.rows[2].response.comment == 'Exports "work", mostly'


def test_plain_rows_with_problems_name_line_column_and_value() -> None:
    parsed = read_survey_file(SURVEYS / "plain_bad.csv", kind=SurveyKind.NPS)
    assert [(e.line, e.column, e.value, e.message) for e in parsed.errors] == [
        (3, "score", "11", "NPS score must be 0-10, not 11"),
        (4, "date", "someday", "not a date (expected e.g. 2026-03-31 or 03/31/2026)"),
        (4, "moment", "sometimes", "not a moment (expected onboarding, periodic or exit)"),
        (4, "email", "jo(at)acme", "not an e-mail address"),
    ]


def test_a_plain_score_needs_a_kind(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="pass --kind nps or --kind csat"):
        read_survey_file(SURVEYS / "plain_nps.csv")


def test_a_file_without_a_score_question_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text("#,Which team are you in?,Submit Date (UTC),Network ID\nx,Ops,2026-06-01,1\n")
    with pytest.raises(ImportFileError, match=r"no score question found.*--question"):
        read_survey_file(source)


def test_a_question_that_is_not_there_lists_those_that_are() -> None:
    with pytest.raises(ImportFileError, match=r"--question 'Q9' is not a question .*Q1: "):
        read_survey_file(SURVEYS / "qualtrics_nps.csv", question="Q9")


def test_not_a_survey_export(tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text("Name,Colour\nAda,blue\n")
    with pytest.raises(ImportFileError, match="not a survey export cs-tui knows"):
        read_survey_file(source)


def test_a_mapping_names_the_columns_of_any_layout(tmp_path: Path) -> None:
    source = tmp_path / "own.csv"
    source.write_text("Client;Mail;Rating;Answered\n0011;;4;31/05/2026\n", encoding="cp1252")
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        '[columns]\naccount = "Client"\nemail = "Mail"\nscore = "Rating"\ndate = "Answered"\n'
        '[options]\nkind = "csat"\nmoment = "onboarding"\ndate_format = "%d/%m/%Y"\n'
        'delimiter = ";"\n'
    )
    parsed = read_survey_file(source, mapping=load_survey_mapping(mapping))
    (row,) = parsed.rows
    assert (row.account_ref, row.response.score, row.response.kind) == ("0011", 4, SurveyKind.CSAT)
    assert row.response.moment is SurveyMoment.ONBOARDING
    assert row.response.responded_on.isoformat() == "2026-05-31"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[columns]\nrating = "x"\n', "unknown key columns.rating"),
        ('[options]\nkind = "ces"\n', "options.kind 'ces' is not one of nps, csat"),
        ('[options]\ndate_format = "nope"\n', "options.date_format 'nope'"),
        ("[other]\n", "unknown section or key 'other'"),
    ],
)
def test_a_bad_mapping_names_its_key(tmp_path: Path, text: str, message: str) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text(text)
    with pytest.raises(ImportFileError, match=message):
        load_survey_mapping(mapping)


def test_a_mapped_column_missing_from_the_file(tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\nscore = "Stars"\n')
    with pytest.raises(
        ImportFileError, match=r"columns\.score = 'Stars', but plain_nps\.csv has no"
    ):
        read_survey_file(SURVEYS / "plain_nps.csv", mapping=load_survey_mapping(mapping))
