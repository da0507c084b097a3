"""An import's accounts are scored at once: the ones it wrote, or the whole book when that is most."""

from cs_tui.data.accounts.imports import import_accounts
from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.scoring.book_scoring import rescore_written
from cs_tui.data.store.database import Database
from cs_tui.domain.book import account_row as r
from tests.unit.data.test_account_import import parsed


def bands(db: Database) -> dict[str, str]:
    return {row[r.NAME]: row[r.BAND] for row in fetch_account_rows(db)}


def test_the_report_names_the_accounts_created_and_changed(db: Database) -> None:
    first = import_accounts(db, parsed({"name": "Acme", "external_id": "A"}, {"name": "Globex"}))
    assert len(first.account_ids) == 2
    second = import_accounts(
        db,
        parsed({"name": "Acme", "external_id": "A", "owner": "tess"}, {"name": "Globex"},
               {"name": "Initech"}),
    )  # fmt: skip
    assert len(second.account_ids) == 2  # Initech created, Acme changed; Globex unchanged
    assert first.account_ids[0] in second.account_ids
    assert import_accounts(db, parsed({"name": "Hooli"}), dry_run=True).account_ids == ()


def test_a_few_written_accounts_are_scored_alone(db: Database) -> None:
    import_accounts(db, parsed(*({"name": f"Old {n}"} for n in range(4))))
    report = import_accounts(db, parsed({"name": "New"}))
    summary = rescore_written(db, report.account_ids)
    assert summary.accounts == 1
    shown = bands(db)
    assert shown["New"] == "insufficient"
    assert all(shown[f"Old {n}"] == "" for n in range(4))  # not touched


def test_most_of_the_book_rescores_the_whole_book(db: Database) -> None:
    import_accounts(db, parsed({"name": "Old"}))
    report = import_accounts(db, parsed({"name": "New 1"}, {"name": "New 2"}))
    summary = rescore_written(db, report.account_ids)
    assert summary.accounts == 3
    assert set(bands(db).values()) == {"insufficient"}
    assert rescore_written(db, []).accounts == 0
