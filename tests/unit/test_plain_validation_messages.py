"""Validation problems read as a form or a flag would say them, never in the library's words."""

from datetime import date

import pytest
from pydantic import BaseModel, Field, ValidationError

from cs_tui.data.store.validation import problems


class _Form(BaseModel):
    summary: str = Field(default="x", min_length=1, max_length=5)
    score: int = Field(default=5, ge=0, le=10)
    ratio: float = Field(default=0.5, allow_inf_nan=False)
    on: date = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"summary": ""}, ("summary", "cannot be empty")),
        ({"summary": "too long"}, ("summary", "must be at most 5 characters")),
        ({"score": 11}, ("score", "must be at most 10")),
        ({"score": -1}, ("score", "must be at least 0")),
        ({"score": "many"}, ("score", "must be a whole number")),
        ({"ratio": "nan"}, ("ratio", "must be a finite number")),
        ({"on": "2026-02-30"}, ("on", "is not a date (write it as 2026-07-01)")),
    ],
)
def test_each_problem_in_plain_words(values: dict[str, object], expected: tuple[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        _Form.model_validate(values)
    assert problems(caught.value) == [expected]
