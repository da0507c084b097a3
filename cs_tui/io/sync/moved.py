"""`moved.json`: the mark a team folder gets when its team moved to a PostgreSQL server.

It names the server (host, port, database and the user who moved it, never a password) and when
and by whom the folder was moved. Written once, atomically; a folder with the mark is never
published to again.
"""

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from cs_tui.io.sync.folder import TeamFolderError, write_atomically

MOVED_FILE = "moved.json"


@dataclass(frozen=True)
class FolderMoved:
    host: str
    port: int
    database: str
    moved_at: datetime
    moved_by: str
    server_user: str = ""

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}/{self.database}"

    def url(self, user: str = "", password: str = "") -> str:
        """The server's SQLAlchemy URL for `user` (the password only when given)."""
        from urllib.parse import quote

        login = quote(user or self.server_user, safe="")
        if login and password:
            login += ":" + quote(password, safe="")
        at = f"{login}@" if login else ""
        return f"postgresql+psycopg://{at}{self.host}:{self.port}/{quote(self.database, safe='')}"


def read_moved(folder: Path) -> FolderMoved | None:
    """The folder's move mark, or None when the team still syncs through it."""
    path = folder / MOVED_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TeamFolderError(
            f"{path} cannot be read ({error}): the team may have moved to a server; ask whoever "
            "moved it for the server's address."
        ) from error
    try:
        return FolderMoved(
            host=str(data["host"]),
            port=int(data["port"]),
            database=str(data["database"]),
            moved_at=datetime.fromisoformat(str(data["moved_at"])),
            moved_by=str(data.get("moved_by", "")),
            server_user=str(data.get("server_user", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise TeamFolderError(f"{path} is not a move mark: {error}") from error


def write_moved(folder: Path, moved: FolderMoved) -> None:
    """Mark the folder as moved; refused when it already is (the first move wins)."""
    data = asdict(moved)
    data["moved_at"] = moved.moved_at.isoformat()
    text = json.dumps(data, indent=2) + "\n"
    try:
        write_atomically(folder / MOVED_FILE, text.encode(), replace=False)
    except FileExistsError as error:
        raise TeamFolderError(f"{folder} was already moved to a server.") from error
