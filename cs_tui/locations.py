"""Where cs-tui keeps things: one place for every path.

`CS_TUI_CONFIG_DIR` and `CS_TUI_DATA_DIR` move the two roots (tests and portable installs use them);
otherwise the platform's conventional directories are used.
"""

import os
from pathlib import Path

APP_NAME = "cs-tui"
DATABASE_FILENAME = "cs-tui.db"


def config_dir() -> Path:
    override = os.environ.get("CS_TUI_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path(APP_NAME)


def data_dir() -> Path:
    override = os.environ.get("CS_TUI_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME)


def config_file() -> Path:
    return config_dir() / "config.toml"


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILENAME


def backups_dir() -> Path:
    return data_dir() / "backups"


def reports_dir() -> Path:
    """Where the app writes documents made for people (QBR packs, review exports)."""
    return data_dir() / "reports"


def user_scorecard_file() -> Path:
    return config_dir() / "scorecard.toml"


def user_templates_dir() -> Path:
    return config_dir() / "templates"


def log_file() -> Path:
    """Where the app records what went wrong in the background, with the details."""
    return data_dir() / "cs-tui.log"


def view_state_file() -> Path:
    """What the screens remember between runs (the account list's last view)."""
    return data_dir() / "view-state.json"
