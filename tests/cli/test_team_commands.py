"""Three teammates, three databases, one shared folder, driven through `cs-tui team`."""

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cs_tui.cli import cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"
Device = Callable[..., Result]


@pytest.fixture
def team_folder(tmp_path: Path) -> Path:
    return tmp_path / "shared" / "Team book"


@pytest.fixture
def device(tmp_path: Path) -> Callable[[str], Device]:
    """`device("al")("accounts", "list")` runs a command on al's own database, as al."""
    runner = CliRunner()

    def make(user: str) -> Device:
        database = tmp_path / f"{user}.db"

        def invoke(*args: str) -> Result:
            return runner.invoke(
                cli, ["--db", str(database), *args], env={"CS_TUI_USER": user},
                catch_exceptions=False,
            )  # fmt: skip

        return invoke

    return make


def _json(result: Result) -> object:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _book(run: Device) -> list[dict[str, object]]:
    rows = _json(run("accounts", "list", "--json"))
    assert isinstance(rows, list)
    return sorted(rows, key=lambda r: str(r["id"]))


def _follow_ups(run: Device) -> list[dict[str, object]]:
    rows = _json(run("followups", "--all", "--status", "all", "--json"))
    assert isinstance(rows, list)
    return sorted(rows, key=lambda r: str(r["id"]))


def _sync_all(*devices: Device) -> None:
    for _ in range(2):
        for run in devices:
            result = run("team", "sync", "--json")
            assert result.exit_code == 0, result.output


def test_three_teammates_edit_and_converge(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    al, bo, cy = device("al"), device("bo"), device("cy")
    assert al("import", "accounts", str(FIXTURES / "salesforce_report.csv")).exit_code == 0
    created = al("team", "init", str(team_folder), "--name", "North")
    assert created.exit_code == 0, created.output
    assert (team_folder / "format.json").is_file()
    assert json.loads((team_folder / "format.json").read_text())["team"] == "North"
    joined = _json(bo("team", "join", str(team_folder), "--json"))
    assert isinstance(joined, dict) and joined["applied"] > 0
    assert cy("team", "join", str(team_folder)).exit_code == 0
    assert [r["name"] for r in _book(bo)] == [r["name"] for r in _book(al)]

    assert (
        al("log", "Acme Corporation", "--summary", "Renewal prep", "--next", "Send deck").exit_code
        == 0
    )
    assert bo("followups", "add", "Globex, Inc.", "Ask for references").exit_code == 0
    assert cy("followups", "add", "Acme Corporation", "Plan the QBR").exit_code == 0
    _sync_all(al, bo, cy)

    titles = sorted(str(f["title"]) for f in _follow_ups(al))
    assert titles == sorted(["Send deck", "Ask for references", "Plan the QBR"])
    assert _follow_ups(al) == _follow_ups(bo) == _follow_ups(cy)
    assert _book(al) == _book(bo) == _book(cy)

    status = _json(al("team", "status", "--json"))
    assert isinstance(status, dict)
    assert {t["author"] for t in status["teammates"]} == {"bo", "cy"}
    assert status["outbox"] == 0 and status["conflicts"] == 0


def test_a_same_field_edit_by_two_people_is_a_conflict_and_the_later_one_wins(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    al, bo = device("al"), device("bo")
    al("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    al("followups", "add", "Acme Corporation", "Renewal call", "--owner", "al")
    assert al("team", "init", str(team_folder)).exit_code == 0
    assert bo("team", "join", str(team_folder)).exit_code == 0
    (follow_up,) = _follow_ups(bo)
    ident = str(follow_up["id"])

    assert al("followups", "assign", ident, "Dana").exit_code == 0
    assert bo("followups", "assign", ident, "Eli").exit_code == 0
    _sync_all(al, bo)

    assert _follow_ups(al) == _follow_ups(bo)
    kept = _follow_ups(al)[0]["owner"]
    assert kept == "Eli"  # bo's edit came later
    for run in (al, bo):
        conflicts = _json(run("team", "conflicts", "--json"))
        assert isinstance(conflicts, list)
        (conflict,) = [c for c in conflicts if c["field"] == "owner"]
        assert conflict["winner"]["value"] == "Eli" and conflict["winner"]["author"] == "bo"
        assert conflict["loser"]["value"] == "Dana" and conflict["loser"]["author"] == "al"
        assert "Acme Corporation" in conflict["record"]
    shown = al("team", "conflicts")
    assert "owner" in shown.output and "Dana" in shown.output and "Eli" in shown.output

    history = _json(al("team", "history", ident, "--field", "owner", "--json"))
    assert isinstance(history, list)
    assert [(h["value"], h["author"], h["current"]) for h in history] == [
        ("al", "al", False),
        ("Dana", "al", False),
        ("Eli", "bo", True),
    ]


def test_a_delete_on_one_device_is_not_undone_by_an_edit_on_another(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    al, bo = device("al"), device("bo")
    al("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    al("followups", "add", "Acme Corporation", "Renewal call")
    al("team", "init", str(team_folder))
    bo("team", "join", str(team_folder))
    ident = str(_follow_ups(al)[0]["id"])
    assert al("followups", "delete", ident).exit_code == 0
    assert bo("followups", "due", ident, "2030-01-01").exit_code == 0
    _sync_all(al, bo)
    assert _follow_ups(al) == _follow_ups(bo) == []
    assert bo("followups", "restore", ident).exit_code == 0
    _sync_all(al, bo)
    assert [f["id"] for f in _follow_ups(al)] == [ident]
    assert _follow_ups(al)[0]["due_on"] == "2030-01-01"


def test_damaged_files_and_sync_service_copies_are_reported_or_ignored(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    al, bo = device("al"), device("bo")
    al("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    al("team", "init", str(team_folder))
    (published,) = (team_folder / "journal").glob("*/00000001.ops.jsonl.gz")
    copy = published.with_name("00000001 (conflicted copy 2026-12-01).ops.jsonl.gz")
    copy.write_bytes(published.read_bytes())
    torn = published.with_name("00000002.ops.jsonl.gz")
    torn.write_bytes(published.read_bytes()[:-40])
    forged = published.with_name("00000003.ops.jsonl.gz")
    lines = gzip.decompress(published.read_bytes()).splitlines(keepends=True)
    forged.write_bytes(
        gzip.compress(
            lines[0].replace(b'"seq":1', b'"seq":3')
            + b"".join(lines[1:]).replace(b"Acme Corporation", b"Evil Corporation")
        )
    )

    joined = bo("team", "join", str(team_folder), "--json")
    assert joined.exit_code == 0, joined.output
    report = json.loads(joined.stdout)
    assert report["files_applied"] == 1 and report["copies_ignored"] == 1
    assert len(report["damaged"]) == 2
    assert "Damaged journal file" in joined.stderr and "00000002" in joined.stderr
    assert "checksum" in joined.stderr
    assert [r["name"] for r in _book(bo)] == [r["name"] for r in _book(al)]
    assert not any("Evil" in str(r["name"]) for r in _book(bo))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("team", "sync"), "not in a team"),
        (("team", "status"), "not in a team"),
        (("team", "join", "{missing}"), "is not a folder"),
        (("team", "join", "{plain}"), "is not a team folder"),
    ],
)
def test_mistakes_get_a_message_and_change_nothing(
    device: Callable[[str], Device], tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    filled = [a.format(missing=tmp_path / "nowhere", plain=plain) for a in args]
    result = device("al")(*filled)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (plain / "journal").exists()


def test_a_folder_is_made_a_team_folder_once(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    assert device("al")("team", "init", str(team_folder)).exit_code == 0
    again = device("bo")("team", "init", str(team_folder))
    assert again.exit_code == 1 and "already a team folder" in again.output


def test_a_folder_needing_a_newer_app_stops_publishing(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    al = device("al")
    al("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    al("team", "init", str(team_folder))
    fmt = json.loads((team_folder / "format.json").read_text())
    (team_folder / "format.json").write_text(json.dumps(fmt | {"min_app_version": "99.0"}))
    al("followups", "add", "Acme Corporation", "Renewal call")
    result = al("team", "sync", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sent"] == 0
    assert "Upgrade cs-tui" in result.stderr
    assert _json(al("team", "status", "--json"))["outbox"] > 0  # type: ignore[index]


def test_the_same_account_created_on_two_devices_is_kept_twice_then_merged(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    al, bo = device("al"), device("bo")
    assert al("team", "init", str(team_folder)).exit_code == 0
    assert bo("team", "join", str(team_folder)).exit_code == 0
    for run in (al, bo):
        source = team_folder.parent / f"{id(run)}.csv"
        source.write_text("Account Name,Account Owner\nInitech,Peter\n", encoding="utf-8")
        assert run("import", "accounts", str(source)).exit_code == 0
    _sync_all(al, bo)
    twins = _book(al)
    assert [r["name"] for r in twins] == ["Initech", "Initech"]
    bo("followups", "add", str(twins[1]["id"]), "Call Peter")
    _sync_all(al, bo)
    merged = _json(al("accounts", "merge", str(twins[0]["id"]), str(twins[1]["id"]), "--json"))
    assert isinstance(merged, dict) and merged["moved"] == {"follow_up": 1}
    _sync_all(al, bo)
    assert [r["id"] for r in _book(bo)] == [twins[0]["id"]]
    assert [f["account_id"] for f in _follow_ups(bo)] == [twins[0]["id"]]
    same = al("accounts", "merge", str(twins[0]["id"]), str(twins[0]["id"]))
    assert same.exit_code == 1 and "same account" in same.output


def test_compact_replaces_old_files_and_the_team_still_agrees(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    al, bo = device("al"), device("bo")
    al("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    al("team", "init", str(team_folder))
    for title in ("One", "Two", "Three"):
        al("followups", "add", "Acme Corporation", title)
        al("team", "sync")
    result = _json(al("team", "compact", "--older-than", "0", "--json"))
    assert isinstance(result, dict) and result["files_removed"] == 3
    assert "Nothing to compact" in al("team", "compact").output
    assert bo("team", "join", str(team_folder)).exit_code == 0
    assert _follow_ups(bo) == _follow_ups(al)
