"""The health panel's read-model: score, override beside it, sentiment, explanation, history."""

import pytest

from cs_tui.data.scoring.health_panel import health_panel
from cs_tui.data.scoring.health_writes import record_sentiment, set_override
from cs_tui.data.scoring.rescoring import rescore_book
from cs_tui.data.store.database import Database
from tests.unit.data.health_book import (
    TODAY,
    add_account,
    add_metrics,
    add_touch,
    days_ago,
    healthy_account,
)


def test_the_panel_explains_the_latest_snapshot_and_what_changed_since_the_one_before(
    db: Database,
) -> None:
    acme = healthy_account(db)
    rescore_book(db, as_of=days_ago(2))
    add_metrics(db, acme, "active_users", (1, 25.0))
    rescore_book(db)
    panel = health_panel(db, "acme")
    assert panel.account_name == "Acme"
    assert panel.scored_on == TODAY
    assert (panel.profile, panel.profile_label) == ("standard", "Standard")
    assert panel.score == panel.computed_score and panel.score is not None
    assert panel.band_label == {"green": "Healthy", "yellow": "Watch", "red": "At risk"}[panel.band]
    measures = {m.name: m for g in panel.groups for m in g.measures}
    utilisation = measures["licence_utilisation"]
    assert (utilisation.raw, utilisation.shown) == (0.25, "25%")
    assert sum(m.contribution for m in measures.values()) == pytest.approx(panel.score, abs=0.05)
    assert measures["plan_progress"].shown == "no data"
    assert panel.biggest_detractor is not None
    assert panel.biggest_detractor.name == "licence_utilisation"
    assert panel.change is not None
    assert panel.change.previous_on == days_ago(2)
    assert panel.change.change is not None and panel.change.change < 0
    assert panel.movers[0].name == "licence_utilisation"
    assert (panel.movers[0].shown_before, panel.movers[0].shown_after) == ("90%", "25%")
    assert [p.taken_on for p in panel.history] == [days_ago(2), TODAY]
    assert not panel.scorecard_changed


def test_the_panel_shows_an_override_beside_the_computed_score_and_the_sentiment(
    db: Database,
) -> None:
    acme = healthy_account(db)
    record_sentiment(db, acme, value=2, reason="Budget cuts announced")
    set_override(db, acme, score=40, reason="Exec sponsor leaving", expires_on=days_ago(-14))
    panel = health_panel(db, acme)
    assert (panel.score, panel.band, panel.band_label) == (40.0, "red", "At risk")
    assert panel.computed_score is not None and panel.computed_score > 40
    assert panel.override is not None
    assert (panel.override.reason, panel.override.expires_on) == ("Exec sponsor leaving",
                                                                  days_ago(-14))  # fmt: skip
    assert panel.override.author == "tess"
    assert panel.sentiment is not None
    assert (panel.sentiment.value, panel.sentiment.expired) == (2, False)
    assert panel.sentiment.expires_on == days_ago(-60)
    assert panel.history[-1].overridden
    data = panel.to_json()
    assert data["overridden"] is True
    assert data["override"]["expires_on"] == days_ago(-14).isoformat()
    assert data["groups"][0]["measures"][0]["has_data"] is True


def test_an_account_never_scored_is_scored_on_the_spot_without_storing(db: Database) -> None:
    new = add_account(db, "Newco")
    add_touch(db, new, 1)
    panel = health_panel(db, new)
    assert panel.scored_on is None
    assert (panel.score, panel.band, panel.band_label) == (None, "insufficient",
                                                           "Insufficient data")  # fmt: skip
    assert panel.history == ()
    assert panel.biggest_detractor is None
    assert panel.coverage > 0


def test_a_churned_account_shows_its_history_but_no_score(db: Database) -> None:
    healthy_account(db, "Gone", lifecycle_stage="churned")
    panel = health_panel(db, "gone")
    assert (panel.score, panel.band, panel.groups) == (None, "", ())
    assert panel.not_scored_reason == "churned accounts are not scored"
