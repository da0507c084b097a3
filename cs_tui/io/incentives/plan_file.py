"""Which incentive plan is in force, read from TOML and validated (every bad field named).

Order: an explicit path (`--plan`); `CS_TUI_INCENTIVE_PLAN`; `incentive_plan = "path"` in the config
file (relative to the config folder); `incentive_plan.toml` in the config folder; else the example
plan shipped with cs-tui.
"""

import os
import tomllib
from pathlib import Path

from cs_tui import locations
from cs_tui.config import read_config_file
from cs_tui.domain.incentives.parse import parse_plan
from cs_tui.domain.incentives.plan import Plan, PlanError

EXAMPLE_PLAN_FILE = Path(__file__).parents[2] / "example_incentive_plan.toml"
ENV_PLAN = "CS_TUI_INCENTIVE_PLAN"
USER_PLAN_NAME = "incentive_plan.toml"


def plan_path(explicit: Path | None = None) -> Path:
    """The plan file in force (see the module docstring for the order)."""
    if explicit is not None:
        return explicit.expanduser()
    chosen = os.environ.get(ENV_PLAN) or read_config_file().get("incentive_plan")
    if chosen:
        path = Path(str(chosen)).expanduser()
        return path if path.is_absolute() else locations.config_dir() / path
    user_file = locations.config_dir() / USER_PLAN_NAME
    return user_file if user_file.exists() else EXAMPLE_PLAN_FILE


def read_plan(path: Path) -> Plan:
    """Parse and validate one plan file; any problem raises `PlanError` naming the file and field."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise PlanError([("file", "does not exist")], str(path)) from None
    except IsADirectoryError:
        raise PlanError([("file", "is a folder, not a plan file")], str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise PlanError([("file", f"not valid TOML ({error})")], str(path)) from error
    except UnicodeDecodeError as error:
        raise PlanError([("file", f"not UTF-8 text ({error.reason})")], str(path)) from error
    except OSError as error:
        raise PlanError([("file", f"cannot be read ({error.strerror})")], str(path)) from error
    return parse_plan(data, source=str(path))


def plan_in_force(explicit: Path | None = None) -> Plan:
    return read_plan(plan_path(explicit))


def plan_from_text(text: str, source: str = "") -> Plan:
    """A plan from its TOML text (the copy frozen with a closed period)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PlanError([("file", f"not valid TOML ({error})")], source) from error
    return parse_plan(data, source=source)


def read_plan_text(path: Path) -> tuple[Plan, str]:
    """The plan and its text, to freeze with a closed period."""
    plan = read_plan(path)
    return plan, path.read_text(encoding="utf-8")
