"""The list's remembered view: read back as it was saved, and a damaged memory is no memory."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.book.views import (
    SORTABLE,
    Query,
    SavedView,
    query_as_saved,
    query_from_saved,
    with_view,
)
from cs_tui.io.view_state import remember, remembered

QUERIES = st.builds(
    Query,
    text=st.text(max_size=20),
    view=st.sampled_from(list(SavedView)),
    owner=st.none() | st.text(min_size=1, max_size=10),
    sort=st.sampled_from(sorted(SORTABLE)),
    descending=st.booleans(),
)


@given(query=QUERIES)
def test_a_saved_query_reads_back_the_same(query: Query) -> None:
    assert query_from_saved(json.loads(json.dumps(query_as_saved(query)))) == query


@given(saved=st.dictionaries(st.sampled_from(["text", "view", "owner", "sort", "descending", "x"]),
                             st.none() | st.booleans() | st.integers() | st.text(max_size=8)))  # fmt: skip
def test_any_saved_values_give_a_valid_query(saved: dict[str, Any]) -> None:
    query = query_from_saved(saved)
    assert query.sort in SORTABLE and isinstance(query.view, SavedView)
    assert isinstance(query.text, str) and isinstance(query.descending, bool)


@pytest.mark.parametrize(
    ("view", "order"),
    [(SavedView.AT_RISK, ("renewal", False)), (SavedView.RENEWALS, ("renewal", False)),
     (SavedView.MINE, ("arr", True)), (SavedView.ALL, ("arr", True))],
)  # fmt: skip
def test_views_with_an_order_of_their_own(view: SavedView, order: tuple[str, bool]) -> None:
    chosen = with_view(Query(text="x", sort="arr", descending=True), view)
    assert (chosen.view, chosen.text, (chosen.sort, chosen.descending)) == (view, "x", order)


def test_entries_are_kept_apart_and_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "state" / "view-state.json"
    assert remembered("account_list", path) == {}
    assert remember("account_list", {"view": "at_risk"}, path)
    assert remember("other", {"a": 1}, path)
    assert remember("account_list", {"view": "all"}, path)
    assert remembered("account_list", path) == {"view": "all"}
    assert remembered("other", path) == {"a": 1}
    assert [p.name for p in path.parent.iterdir()] == ["view-state.json"]  # no partial files left


@pytest.mark.parametrize("content", ["", "{not json", "[1, 2]", '{"account_list": 3}'])
def test_a_damaged_file_is_an_empty_memory_and_is_replaced(tmp_path: Path, content: str) -> None:
    path = tmp_path / "view-state.json"
    path.write_text(content, "utf-8")
    assert remembered("account_list", path) == {}
    assert remember("account_list", {"view": "mine"}, path)
    assert remembered("account_list", path) == {"view": "mine"}


def test_a_state_that_cannot_be_written_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", "utf-8")
    path = blocker / "view-state.json"
    assert not remember("account_list", {"view": "all"}, path)
    assert remembered("account_list", path) == {}
