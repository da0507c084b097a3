"""Typed settings from the TOML config file and the environment.

Two readers share one resolution order (command line > environment > config file > default):

* `launch_settings()` reads only what opening the app needs (database, user, theme, key map) with
  `tomllib`, because importing pydantic costs more than the whole first frame;
* `load_settings()` validates the whole file through pydantic-settings for everything else.
"""

import getpass
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from cs_tui import locations
from cs_tui.domain.money import NO_RATES, ExchangeRates

ENV_DATABASE_URL = "CS_TUI_DATABASE_URL"
ENV_USER = "CS_TUI_USER"
DEFAULT_THEME = "cs-tui"


class ConfigError(Exception):
    """The config file cannot be read or holds an invalid value; the message names which."""


def read_config_file(path: Path | None = None) -> dict[str, Any]:
    """The config file as a dict; an absent file is an empty config."""
    path = path or locations.config_file()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from error
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from error


def normalise_database_url(value: str) -> str:
    """A path or URL as given by a user, as an SQLAlchemy URL."""
    value = value.strip()
    if value.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def resolve_database_url(explicit: str | None, raw: dict[str, Any]) -> str:
    for candidate in (explicit, os.environ.get(ENV_DATABASE_URL), raw.get("database_url")):
        if candidate:
            return normalise_database_url(str(candidate))
    return normalise_database_url(str(locations.default_database_path()))


def resolve_user(raw: dict[str, Any]) -> str:
    for candidate in (os.environ.get(ENV_USER), raw.get("user")):
        if candidate and str(candidate).strip():
            return str(candidate).strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"


CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def exchange_rates(raw: dict[str, Any]) -> ExchangeRates:
    """The `[currency]` table: `base = "USD"` and `rates = { EUR = 1.08 }` (one EUR is worth 1.08
    USD). Absent, totals are shown per currency; a wrong value is refused with its key named."""
    table = raw.get("currency")
    if table is None:
        return NO_RATES
    where = f"{locations.config_file()}: [currency]"
    if not isinstance(table, dict):
        raise ConfigError(f'{where} must be a table, e.g. base = "USD"')
    base = table.get("base")
    if base is None:
        if table.get("rates"):
            raise ConfigError(f"{where} base: say which currency the rates convert into")
        return NO_RATES
    if not isinstance(base, str) or not CURRENCY_CODE.fullmatch(base):
        raise ConfigError(f'{where} base: {base!r} is not a currency code such as "USD"')
    rates = table.get("rates", {})
    if not isinstance(rates, dict):
        raise ConfigError(
            f"{where} rates: must map currency codes to numbers, e.g. {{ EUR = 1.08 }}"
        )
    found: dict[str, Decimal] = {}
    for code, value in rates.items():
        if not CURRENCY_CODE.fullmatch(code):
            raise ConfigError(f'{where} rates.{code}: not a currency code such as "EUR"')
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where} rates.{code}: {value!r} is not a number")
        if not math.isfinite(value) or value <= 0:
            raise ConfigError(f"{where} rates.{code}: must be a positive number, not {value!r}")
        found[code] = Decimal(str(value))
    return ExchangeRates(base=base, rates=found)


def team_names(raw: dict[str, Any]) -> dict[str, str]:
    """The `[[team]]` list: each member's login and the name customers see (`login = "jdoe",
    name = "Jane Doe"`), as {login: name}. A wrong entry is refused with its place named."""
    entries = raw.get("team", [])
    where = f"{locations.config_file()}: [[team]]"
    if not isinstance(entries, list):
        raise ConfigError(
            f'{where} must be a list of tables: [[team]] login = "jdoe", name = "..."'
        )
    names: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ConfigError(f"{where} entry {number}: must be a table with login and name")
        for key in ("login", "name"):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where} entry {number} {key}: give the member's {key} as text")
        login = entry["login"].strip()
        if login in names:
            raise ConfigError(f"{where} entry {number} login: {login!r} is listed twice")
        names[login] = entry["name"].strip()
    return names


@dataclass(frozen=True)
class LaunchSettings:
    """What opening the app needs, read without pydantic."""

    database_url: str
    user: str
    theme: str = DEFAULT_THEME
    keymap: dict[str, str] = field(default_factory=dict)
    start_screen: str = "today"
    currency: ExchangeRates = NO_RATES


def launch_settings(database: str | None = None) -> LaunchSettings:
    raw = read_config_file()
    keymap = raw.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
        raise ConfigError(f"{locations.config_file()}: [keymap] must map binding ids to keys")
    return LaunchSettings(
        database_url=resolve_database_url(database, raw),
        user=resolve_user(raw),
        theme=str(raw.get("theme") or DEFAULT_THEME),
        keymap=dict(keymap),
        start_screen=str(raw.get("start_screen") or "today"),
        currency=exchange_rates(raw),
    )


@lru_cache(maxsize=1)
def _settings_model() -> type[Any]:
    """The pydantic-settings model, built on first use so that importing this module stays cheap."""
    from pydantic import Field, field_validator
    from pydantic_settings import (
        BaseSettings,
        PydanticBaseSettingsSource,
        SettingsConfigDict,
        TomlConfigSettingsSource,
    )

    class Settings(BaseSettings):
        model_config = SettingsConfigDict(env_prefix="CS_TUI_", extra="ignore", allow_inf_nan=False)

        database_url: str | None = None
        user: str | None = None
        theme: str = DEFAULT_THEME
        start_screen: str = Field(default="today", pattern="^(today|accounts)$")
        keymap: dict[str, str] = Field(default_factory=dict)
        renewal_window_days: int = Field(default=120, ge=1, le=730)
        plan_coverage_window_days: int = Field(default=183, ge=1, le=730)
        plan_coverage_target: float = Field(default=0.5, ge=0, le=1)
        survey_alert_days: int = Field(default=14, ge=1, le=365)
        default_currency: str = Field(default="USD", pattern="^[A-Z]{3}$")
        scorecard: Path | None = None

        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            toml = TomlConfigSettingsSource(settings_cls, toml_file=locations.config_file())
            return (init_settings, env_settings, toml)

        @field_validator("theme")
        @classmethod
        def _theme_not_blank(cls, value: str) -> str:
            if not value.strip():
                raise ValueError("must not be blank")
            return value

    return Settings


def load_settings(overrides: dict[str, Any] | None = None) -> Any:
    """Validated settings: config file, then environment, then `overrides` (e.g. CLI flags)."""
    from pydantic import ValidationError

    read_config_file()  # reports a malformed file with its path before pydantic sees it
    model = _settings_model()
    try:
        settings = model(**(overrides or {}))
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise ConfigError(f"{locations.config_file()}: {problems}") from error
    return settings


def save_setting(key: str, value: Any) -> None:
    """Write one top-level key into the config file, keeping the user's comments and layout."""
    import tomlkit

    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    document = tomlkit.parse(path.read_text("utf-8")) if path.exists() else tomlkit.document()
    document[key] = value
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(tomlkit.dumps(document), "utf-8")
    tmp.replace(path)


CONFIG_KEYS = ("database_url", "user", "theme", "start_screen")
"""The keys `cs-tui config set` writes (the others are edited in the file)."""


def without_password(url: str) -> str:
    """A server URL with its password removed (psycopg then reads PGPASSWORD or ~/.pgpass)."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    login = parts.netloc.rsplit("@", 1)[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{login}@{host}" if login else host))


def save_database_url(url: str, *, keep_password: bool = False) -> str:
    """Write `database_url` into the config file, its password only when asked; what was saved."""
    url = normalise_database_url(url)
    saved = url if keep_password else without_password(url)
    save_setting("database_url", saved)
    return saved
