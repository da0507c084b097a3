"""The cached demo book: its key, quick mode's size, reuse, and rebuilding when stale."""

from pathlib import Path

import pytest

from bench import book
from bench.book import BookSpec, cache_key, ensure_book, source_digest
from bench.context import Context


def test_quick_mode_uses_a_small_book_and_full_mode_the_100k_book(tmp_path: Path) -> None:
    assert Context.for_mode(quick=True).accounts == book.QUICK_ACCOUNTS == 2_000
    assert Context.for_mode(quick=False).accounts == book.FULL_ACCOUNTS == 100_000
    assert Context.for_mode(quick=True, accounts=500).accounts == 500


def test_the_key_names_version_revision_size_seed_and_sources() -> None:
    key = cache_key(BookSpec(2_000, 7), version="1.2.3", revision="0004", digest="abc")
    assert key == "book-v1.2.3-r0004-n2000-s7-abc.db"


@pytest.mark.parametrize(
    "change",
    [
        {"version": "0.2.0"},
        {"revision": "0002"},
        {"digest": "other"},
    ],
)
def test_any_change_of_app_or_schema_or_generator_changes_the_key(change: dict[str, str]) -> None:
    base = {"version": "0.1.0", "revision": "0001", "digest": "abc"}
    spec = BookSpec(2_000, 7)
    assert cache_key(spec, **base) != cache_key(spec, **(base | change))


def test_seed_and_size_change_the_key() -> None:
    keys = {
        cache_key(spec, digest="d")
        for spec in (BookSpec(2000, 7), BookSpec(2000, 8), BookSpec(100_000, 7))
    }
    assert len(keys) == 3


def test_the_digest_follows_the_sources(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    first = source_digest(tmp_path)
    assert source_digest(tmp_path) == first
    (tmp_path / "a.py").write_text("x = 2\n")
    assert source_digest(tmp_path) != first


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record books "built" instead of running cs-tui demo."""
    built: list[Path] = []

    def fake_write(spec: BookSpec, target: Path) -> float:
        target.write_text(f"book of {spec.accounts}")
        built.append(target)
        return 1.0

    monkeypatch.setattr(book, "write_demo_book", fake_write)
    monkeypatch.setattr(book, "source_digest", lambda: "digest")
    return built


def test_a_cached_book_is_built_once_then_reused(tmp_path: Path, builds: list[Path]) -> None:
    spec = BookSpec(2_000)
    path = ensure_book(spec, tmp_path, log=False)
    assert path.name == cache_key(spec, digest="digest") and path.read_text() == "book of 2000"
    assert path.with_suffix(".json").exists()
    assert ensure_book(spec, tmp_path, log=False) == path
    assert len(builds) == 1


def test_a_half_built_book_is_rebuilt(tmp_path: Path, builds: list[Path]) -> None:
    spec = BookSpec(2_000)
    (tmp_path / cache_key(spec, digest="digest")).write_text("interrupted")  # no .json beside it
    assert ensure_book(spec, tmp_path, log=False).read_text() == "book of 2000"
    assert len(builds) == 1


def test_stale_books_of_the_same_size_go_and_other_sizes_stay(
    tmp_path: Path, builds: list[Path]
) -> None:
    stale = tmp_path / cache_key(BookSpec(2_000), version="0.0.9", digest="digest")
    other_size = tmp_path / cache_key(BookSpec(100_000), digest="digest")
    for path in (stale, stale.with_suffix(".json"), other_size, other_size.with_suffix(".json")):
        path.write_text("old")
    ensure_book(BookSpec(2_000), tmp_path, log=False)
    assert not stale.exists() and not stale.with_suffix(".json").exists()
    assert other_size.exists() and other_size.with_suffix(".json").exists()
