"""The suite's tools: reading a pty's output, the accounts CSV, and the frame-gap probe."""

import sys
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from bench.accounts_csv import HEADERS, account_records, write_accounts_csv
from bench.frame_gap import FrameGapProbe
from bench.terminal import TerminalProgram, strip_escapes
from cs_tui.io.account_file import read_account_file


def test_escape_sequences_are_stripped_from_terminal_output() -> None:
    raw = (
        b"\x1b[?1049h\x1b[1;1H\x1b[38;2;1;2;3mAcme \x1b[0m\x1b[2;5HCorp"
        b"\x1b]0;title\x07\x1b[?2026$p\x1b(B\xc2\xa7"
    )
    assert strip_escapes(raw) == "Acme Corp§"


def test_a_program_in_a_pty_is_watched_until_it_paints(tmp_path: Path) -> None:
    script = (
        "import sys; print('ready', flush=True); sys.stdin.readline(); print('got it', flush=True)"
    )
    program = TerminalProgram(
        [sys.executable, "-c", script], env={"PATH": "/usr/bin:/bin"}, size=(80, 24)
    )
    try:
        assert program.wait_for("ready", timeout=10) > 0
        since = len(program.output)
        program.send(b"x\r")
        program.wait_for("got it", since=since, timeout=10)
    finally:
        program.close()
    assert program.process.returncode == 0


def test_the_accounts_csv_is_deterministic_unique_and_valid(tmp_path: Path) -> None:
    assert account_records(50, seed=3) == account_records(50, seed=3)
    assert account_records(50, seed=3) != account_records(50, seed=4)
    records = account_records(200)
    assert len({r[0] for r in records}) == len({r[1] for r in records}) == 200
    path = write_accounts_csv(tmp_path / "accounts.csv", 200)
    assert path.read_text().splitlines()[0] == ",".join(f'"{h}"' for h in HEADERS)
    parsed = read_account_file(path)
    assert len(parsed.rows) == 200 and not parsed.errors
    first = parsed.rows[0].account
    assert first.name == records[0][0] and first.arr_minor > 0 and first.contract_end is not None


def test_probe_gaps_come_from_tick_times() -> None:
    probe = FrameGapProbe(ticks=[1.0, 1.01, 1.05, 1.06])
    assert [round(gap) for gap in probe.gaps_ms] == [10, 40, 10]
    assert round(probe.longest_gap_ms) == 40
    assert FrameGapProbe().longest_gap_ms == 0.0


class Stalling(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("x")


async def test_the_probe_sees_the_event_loop_stall() -> None:
    app = Stalling()
    async with app.run_test() as pilot:
        probe = FrameGapProbe(interval=0.01)
        probe.start(app)
        assert probe.running
        await pilot.pause(0.05)
        time.sleep(0.15)  # blocks the event loop, as a long call on it would
        await pilot.pause(0.05)
        probe.stop()
    assert not probe.running
    assert probe.longest_gap_ms >= 140
    assert len(probe.ticks) > 3
