"""Exit-survey reasons under the revenue reason taxonomy: the mapping of a customer's own words,
and the stated-beside-judged table."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.revenue.taxonomy import TaxonomyError, parse_taxonomy
from cs_tui.domain.voice.reasons import Judged, Stated, reason_table, stated_reason
from cs_tui.io.revenue.reasons_file import DEFAULT_REASONS_FILE, read_taxonomy

TAXONOMY = read_taxonomy(DEFAULT_REASONS_FILE)


@pytest.mark.parametrize(
    ("reason", "comment", "competitor", "code", "by"),
    [
        ("budget", "", "", "budget", "reason"),  # the code
        ("Price too high", "", "", "price", "reason"),  # the label
        ("No Budget / Lost Funding", "", "", "budget", "reason"),  # an alias
        ("Budget cuts", "", "", "budget", "reason"),
        ("Acquired by a larger company", "", "", "acquired", "reason"),  # an alias as words
        ("It never fit our workflow", "", "", "product_fit", "reason"),  # keywords
        ("Too expensive for a team our size", "", "", "price", "reason"),
        ("Nobody used it after the rollout", "", "", "low_adoption", "reason"),
        ("Our champion left the company", "", "", "champion_left", "reason"),
        ("We had layoffs", "", "", "seat_reduction", "reason"),
        ("Support never answered", "", "", "poor_service", "reason"),
        ("", "Cheaper plans for small teams, please.", "", "price", "comment"),
        ("Hard to say", "Honestly the ROI was never there", "", "no_value", "comment"),
        ("", "", "Gainsight", "competitor", "competitor"),
        ("Moving to Gainsight", "", "Gainsight", "competitor", "reason"),
        ("Other", "", "", "other", "reason"),
    ],
)
def test_a_stated_reason_maps_to_the_taxonomy(
    reason: str, comment: str, competitor: str, code: str, by: str
) -> None:
    found = stated_reason(TAXONOMY, reason, comment, competitor)
    assert (found.reason.code if found.reason else None, found.by) == (code, by)
    assert found.text == (reason.strip() or comment.strip())


@pytest.mark.parametrize(
    ("reason", "comment", "competitor", "text"),
    [
        ("The moon was in the wrong phase", "", "", "The moon was in the wrong phase"),
        ("Unaffordability", "", "", "Unaffordability"),  # keywords match whole words only
        ("", "See you!", "", "See you!"),
        ("Hard to say", "", "Vitally", "Hard to say"),  # a stated reason is not replaced
        ("", "", "", ""),
        ("  ", "\n", "", ""),
    ],
)
def test_what_fits_no_reason_stays_unmapped_with_its_words(
    reason: str, comment: str, competitor: str, text: str
) -> None:
    found = stated_reason(TAXONOMY, reason, comment, competitor)
    assert (found.reason, found.by, found.text) == (None, "", text)


def test_keywords_come_after_codes_labels_and_aliases_and_follow_the_file_order() -> None:
    taxonomy = parse_taxonomy(
        {"reason": [
            {"category": "A", "code": "first", "label": "First", "avoidable": True,
             "keywords": ["slow"]},
            {"category": "B", "code": "second", "label": "Second", "avoidable": True,
             "aliases": ["Slow support"], "keywords": ["slow", "support"]},
        ]},
        source="test",
    )  # fmt: skip
    codes = {
        text: getattr(stated_reason(taxonomy, text).reason, "code", None)
        for text in ("Slow support", "slow, bad support")
    }
    assert codes == {"Slow support": "second", "slow, bad support": "first"}
    assert taxonomy.match("slow, bad support") is None  # CRM wording never uses keywords


def test_keywords_must_be_a_list_of_texts() -> None:
    with pytest.raises(TaxonomyError) as raised:
        parse_taxonomy(
            {"reason": [{"category": "A", "code": "a", "label": "A", "avoidable": False,
                         "keywords": "cost"}]},
            source="reasons.toml",
        )  # fmt: skip
    assert raised.value.problems == (("reason 1.keywords", "a list of texts in quotes"),)


def test_the_table_puts_stated_beside_judged_per_category() -> None:
    table = reason_table(
        TAXONOMY,
        [
            Stated("a", "Budget cuts", "", ""),
            Stated("b", "", "", "Gainsight"),
            Stated("c", "No idea", "", "Vitally"),
            Stated("c", "no  IDEA", "", ""),
            Stated("d", "", "", ""),
        ],
        [
            Judged("a", "budget", 1_000_00, "USD"),
            Judged("b", "competitor", 500_00, "EUR", "Gainsight"),
            Judged("e", "price", 200_00, "USD"),
        ],
    )
    assert [(c.name, c.stated, c.judged) for c in table.categories] == [
        ("Money", 1, 2), ("Competition", 1, 1),
    ]  # fmt: skip
    money, competition = table.categories
    assert money.judged_lost == (("USD", 1_200_00),) and money.stated_lost == (("USD", 1_000_00),)
    (rival,) = competition.reasons
    assert (rival.stated_lost, rival.judged_lost) == ((("EUR", 500_00),), (("EUR", 500_00),))
    assert [(c.name, c.stated, c.judged) for c in rival.competitors] == [("Gainsight", 1, 1)]
    assert [(u.text, u.count, u.competitors) for u in table.unmapped] == [
        ("No idea", 2, ("Vitally",))
    ]
    assert table.unstated == 1
    assert (table.agreeing, table.compared) == (2, 2)


stated_items = st.builds(
    Stated,
    account=st.sampled_from("abcd"),
    reason=st.sampled_from(["", "Budget cuts", "Too expensive", "??", "Acquired", "fit"]),
    comment=st.sampled_from(["", "nobody used it", "hm"]),
    competitor=st.sampled_from(["", "Gainsight", "Vitally"]),
)
judged_items = st.builds(
    Judged,
    account=st.sampled_from("abcde"),
    reason_code=st.sampled_from(["budget", "price", "competitor", "gone_fishing"]),
    amount_minor=st.integers(0, 10**9),
    currency=st.sampled_from(["USD", "EUR"]),
    competitor=st.sampled_from(["", "Gainsight"]),
)


@given(st.lists(stated_items, max_size=30), st.lists(judged_items, max_size=30))
def test_every_answer_and_event_is_counted_once(stated: list[Stated], judged: list[Judged]) -> None:
    table = reason_table(TAXONOMY, stated, judged)
    assert sum(c.stated for c in table.categories) + sum(u.count for u in table.unmapped) + (
        table.unstated
    ) == len(stated)
    assert sum(c.judged for c in table.categories) == len(judged)
    for currency in ("USD", "EUR"):
        lost = sum(m for c in table.categories for cur, m in c.judged_lost if cur == currency)
        assert lost == sum(j.amount_minor for j in judged if j.currency == currency)
    assert 0 <= table.agreeing <= table.compared
    assert all(r.stated or r.judged for r in table.rows)


def test_an_account_stating_two_reasons_of_a_category_loses_its_arr_once_there() -> None:
    table = reason_table(
        TAXONOMY,
        [Stated("a", "Budget cuts", "", ""), Stated("a", "Too expensive", "", "")],
        [Judged("a", "price", 300_00, "USD")],
    )
    (money,) = table.categories
    assert [(r.code, r.stated_lost) for r in money.reasons] == [
        ("budget", (("USD", 300_00),)), ("price", (("USD", 300_00),)),
    ]  # fmt: skip
    assert money.stated_lost == (("USD", 300_00),) and money.judged_lost == (("USD", 300_00),)
