"""Typed reading of TOML data that records each problem with its field instead of stopping."""

import math
from collections.abc import Mapping
from typing import Any


class ScorecardError(ValueError):
    """The scorecard is invalid; `problems` holds (field, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]], source: str = "") -> None:
        self.problems = tuple(problems)
        self.source = source
        where = f"{source}: " if source else ""
        listed = "; ".join(f"{path}: {message}" for path, message in problems)
        super().__init__(f"{where}invalid scorecard: {listed}")


class Reader:
    """Typed getters that record a problem (and return a fallback) instead of raising."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def table(self, data: Any, path: str, allowed: tuple[str, ...] | None = None) -> dict[str, Any]:
        if not isinstance(data, Mapping):
            self.fail(path, f"must be a table, not {shown(data)}")
            return {}
        if allowed is not None:
            for key in data:
                if key not in allowed:
                    self.fail(f"{path}.{key}" if path else key, unknown(key, allowed))
        return dict(data)

    def number(
        self, data: Any, path: str, *, low: float | None = None, high: float | None = None,
        positive: bool = False,
    ) -> float | None:  # fmt: skip
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail(path, f"must be a number, not {shown(data)}")
            return None
        if isinstance(data, float) and not math.isfinite(data):
            self.fail(path, f"must be a finite number, not {shown(data)}")
            return None
        value = float(data)
        if positive and value <= 0:
            self.fail(path, f"must be positive, not {shown(data)}")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(path, f"must be between {low:g} and {high:g}, not {shown(data)}")
            return None
        return value

    def whole(self, data: Any, path: str, *, low: int = 1, high: int = 3650) -> int | None:
        if isinstance(data, bool) or not isinstance(data, int) or not low <= data <= high:
            self.fail(path, f"must be a whole number from {low} to {high}, not {shown(data)}")
            return None
        return data

    def text(self, data: Any, path: str) -> str | None:
        if not isinstance(data, str) or not data.strip():
            self.fail(path, f"must be a non-empty string, not {shown(data)}")
            return None
        return data.strip()

    def texts(self, data: Any, path: str, allowed: list[str] | None = None) -> frozenset[str]:
        if not isinstance(data, list) or not all(isinstance(v, str) for v in data):
            self.fail(path, f"must be a list of strings, not {shown(data)}")
            return frozenset()
        if allowed is not None:
            for item in data:
                if item not in allowed:
                    self.fail(path, unknown(item, tuple(allowed)))
        return frozenset(data)

    def numbers(self, data: Any, path: str) -> tuple[float, ...] | None:
        if not isinstance(data, list) or not data:
            self.fail(path, f"must be a non-empty list of numbers, not {shown(data)}")
            return None
        found = [self.number(item, f"{path}[{n}]") for n, item in enumerate(data)]
        return None if any(v is None for v in found) else tuple(v for v in found if v is not None)


def shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def unknown(key: str, allowed: tuple[str, ...]) -> str:
    return f"unknown name {key!r}; expected one of {', '.join(allowed)}"
