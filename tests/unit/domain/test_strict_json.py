"""Every JSON the program writes is strict: no NaN or Infinity, whatever the values hold."""

import json
import math
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.jsonable import finite, strict_json


def strict_loads(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=5), children, max_size=4)
        | st.tuples(children, children)
    ),
    max_leaves=20,
)


def no_non_finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(map(no_non_finite, value.values()))
    if isinstance(value, list):
        return all(map(no_non_finite, value))
    return True


@given(VALUES)
def test_strict_json_is_read_by_a_strict_parser_and_keeps_every_finite_value(value: Any) -> None:
    text = strict_json(value)
    read = strict_loads(text)
    assert no_non_finite(read)
    assert read == strict_loads(json.dumps(finite(value)))


def test_non_finite_numbers_become_null() -> None:
    data = {"score": math.nan, "values": [1.5, math.inf, -math.inf], "name": "NaN"}
    assert strict_json(data) == '{"score": null, "values": [1.5, null, null], "name": "NaN"}'


def test_values_from_the_default_hook_are_made_finite_too() -> None:
    class Odd:
        pass

    assert strict_json([Odd()], default=lambda _: math.nan) == "[null]"
    assert strict_json({"a": 1}, indent=2) == '{\n  "a": 1\n}'
