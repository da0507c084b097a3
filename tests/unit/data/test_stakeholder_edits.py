"""Stakeholders by hand: one primary per account, tombstones undone, stale edits refused."""

import pytest

from cs_tui.data.accounts.edit_fields import EditConflictError
from cs_tui.data.accounts.edits import add_account
from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.stakeholders.fields import parse_role, person_values
from cs_tui.data.stakeholders.people import (
    add_stakeholder_to,
    delete_stakeholder,
    edit_stakeholder,
    list_stakeholders,
    restore_stakeholder,
)
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.domain.enums import StakeholderRole


@pytest.fixture
def account(db: Database) -> str:
    return add_account(db, {"name": "Acme Analytics"}).id


def names(db: Database, account: str) -> list[tuple[str, bool]]:
    return [(p.name, p.is_primary) for p in list_stakeholders(db, account).people]


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("champion", StakeholderRole.CHAMPION),
        ("sponsor", StakeholderRole.EXECUTIVE_SPONSOR),
        ("Decision-Maker", StakeholderRole.DECISION_MAKER),
        ("decision maker", StakeholderRole.DECISION_MAKER),
        (" USER ", StakeholderRole.USER),
        ("detractor", StakeholderRole.DETRACTOR),
    ],
)
def test_roles_read_as_people_write_them(typed: str, role: StakeholderRole) -> None:
    assert parse_role(typed) is role


def test_an_unknown_role_lists_the_roles() -> None:
    with pytest.raises(ValueError, match=r"'boss' is not a role .*champion, sponsor"):
        parse_role("boss")


def test_one_primary_per_account(db: Database, account: str) -> None:
    ana = add_stakeholder_to(db, account, {"name": "Ana Lima", "role": "champion", "primary": True})
    add_stakeholder_to(db, account, {"name": "Bob Smith", "email": "bob@acme.com"})
    assert names(db, account) == [("Ana Lima", True), ("Bob Smith", False)]
    add_stakeholder_to(db, account, {"name": "Cy Young", "primary": True})
    assert names(db, account) == [("Cy Young", True), ("Ana Lima", False), ("Bob Smith", False)]
    edit_stakeholder(db, ana.id, {"primary": True})
    assert names(db, account) == [("Ana Lima", True), ("Bob Smith", False), ("Cy Young", False)]
    detail = get_account_detail(db, account)
    assert [p.name for p in detail.stakeholders if p.is_primary] == ["Ana Lima"]


def test_an_edit_changes_only_the_named_fields(db: Database, account: str) -> None:
    bob = add_stakeholder_to(
        db, account, {"name": "Bob Smith", "email": "bob@acme.com", "title": "CTO"}
    )
    edited = edit_stakeholder(db, bob.id, {"role": "sponsor"})
    assert (edited.name, edited.email, edited.title, edited.role) == (
        "Bob Smith", "bob@acme.com", "CTO", "executive_sponsor",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"email": "bob at acme"}, "E-mail: email 'bob at acme' is not an e-mail address"),
        ({"role": "boss"}, "Role: 'boss' is not a role"),
        ({"name": ""}, "Name: cannot be empty"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    db: Database, account: str, typed: dict[str, str], message: str
) -> None:
    bob = add_stakeholder_to(db, account, {"name": "Bob Smith"})
    with pytest.raises(InvalidInputError, match=message):
        edit_stakeholder(db, bob.id, typed)
    with pytest.raises(InvalidInputError, match=message.split(":")[0]):
        add_stakeholder_to(db, account, {"name": "Cy", **typed})
    assert names(db, account) == [("Bob Smith", False)]


def test_unknown_ids_and_accounts_are_named(db: Database, account: str) -> None:
    with pytest.raises(NotFoundError, match="'nope' is not a stakeholder id"):
        edit_stakeholder(db, "nope", {"title": "CTO"})
    with pytest.raises(NotFoundError, match="no stakeholder has the id"):
        delete_stakeholder(db, "0" * 32)
    with pytest.raises(NotFoundError, match="no account matches 'Zeta'"):
        add_stakeholder_to(db, "Zeta", {"name": "Bob"})


def test_delete_and_undo(db: Database, account: str) -> None:
    ana = add_stakeholder_to(db, account, {"name": "Ana Lima", "primary": True})
    delete_stakeholder(db, ana.id)
    assert names(db, account) == []
    with pytest.raises(NotFoundError):
        delete_stakeholder(db, ana.id)
    assert restore_stakeholder(db, ana.id).is_primary
    assert names(db, account) == [("Ana Lima", True)]
    delete_stakeholder(db, ana.id)
    add_stakeholder_to(db, account, {"name": "Cy Young", "primary": True})
    restore_stakeholder(db, ana.id)  # the primary chosen meanwhile stays the primary
    assert names(db, account) == [("Cy Young", True), ("Ana Lima", False)]


def test_a_stale_form_never_writes_back_and_a_clash_is_a_conflict(
    db: Database, account: str
) -> None:
    bob = add_stakeholder_to(db, account, {"name": "Bob Smith", "title": "CTO"})
    opened = person_values(bob)
    edit_stakeholder(db, bob.id, {"title": "VP Engineering", "email": "bob@acme.com"})
    mine = edit_stakeholder(db, bob.id, {"role": "champion"}, opened=opened)
    assert (mine.title, mine.email, mine.role) == ("VP Engineering", "bob@acme.com", "champion")
    with pytest.raises(EditConflictError, match="Title: now VP Engineering, yours Head of IT"):
        edit_stakeholder(db, bob.id, {"title": "Head of IT"}, opened=opened)
    assert list_stakeholders(db, account).people[0].title == "VP Engineering"
