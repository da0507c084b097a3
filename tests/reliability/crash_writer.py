"""Writes accounts and publishes them, in children killed with SIGKILL at random moments.

    python -m tests.reliability.crash_writer DATABASE KILLS SEED

The parent forks a child per round (after the imports, so a round costs milliseconds); the child
opens the database, writes accounts one transaction each, printing `ack NAME` after each commit,
and syncs every few writes; the parent kills it after a random short delay and keeps the names
acknowledged on complete lines. The acknowledged names go to stdout at the end, one per line.
"""

import os
import random
import select
import signal
import sys
import time

from cs_tui.data.store.database import open_database
from cs_tui.data.sync.engine import sync
from cs_tui.models import Account


def child(database: str, round_no: int, write_fd: int) -> None:
    db = open_database(database, user="crash")
    for number in range(10_000):
        name = f"r{round_no}-{number}"
        with db.write() as session:
            session.add(Account(name=name))
        os.write(write_fd, f"ack {name}\n".encode())
        if number % 3 == 2:
            sync(db)


def main() -> None:
    database, kills, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    acknowledged: list[str] = []
    warm = open_database(database, user="crash")  # compile the ORM once, before the forks
    with warm.write() as session:
        session.add(Account(name="warm-up"))
    sync(warm)
    warm.close()
    acknowledged.append("warm-up")
    for round_no in range(kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            try:
                child(database, round_no, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        deadline = time.monotonic() + rng.uniform(0.03, 0.35)
        buffer = b""
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([read_fd], [], [], left)
            if ready:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    break
                buffer += chunk
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(read_fd, 65536):
            buffer += chunk
        os.close(read_fd)
        for line in buffer.split(b"\n")[:-1]:  # a torn last line was not acknowledged
            if line.startswith(b"ack "):
                acknowledged.append(line[4:].decode())
    sys.stdout.write("".join(f"{name}\n" for name in acknowledged))


if __name__ == "__main__":
    main()
