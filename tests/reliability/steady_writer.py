"""Writes COUNT accounts named PREFIX-N, syncing every few writes (one of two processes on a device).

python -m tests.reliability.steady_writer DATABASE PREFIX COUNT
"""

import sys

from cs_tui.data.store.database import open_database
from cs_tui.data.sync.engine import sync
from cs_tui.models import Account


def main() -> None:
    database, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    db = open_database(database, user=prefix)
    for number in range(count):
        with db.write() as session:
            session.add(Account(name=f"{prefix}-{number}"))
        if number % 4 == 3:
            sync(db)
    db.close()


if __name__ == "__main__":
    main()
