"""A program in a real pseudo-terminal, watched from outside: what it painted, and when.

The program gets a pty of a fixed size as its terminal. Its output is read continuously (so it
never blocks on a full pty buffer) and kept with escape sequences removed, which is enough to see
whether a piece of text has been painted since a given point of the output.
"""

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, queries
    rb"|\x1bP[^\x1b]*\x1b\\"  # DCS
    rb"|\x1b[@-Z\\-_()][0-9A-Za-z]?"  # two-character escapes, charset selection
)
CTRL_Q = b"\x11"
PR_SET_PDEATHSIG = 1
SIZE = (140, 45)


def _die_with_parent() -> None:
    """In the child: be killed when the suite's process dies, whatever way it dies (Linux).

    A Textual app whose terminal has gone keeps polling it at full speed; it must not outlive us.
    """
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def strip_escapes(data: bytes) -> str:
    """The printable text of terminal output (control sequences removed)."""
    return ESCAPES.sub(b"", data).decode("utf-8", errors="replace")


class TerminalTimeout(RuntimeError):
    """The program did not paint what was waited for in time; the message shows what it painted."""


class TerminalProgram:
    """A child process whose stdin, stdout and stderr are one pseudo-terminal."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        size: tuple[int, int] = SIZE,
        cwd: Path | None = None,
    ) -> None:
        columns, lines = size
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        environment = dict(env, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
        environment.pop("NO_COLOR", None)
        self.output = bytearray()
        self._text_cache: tuple[int, str] = (0, "")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
            preexec_fn=_die_with_parent,
        )
        os.close(slave)
        self.master = master

    @property
    def pid(self) -> int:
        return self.process.pid

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def text(self, since: int = 0) -> str:
        """What was painted after output offset `since`, escape sequences removed."""
        if since == 0:
            if self._text_cache[0] != len(self.output):
                self._text_cache = (len(self.output), strip_escapes(bytes(self.output)))
            return self._text_cache[1]
        return strip_escapes(bytes(self.output[since:]))

    def pump(self, timeout: float) -> bool:
        """Read what the program wrote within `timeout` seconds; False once it has closed the pty."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the child closed its side
            return False
        self.output.extend(chunk)
        return bool(chunk)

    def wait_for(self, needle: str, *, since: int = 0, timeout: float = 60.0) -> float:
        """Seconds from the start until `needle` was painted after output offset `since`."""
        deadline = time.perf_counter() + timeout
        while needle not in self.text(since):
            if time.perf_counter() > deadline:
                raise TerminalTimeout(self._failure(f"{needle!r} was not painted in {timeout}s"))
            if not self.pump(0.05) or self.process.poll() is not None:
                self.pump(0)
                if needle in self.text(since):
                    break
                raise TerminalTimeout(self._failure(f"the program ended before {needle!r}"))
        return self.elapsed()

    def probe(
        self, keys: bytes, needle: str, *, every: float = 0.005, timeout: float = 30.0
    ) -> float:
        """Send `keys` every `every` seconds until `needle` is painted; seconds from the start."""
        since = len(self.output)
        deadline = time.perf_counter() + timeout
        next_send = 0.0
        while needle not in self.text(since):
            now = time.perf_counter()
            if now > deadline:
                raise TerminalTimeout(self._failure(f"{needle!r} never answered {keys!r}"))
            if now >= next_send:
                self.send(keys)
                next_send = now + every
            if not self.pump(every) or self.process.poll() is not None:
                raise TerminalTimeout(self._failure(f"the program ended before {needle!r}"))
        return self.elapsed()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def kill(self) -> int:
        """End the program at once (and anything it started): once measured, how it quits is moot."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        code = self.process.wait()
        os.close(self.master)
        return code

    def close(self, quit_keys: bytes = CTRL_Q, timeout: float = 5.0) -> int | None:
        """Ask the program to quit, read until it has, and kill it if it will not."""
        if self.process.poll() is None:
            with contextlib.suppress(OSError):  # the child may have closed the pty already
                self.send(quit_keys)
            deadline = time.perf_counter() + timeout
            while self.process.poll() is None and time.perf_counter() < deadline:
                if not self.pump(0.05):
                    break
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
        code = self.process.wait()
        os.close(self.master)
        return code

    def _failure(self, message: str) -> str:
        tail = self.text()[-600:].strip()
        return f"{message} (exit code {self.process.poll()}); last output: {tail!r}"
