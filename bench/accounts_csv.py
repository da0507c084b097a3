"""A deterministic accounts CSV shaped like a Salesforce report export, for the import benchmarks.

Amounts carry a currency symbol and thousands separators and dates are US-style, as such exports
have them; every row is valid and every name and Account ID is unique, so the whole file imports.
"""

import csv
import random
from datetime import date, timedelta
from pathlib import Path

HEADERS = (
    "Account Name",
    "Account ID",
    "Account Owner",
    "ARR",
    "Renewal Date",
    "Segment",
    "Industry",
    "Website",
)
WORDS = (
    "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent",
    "Tyrell", "Cyberdyne", "Aperture", "Massive", "Dynamic", "Northwind", "Contoso", "Fabrikam",
    "Wonka", "Gringotts", "Oscorp", "Pied", "Piper", "Blue", "Sun", "Vertex", "Summit", "Harbor",
)  # fmt: skip
SUFFIXES = ("Inc.", "LLC", "Ltd", "GmbH", "Group", "Holdings", "Corp", "Partners")
SEGMENTS = ("Enterprise", "Mid-Market", "SMB")
INDUSTRIES = ("Software", "Manufacturing", "Retail", "Healthcare", "Finance", "Energy", "Media")
OWNERS = tuple(
    f"{first} {last}" for first in ("Ana", "Ben", "Chloe", "Dev", "Ema") for last in ("Ng", "Kim")
)
START = date(2026, 12, 1)


def account_records(count: int, seed: int = 7) -> list[tuple[str, ...]]:
    """`count` CSV records (header not included), the same for the same seed."""
    rng = random.Random(seed)
    records: list[tuple[str, ...]] = []
    for index in range(count):
        first, second = rng.choice(WORDS), rng.choice(WORDS)
        name = f"{first} {second} {rng.choice(SUFFIXES)} {index:06d}"
        segment = SEGMENTS[rng.randrange(3)]
        cents = rng.randrange(500_000, 250_000_000)
        renewal = START + timedelta(days=rng.randrange(0, 540))
        records.append(
            (
                name,
                f"0015g{index:08d}AB",
                rng.choice(OWNERS),
                f"${cents // 100:,}.{cents % 100:02d}",
                f"{renewal.month}/{renewal.day}/{renewal.year}",
                segment,
                rng.choice(INDUSTRIES),
                f"{first.lower()}{second.lower()}{index}.com",
            )
        )
    return records


def write_accounts_csv(path: Path, count: int, seed: int = 7) -> Path:
    """Write the file (UTF-8, comma separated, every cell quoted as Salesforce does)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(HEADERS)
        writer.writerows(account_records(count, seed))
    partial.replace(path)
    return path
