"""Every write path of a shared table records its field ops in the same transaction."""

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import SQLModel, select

from cs_tui.data.accounts.imports import import_accounts
from cs_tui.data.accounts.records import (
    add_stakeholder,
    create_account,
    delete_account,
    update_account,
)
from cs_tui.data.revenue.events import record_revenue_event
from cs_tui.data.revenue.forecasts import set_forecast
from cs_tui.data.revenue.imports import import_revenue
from cs_tui.data.revenue.views import ForecastDraft, RevenueDraft
from cs_tui.data.signals.metric_import import import_metrics
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.sync import device as devices
from cs_tui.data.sync.apply import apply_ops
from cs_tui.data.sync.tables import DERIVED_TABLES, SYNCED_TABLES
from cs_tui.data.work.check_ins import log_check_in
from cs_tui.data.work.drafts import CheckInDraft, NextStepDraft
from cs_tui.data.work.follow_ups import delete_follow_up, reassign_follow_up, restore_follow_up
from cs_tui.demo.write import write_demo_book
from cs_tui.domain.enums import RevenueKind
from cs_tui.domain.sync.clock import Hlc
from cs_tui.domain.sync.ops import Op
from cs_tui.io.account_file import read_account_file
from cs_tui.io.metrics_file import read_metric_file
from cs_tui.io.revenue.reader import read_revenue_file
from cs_tui.io.revenue.reasons_file import current_taxonomy
from cs_tui.models import AccountCreate, AccountUpdate, FollowUp, MetricSample, StakeholderCreate
from tests.conftest import FROZEN_NOW, TEST_USER, frozen_clock
from tests.unit.data.sync_support import join, outbox, uncaptured, winners
from tests.unit.data.test_revenue import REVENUE, revenue_book
from tests.unit.data.voice_book import load, survey_book

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "imports"


def test_every_table_is_either_synced_or_listed_as_derived() -> None:
    import cs_tui.models  # noqa: F401

    tables = set(SQLModel.metadata.tables)
    neither = sorted(tables - set(SYNCED_TABLES) - set(DERIVED_TABLES))
    assert neither == [], (
        f"add {neither} to SYNCED_TABLES (user data) or DERIVED_TABLES (recomputed) in "
        "cs_tui/data/sync/tables.py"
    )
    assert set(SYNCED_TABLES) & set(DERIVED_TABLES) == set()
    for name in SYNCED_TABLES:
        columns = SQLModel.metadata.tables[name].c
        assert "id" in columns and "deleted_at" in columns, name


def test_outside_a_team_nothing_is_recorded(db: Database) -> None:
    create_account(db, AccountCreate(name="Acme"))
    assert outbox(db) == []


def test_orm_writes_are_captured_with_the_value_they_replaced(db: Database) -> None:
    join(db)
    create_account(db, AccountCreate(name="Acme", owner="al", arr_minor=1000))
    add_stakeholder(db, "Acme", StakeholderCreate(name="Jo Park", email="jo@acme.com"))
    created = {op.field: op for op in outbox(db) if op.table_name == "account"}
    assert created["name"].value == '"Acme"' and created["name"].base == ""
    assert created["name"].author == TEST_USER
    update_account(db, "Acme", AccountUpdate(owner="bo"))
    changed = [op for op in outbox(db) if op.table_name == "account" and op.field == "owner"]
    assert [op.value for op in sorted(changed, key=lambda o: o.clock)] == ['"al"', '"bo"']
    assert sorted(changed, key=lambda o: o.clock)[1].base == created["owner"].clock
    delete_account(db, "Acme")
    assert uncaptured(db) == []


def test_check_ins_and_follow_up_changes_are_captured(db: Database) -> None:
    join(db)
    create_account(db, AccountCreate(name="Acme"))
    draft = CheckInDraft(
        account="Acme",
        summary="Renewal prep",
        sentiment=4,
        nps=9,
        next_steps=(NextStepDraft(title="Send the deck"),),
    )
    log_check_in(db, draft)
    with db.read() as session:
        (follow_up,) = session.exec(select(FollowUp)).all()
    reassign_follow_up(db, str(follow_up.id), "Dana")
    delete_follow_up(db, str(follow_up.id))
    restore_follow_up(db, str(follow_up.id))
    tables = {op.table_name for op in outbox(db)}
    assert {"check_in", "follow_up", "sentiment_entry", "survey_response"} <= tables
    assert uncaptured(db) == []


def test_account_imports_are_captured_on_insert_and_on_update(db: Database, tmp_path: Path) -> None:
    join(db)
    import_accounts(db, read_account_file(FIXTURES / "salesforce_report.csv"))
    assert uncaptured(db) == []
    source = (FIXTURES / "salesforce_report.csv").read_text(encoding="utf-8")
    changed = tmp_path / "changed.csv"
    changed.write_text(source.replace("Tess Ng", "Quinn Ray"), encoding="utf-8")
    report = import_accounts(db, read_account_file(changed))
    assert report.written and report.account_ids
    assert "Quinn Ray" in winners(db).values()
    assert uncaptured(db) == []


def test_metric_imports_are_captured_and_never_bring_a_deleted_sample_back(
    db: Database, tmp_path: Path
) -> None:
    join(db)
    import_accounts(db, read_account_file(FIXTURES / "salesforce_report.csv"))
    import_metrics(db, read_metric_file(FIXTURES / "metrics.csv"), skip_invalid=True)
    assert uncaptured(db) == []
    with db.write() as session:
        sample = session.exec(select(MetricSample)).first()
        assert sample is not None
        sample.deleted_at = FROZEN_NOW
        deleted_id = sample.id
    import_metrics(db, read_metric_file(FIXTURES / "metrics.csv"), skip_invalid=True)
    with db.read() as session:
        again = session.get(MetricSample, deleted_id)
        assert again is not None and again.deleted_at is not None
    assert uncaptured(db) == []


def test_survey_imports_are_captured(db: Database) -> None:
    join(db)
    survey_book(db)
    report = load(db, "qualtrics_nps.csv")
    assert report.new == 3
    assert {"survey_response", "follow_up"} <= {op.table_name for op in outbox(db)}
    assert uncaptured(db) == []


def test_the_demo_book_is_captured(db: Database) -> None:
    join(db)
    write_demo_book(db, accounts=4, seed=2, as_of=date(2026, 6, 15), parallel=False)
    assert {"account", "check_in", "follow_up"} <= {op.table_name for op in outbox(db)}
    assert uncaptured(db) == []


def test_received_ops_are_applied_without_being_sent_again(db: Database) -> None:
    join(db)
    create_account(db, AccountCreate(name="Acme"))
    before = len(outbox(db))
    account_id = next(op.row_id for op in outbox(db) if op.table_name == "account")
    remote = Op("account", account_id, "owner", "bo", Hlc(10**13 - 1, 0, "remote"), "bo")
    with db.write_connection() as connection:
        applied = apply_ops(connection, [remote], now=FROZEN_NOW)
    assert applied.new_ops == 1 and applied.rows_written == 1
    assert len(outbox(db)) == before
    with db.read() as session:
        from cs_tui.models import Account

        assert session.exec(select(Account.owner)).one() == "bo"
    with db.write_connection() as connection:
        assert apply_ops(connection, [remote, remote], now=FROZEN_NOW).new_ops == 0


def test_a_copied_database_gets_a_new_device_id(tmp_path: Path) -> None:
    original = open_database(str(tmp_path / "a.db"), user=TEST_USER, clock=frozen_clock)
    first = join(original)
    create_account(original, AccountCreate(name="Acme"))
    original.close()
    shutil.copy(tmp_path / "a.db", tmp_path / "copy.db")
    copy = open_database(str(tmp_path / "copy.db"), user=TEST_USER, clock=frozen_clock)
    create_account(copy, AccountCreate(name="Globex"))
    with copy.read() as session:
        found = devices.load(session.connection(), writing=False)
    assert found is not None and found.device_id != first.device_id
    globex = [op for op in outbox(copy) if op.value == '"Globex"']
    assert [Hlc.decode(op.clock).device for op in globex] == [found.device_id]
    copy.close()
    reopened = open_database(str(tmp_path / "a.db"), user=TEST_USER, clock=frozen_clock)
    with reopened.read() as session:
        same = devices.load(session.connection(), writing=False)
    assert same is not None and same.device_id == first.device_id
    reopened.close()


@pytest.mark.parametrize("table_name", SYNCED_TABLES)
def test_every_synced_table_is_known_to_the_codec(table_name: str) -> None:
    from cs_tui.data.sync.values import decoders

    assert "deleted_at" in decoders(table_name)


def test_revenue_imports_events_and_forecasts_are_captured(db: Database) -> None:
    join(db)
    revenue_book(db)
    parsed = read_revenue_file(
        REVENUE / "salesforce_opportunities.csv", taxonomy=current_taxonomy()
    )
    assert import_revenue(db, parsed).written
    record_revenue_event(
        db,
        "Initech",
        RevenueDraft(kind=RevenueKind.UPSELL, occurred_on=date(2026, 6, 1), amount=Decimal(500)),
    )
    set_forecast(db, "Initech", ForecastDraft(None, 0.4, "at_risk", "budget cut"))
    tables = {op.table_name for op in outbox(db)}
    assert {"revenue_event", "renewal_forecast", "account"} <= tables
    assert uncaptured(db) == []
