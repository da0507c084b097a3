"""Reading a review template: the shipped one, the user's `review-template.toml`, or a named file."""

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from cs_tui import locations
from cs_tui.io.os_errors import os_error_cause

SHIPPED = "quarterly.toml"
USER_FILE = "review-template.toml"


class TemplateFileError(Exception):
    """The template file cannot be read; the message names it and why."""


def user_template_file() -> Path:
    return locations.config_dir() / USER_FILE


def read_template(path: Path | None = None) -> tuple[str, dict[str, Any]]:
    """(where it came from, its TOML table): `path`, else the user's file, else the shipped one."""
    if path is None and user_template_file().is_file():
        path = user_template_file()
    if path is None:
        text = (
            resources.files("cs_tui").joinpath("templates", "reviews", SHIPPED).read_text("utf-8")
        )
        source = f"the shipped template ({SHIPPED})"
    else:
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise TemplateFileError(f"{path}: no such file") from None
        except UnicodeDecodeError:
            raise TemplateFileError(f"{path}: not a text file (UTF-8)") from None
        except OSError as error:
            raise TemplateFileError(f"{path}: cannot be read ({os_error_cause(error)})") from error
    try:
        return source, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TemplateFileError(f"{source}: not valid TOML ({error})") from error
