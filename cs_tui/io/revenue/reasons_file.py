"""Which reason taxonomy is in force: `revenue_reasons.toml` in the config folder (or the file
`CS_TUI_REVENUE_REASONS` names), else the one shipped with cs-tui. Read once per change of the file."""

import os
import tomllib
from pathlib import Path
from threading import Lock

from cs_tui import locations
from cs_tui.domain.revenue.taxonomy import Taxonomy, TaxonomyError, parse_taxonomy

DEFAULT_REASONS_FILE = Path(__file__).parents[2] / "default_revenue_reasons.toml"
USER_REASONS_NAME = "revenue_reasons.toml"
ENV_REASONS = "CS_TUI_REVENUE_REASONS"

_cache: dict[Path, tuple[tuple[int, int], Taxonomy]] = {}
_lock = Lock()


def reasons_path() -> Path:
    chosen = os.environ.get(ENV_REASONS)
    if chosen:
        return Path(chosen).expanduser()
    user_file = locations.config_dir() / USER_REASONS_NAME
    return user_file if user_file.exists() else DEFAULT_REASONS_FILE


def read_taxonomy(path: Path) -> Taxonomy:
    """Parse and check one taxonomy file; any problem raises `TaxonomyError` naming it."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise TaxonomyError([("file", "does not exist")], str(path)) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise TaxonomyError([("file", f"not valid TOML ({error})")], str(path)) from None
    except OSError as error:
        raise TaxonomyError([("file", f"cannot be read ({error.strerror})")], str(path)) from None
    return parse_taxonomy(document, source=str(path))


def current_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy in force, reused until its file changes."""
    chosen = path or reasons_path()
    try:
        status = chosen.stat()
        key = (status.st_mtime_ns, status.st_size)
    except OSError:
        key = (-1, -1)
    with _lock:
        cached = _cache.get(chosen)
        if cached is not None and cached[0] == key:
            return cached[1]
    taxonomy = read_taxonomy(chosen)
    with _lock:
        _cache[chosen] = (key, taxonomy)
    return taxonomy
