"""Which scorecard is in force, read and validated once per change of the file.

Order: an explicit path; `CS_TUI_SCORECARD`; `scorecard = "path"` in the config file (relative to the
config folder); `scorecard.toml` in the config folder; else the scorecard shipped with cs-tui.
"""

import os
import tomllib
from pathlib import Path
from threading import Lock

from cs_tui import locations
from cs_tui.config import read_config_file
from cs_tui.domain.scoring import Scorecard, ScorecardError, Scorer, parse_scorecard
from cs_tui.domain.work.cadence import Cadences

DEFAULT_SCORECARD_FILE = Path(__file__).parents[1] / "default_scorecard.toml"
ENV_SCORECARD = "CS_TUI_SCORECARD"

_cache: dict[Path, tuple[tuple[int, int], Scorer]] = {}
_lock = Lock()


def scorecard_path(explicit: Path | None = None) -> Path:
    """The scorecard file in force (see the module docstring for the order)."""
    if explicit is not None:
        return explicit.expanduser()
    chosen = os.environ.get(ENV_SCORECARD) or read_config_file().get("scorecard")
    if chosen:
        path = Path(str(chosen)).expanduser()
        return path if path.is_absolute() else locations.config_dir() / path
    user_file = locations.user_scorecard_file()
    return user_file if user_file.exists() else DEFAULT_SCORECARD_FILE


def read_scorecard(path: Path) -> Scorecard:
    """Parse and validate one scorecard file; any problem raises `ScorecardError` naming it."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ScorecardError([("file", "does not exist")], str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise ScorecardError([("file", f"not valid TOML ({error})")], str(path)) from error
    except OSError as error:
        raise ScorecardError([("file", f"cannot be read ({error.strerror})")], str(path)) from error
    return parse_scorecard(data, source=str(path))


def current_scorer(path: Path | None = None) -> Scorer:
    """A scorer for the scorecard in force, reused until its file changes."""
    chosen = scorecard_path(path)
    try:
        status = chosen.stat()
        key = (status.st_mtime_ns, status.st_size)
    except OSError:
        key = (-1, -1)
    with _lock:
        cached = _cache.get(chosen)
        if cached is not None and cached[0] == key:
            return cached[1]
    scorer = Scorer(read_scorecard(chosen))
    with _lock:
        _cache[chosen] = (key, scorer)
    return scorer


def configured_cadences() -> Cadences:
    """The check-in cadences of the scorecard in force (the Today and list views use them too)."""
    return current_scorer().card.cadences
