"""What the screens remember between runs, in one small JSON file in the data folder.

Each screen keeps one entry (a dict of plain values) under its own key. The file is replaced
whole (a temporary file beside it, renamed over it), so an interrupted write leaves the previous
state. Remembering is a convenience: a missing, unreadable or damaged file is an empty memory,
and a failure to write is logged, never shown as an error.
"""

import json
import logging
import os
from pathlib import Path
from typing import Any

from cs_tui import locations
from cs_tui.io.safe_output import OutputError, replacing

log = logging.getLogger(__name__)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remembered(key: str, path: Path | None = None) -> dict[str, Any]:
    """The entry saved under `key`, or an empty dict."""
    entry = _read(path or locations.view_state_file()).get(key)
    return entry if isinstance(entry, dict) else {}


def remember(key: str, entry: dict[str, Any], path: Path | None = None) -> bool:
    """Save `entry` under `key`, keeping the other screens' entries; False when it failed."""
    path = path or locations.view_state_file()
    state = _read(path)
    if state.get(key) == entry:
        return True
    state[key] = entry
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as temporary:
            temporary.write_text(json.dumps(state, indent=2, sort_keys=True) + os.linesep, "utf-8")
    except (OSError, OutputError) as error:
        log.warning("The list's view was not remembered: %s", error)
        return False
    return True
