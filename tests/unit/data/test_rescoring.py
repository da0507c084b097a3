"""Rescoring on both backends: day snapshots, the summary, deltas, windows, sentiment, overrides."""

from datetime import timedelta

import pytest

from cs_tui.data.scoring.health_writes import (
    InvalidHealthInputError,
    clear_override,
    record_sentiment,
    set_override,
)
from cs_tui.data.scoring.rescoring import rescore_accounts, rescore_book
from cs_tui.data.scoring.writes import read_breakdown
from cs_tui.data.store.database import Database
from tests.unit.data.health_book import (
    TODAY,
    add_account,
    add_metrics,
    add_overdue_followup,
    add_touch,
    days_ago,
    healthy_account,
    snapshots,
    summary,
)


def test_rescoring_stores_one_snapshot_per_account_and_day_and_the_same_day_replaces_it(
    db: Database,
) -> None:
    acme = healthy_account(db)
    first = rescore_book(db)
    assert (first.as_of, first.accounts, first.scored) == (TODAY, 1, 1)
    [snapshot] = snapshots(db, acme)
    assert snapshot.taken_on == TODAY
    assert snapshot.band == "green"
    assert snapshot.score is not None and snapshot.score >= 75
    assert read_breakdown(snapshot.breakdown)["by_measure"]["licence_utilisation"] == 0.9
    add_overdue_followup(db, acme, due_ago=10)
    rescore_book(db)
    [replaced] = snapshots(db, acme)
    assert replaced.id == snapshot.id
    assert replaced.score is not None and replaced.score < snapshot.score


def test_the_summary_shows_the_score_and_its_change_since_an_earlier_day(db: Database) -> None:
    acme = healthy_account(db)
    rescore_book(db, as_of=days_ago(2))
    earlier = summary(db, acme)
    assert earlier.scored_on == days_ago(2)
    assert earlier.score_delta is None
    add_metrics(db, acme, "active_users", (1, 20.0))  # usage collapsed
    result = rescore_book(db)
    now = summary(db, acme)
    assert now.scored_on == TODAY
    assert now.score is not None and earlier.score is not None
    assert now.score_delta == pytest.approx(now.score - earlier.score, abs=0.05)
    assert now.score_delta < 0
    assert now.previous_band == earlier.band
    assert now.coverage == pytest.approx(snapshots(db, acme)[-1].coverage)
    assert result.bands == {now.band: 1}
    assert len(snapshots(db, acme)) == 2


def test_rescoring_an_earlier_day_never_moves_the_summary_back(db: Database) -> None:
    acme = healthy_account(db)
    rescore_book(db)
    today = summary(db, acme)
    rescore_book(db, as_of=days_ago(30))
    assert summary(db, acme).scored_on == TODAY
    assert summary(db, acme).score == today.score
    assert [s.taken_on for s in snapshots(db, acme)] == [days_ago(30), TODAY]


def test_an_earlier_day_sees_only_what_was_known_then(db: Database) -> None:
    acme = healthy_account(db)
    add_touch(db, acme, 2)
    rescore_book(db, as_of=days_ago(4))
    values = read_breakdown(snapshots(db, acme)[0].breakdown)["by_measure"]
    assert values["last_touch"] == 3  # the touch 7 days ago, seen 4 days ago
    assert values["licence_utilisation"] == 0.9  # the sample 5 days ago


def test_internal_notes_and_stale_samples_do_not_count(db: Database) -> None:
    quiet = add_account(db, "Quiet", segment="Enterprise")
    add_touch(db, quiet, 40)
    add_touch(db, quiet, 1, kind="internal_note")
    add_metrics(db, quiet, "active_users", (61, 50.0))  # older than 60 days: stale
    add_metrics(db, quiet, "feature_adoption", (59, 0.5))
    rescore_book(db)
    values = read_breakdown(snapshots(db, quiet)[0].breakdown)["by_measure"]
    assert values["last_touch"] == 40
    assert values["licence_utilisation"] is None
    assert values["feature_adoption"] == 0.5


def test_an_account_with_too_little_data_gets_insufficient_not_a_number(db: Database) -> None:
    thin = add_account(db, "Thin")
    add_touch(db, thin, 3)
    result = rescore_book(db)
    [snapshot] = snapshots(db, thin)
    assert (snapshot.score, snapshot.band) == (None, "insufficient")
    assert 0 < snapshot.coverage < 0.5
    assert (summary(db, thin).score, summary(db, thin).band) == (None, "insufficient")
    assert result.bands == {"insufficient": 1}


def test_churned_accounts_are_not_scored(db: Database) -> None:
    gone = healthy_account(db, "Gone", lifecycle_stage="churned")
    result = rescore_book(db)
    assert (result.scored, result.unscored) == (0, 1)
    assert snapshots(db, gone) == []
    assert (summary(db, gone).score, summary(db, gone).band) == (None, "")


def test_rescoring_some_accounts_leaves_the_others_alone(db: Database) -> None:
    acme, other = healthy_account(db), healthy_account(db, "Other")
    result = rescore_accounts(db, [acme])
    assert result.accounts == 1
    assert len(snapshots(db, acme)) == 1
    assert snapshots(db, other) == []
    assert summary(db, other).scored_on is None


def test_many_accounts_are_rescored_in_parts(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import cs_tui.data.scoring.rescoring as rescoring

    monkeypatch.setattr(rescoring, "IDS_PER_QUERY", 2)
    accounts = [healthy_account(db, f"Acme {n}") for n in range(5)]
    result = rescore_accounts(db, accounts)
    assert (result.accounts, result.scored, result.bands) == (5, 5, {"green": 5})
    assert all(len(snapshots(db, account)) == 1 for account in accounts)


def test_sentiment_counts_in_the_score_until_it_expires(db: Database) -> None:
    acme = healthy_account(db)
    rescore_book(db)
    before = summary(db, acme)
    result = record_sentiment(db, "Acme", value=1, reason="Champion is leaving")
    assert result.accounts == 1
    after = summary(db, acme)
    assert after.score is not None and before.score is not None
    assert after.score < before.score
    assert after.coverage > before.coverage

    def sentiment_on(day_offset: int) -> float | None:
        rescore_book(db, as_of=TODAY + timedelta(days=day_offset))
        stored = read_breakdown(snapshots(db, acme)[-1].breakdown)
        return stored["by_measure"]["csm_sentiment"]  # type: ignore[no-any-return]

    assert sentiment_on(60) == 1.0
    assert sentiment_on(61) is None


@pytest.mark.parametrize(
    ("value", "reason", "message"),
    [(6, "Great", "value"), (0, "Bad", "value"), (3, "   ", "reason")],
)
def test_an_invalid_sentiment_is_refused_and_nothing_is_stored(
    db: Database, value: int, reason: str, message: str
) -> None:
    acme = healthy_account(db)
    with pytest.raises(InvalidHealthInputError, match=message):
        record_sentiment(db, acme, value=value, reason=reason)
    assert snapshots(db, acme) == []


def test_an_override_is_shown_with_the_computed_score_kept_until_it_is_cleared(
    db: Database,
) -> None:
    acme = healthy_account(db)
    set_override(db, acme, score=35, reason="Exec sponsor leaving", expires_on=days_ago(-30))
    shown = summary(db, acme)
    assert (shown.score, shown.band, shown.overridden) == (35.0, "red", True)
    [snapshot] = snapshots(db, acme)
    assert snapshot.override_score == 35
    assert snapshot.band == "green" and snapshot.score is not None and snapshot.score > 75
    assert clear_override(db, "Acme") is not None
    cleared = summary(db, acme)
    assert (cleared.score, cleared.band, cleared.overridden) == (snapshot.score, "green", False)
    assert clear_override(db, "Acme") is None


def test_a_new_override_replaces_the_one_in_force_and_an_expired_one_no_longer_counts(
    db: Database,
) -> None:
    acme = healthy_account(db)
    set_override(db, acme, score=35, reason="Exec sponsor leaving", expires_on=days_ago(-30))
    set_override(db, acme, score=60, reason="Sponsor stays after all", expires_on=days_ago(-10))
    assert summary(db, acme).score == 60.0
    rescore_book(db, as_of=days_ago(-10))
    assert summary(db, acme).overridden is True
    rescore_book(db, as_of=days_ago(-11))
    assert summary(db, acme).overridden is False


@pytest.mark.parametrize(
    ("score", "reason", "until", "message"),
    [
        (101, "Too good", 30, "^score: "),
        (50, "", 30, "^reason: "),
        (50, "Soon", 0, r"^expiry \S+ must be after \S+$"),
    ],
)
def test_an_invalid_override_is_refused_and_nothing_is_stored(
    db: Database, score: int, reason: str, until: int, message: str
) -> None:
    acme = healthy_account(db)
    with pytest.raises(InvalidHealthInputError, match=message):
        set_override(db, acme, score=score, reason=reason, expires_on=days_ago(-until))
    assert snapshots(db, acme) == []
