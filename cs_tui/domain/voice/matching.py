"""Which account a survey respondent belongs to: by contact email, then the email's domain, then
an account column the export carries.

A stakeholder's email is the surest link. Failing that, the email's domain (or a parent domain:
jo@eu.acme.com belongs to acme.com) against the accounts' domains, except for free-mail domains,
which say nothing about the employer. Last, a column naming the account (an external id or the
exact name). A rule that finds several accounts is passed over for the next one; when none finds
exactly one, the respondent is unmatched and `Match.reason` says why, so nobody is dropped silently.
"""

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

K = TypeVar("K", bound=Hashable)
Rule = Literal["email", "domain", "account"]

FREE_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com",
    "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "aol.com", "icloud.com",
    "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de",
    "mail.com", "zoho.com", "yandex.com", "yandex.ru", "qq.com", "163.com", "orange.fr",
    "free.fr", "laposte.net", "t-online.de", "comcast.net", "fastmail.com", "hey.com",
})  # fmt: skip
_EMAIL = re.compile(r"[^@\s<>]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)")


def normalise_email(text: str) -> str:
    """The address in lower case ("Jo <JO@Acme.com>", "mailto:jo@acme.com" -> jo@acme.com);
    "" when the text holds no address."""
    cell = text.strip().casefold().removeprefix("mailto:")
    if "<" in cell and cell.endswith(">"):
        cell = cell[cell.rindex("<") + 1 : -1]
    return cell if _EMAIL.fullmatch(cell) else ""


def email_domain(email: str) -> str:
    return email.rpartition("@")[2] if "@" in email else ""


def normalise_domain(text: str) -> str:
    """A website or domain as accounts store it ("https://www.Acme.com/about" -> acme.com)."""
    cell = text.strip().casefold()
    cell = re.sub(r"^[a-z][a-z0-9+.-]*://", "", cell)
    cell = cell.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].rstrip(".")
    return cell.removeprefix("www.")


def is_free_mail(domain: str) -> bool:
    return domain in FREE_MAIL_DOMAINS


def domain_candidates(domain: str) -> tuple[str, ...]:
    """The domain and each parent with at least two labels: eu.acme.com, acme.com."""
    labels = domain.split(".")
    return tuple(".".join(labels[i:]) for i in range(len(labels) - 1))


@dataclass(frozen=True)
class AccountIndex(Generic[K]):
    """The book's accounts by stakeholder email, by domain and by reference (external id or name,
    compared case-insensitively)."""

    by_email: Mapping[str, Sequence[K]]
    by_domain: Mapping[str, Sequence[K]]
    by_reference: Mapping[str, Sequence[K]]


@dataclass(frozen=True)
class Match(Generic[K]):
    """The account found and the rule that found it, or why none was (`account` is None)."""

    account: K | None
    rule: Rule | None
    reason: str = ""


def match_respondent(index: AccountIndex[K], email: str, account_ref: str) -> Match[K]:
    """Apply the rules in order: contact email, email domain, account column."""
    why: list[str] = []
    address = normalise_email(email)
    if address:
        found = _distinct(index.by_email.get(address, ()))
        if len(found) == 1:
            return Match(found[0], "email")
        if found:
            why.append(f"{address} is a contact of {len(found)} accounts")
        domain = email_domain(address)
        if is_free_mail(domain):
            why.append(f"{domain} is a free-mail domain")
        else:
            for candidate in domain_candidates(domain):
                owners = _distinct(index.by_domain.get(candidate, ()))
                if len(owners) == 1:
                    return Match(owners[0], "domain")
                if owners:
                    why.append(f"{len(owners)} accounts have the domain {candidate}")
                    break
            else:
                why.append(f"no account has the domain {domain}")
    elif email.strip():
        why.append(f"{email.strip()!r} is not an e-mail address")
    reference = account_ref.strip()
    if reference:
        named = _distinct(index.by_reference.get(reference.casefold(), ()))
        if len(named) == 1:
            return Match(named[0], "account")
        why.append(
            f"{len(named)} accounts are named {reference!r}"
            if named
            else f"no account has the external id or name {reference!r}"
        )
    if not why:
        why.append("no e-mail address and no account to match")
    return Match(None, None, "; ".join(why))


def _distinct(found: Sequence[K]) -> list[K]:
    return list(dict.fromkeys(found))
