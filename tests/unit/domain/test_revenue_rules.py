"""The revenue rules: kinds, the reason taxonomy, an event's effect on the account, periods, risk."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.enums import LifecycleStage, RevenueKind
from cs_tui.domain.revenue.effects import (
    AccountState,
    EffectError,
    EventInput,
    add_months,
    apply_event,
    apply_events,
    effect_of,
    renewed_until,
)
from cs_tui.domain.revenue.forecast import (
    ForecastError,
    RenewalExposure,
    arr_at_risk,
    check_probability,
    is_at_risk,
    parse_category,
)
from cs_tui.domain.revenue.kinds import KindError, kind_label, parse_kind
from cs_tui.domain.revenue.taxonomy import (
    ReasonError,
    TaxonomyError,
    check_reason,
    parse_taxonomy,
)
from cs_tui.io.revenue.reasons_file import DEFAULT_REASONS_FILE, read_taxonomy

TAXONOMY = read_taxonomy(DEFAULT_REASONS_FILE)
ACTIVE = AccountState(10_000_00, LifecycleStage.VALUE, date(2026, 9, 30))


@pytest.mark.parametrize(
    ("kind", "type_", "expected"),
    [
        ("new", None, RevenueKind.NEW),
        ("renewal", None, RevenueKind.RENEWAL),
        ("expansion", None, RevenueKind.UPSELL),
        ("expansion", "cross_sell", RevenueKind.CROSS_SELL),
        ("expansion", "cross-sell", RevenueKind.CROSS_SELL),
        ("Expansion", "upsell", RevenueKind.UPSELL),
        ("upsell", None, RevenueKind.UPSELL),
        ("cross-sell", None, RevenueKind.CROSS_SELL),
        ("contraction", None, RevenueKind.DOWNSELL),
        ("downsell", None, RevenueKind.DOWNSELL),
        ("churn", None, RevenueKind.CHURN),
    ],
)
def test_kinds_as_people_name_them(kind: str, type_: str | None, expected: RevenueKind) -> None:
    assert parse_kind(kind, type_) is expected


@pytest.mark.parametrize(
    ("kind", "type_", "message"),
    [
        ("shrink", None, "--kind 'shrink' is not a kind (use one of new, renewal, expansion"),
        ("expansion", "resell", "--type 'resell' is not an expansion type"),
        ("churn", "upsell", "--type only goes with --kind expansion"),
    ],
)
def test_unknown_kinds_are_refused_naming_the_flag(
    kind: str, type_: str | None, message: str
) -> None:
    with pytest.raises(KindError, match=message.replace("(", r"\(")):
        parse_kind(kind, type_)


def test_kind_labels() -> None:
    assert kind_label(RevenueKind.CROSS_SELL) == "expansion (cross-sell)"
    assert kind_label(RevenueKind.DOWNSELL) == "contraction"


def test_the_shipped_taxonomy_has_the_reasons_of_the_brief() -> None:
    for code in (
        "budget",
        "champion_left",
        "competitor",
        "product_gap",
        "acquired",
        "out_of_business",
    ):
        assert TAXONOMY.get(code) is not None
    competitor = TAXONOMY.reason("competitor")
    assert competitor.names_competitor and competitor.avoidable
    assert not TAXONOMY.reason("acquired").avoidable


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Lost to Competitor", "competitor"),
        ("No Budget / Lost Funding", "budget"),
        ("Price", "price"),
        ("product_gap", "product_gap"),
        ("Champion left", "champion_left"),
        ("Chose competitor,\nbundled with their CRM", "competitor"),
        ("Went out of business", "out_of_business"),
        ("Because reasons", None),
        ("", None),
    ],
)
def test_crm_wording_maps_to_the_taxonomy(text: str, code: str | None) -> None:
    found = TAXONOMY.match(text)
    assert (found.code if found else None) == code


def test_contraction_and_churn_need_a_known_reason() -> None:
    with pytest.raises(ReasonError, match="a churn needs a reason"):
        check_reason(TAXONOMY, RevenueKind.CHURN, "")
    with pytest.raises(ReasonError, match=r"unknown reason 'budgt' \(valid reasons: budget, price"):
        check_reason(TAXONOMY, RevenueKind.DOWNSELL, "budgt")
    with pytest.raises(ReasonError, match="does not name a competitor"):
        check_reason(TAXONOMY, RevenueKind.CHURN, "budget", "Gainsight")
    found = check_reason(TAXONOMY, RevenueKind.CHURN, "competitor", "Gainsight")
    assert found is not None and found.code == "competitor"
    assert check_reason(TAXONOMY, RevenueKind.UPSELL, "") is None


def test_a_taxonomy_file_with_mistakes_names_each_one() -> None:
    with pytest.raises(TaxonomyError) as raised:
        parse_taxonomy(
            {"reason": [{"category": "Money", "code": "Budget Cut", "label": "x"},
                        {"category": "Money", "code": "price", "label": "P", "avoidable": "yes",
                         "colour": "red"}],
             "extra": 1},
            source="reasons.toml",
        )  # fmt: skip
    problems = dict(raised.value.problems)
    assert "extra" in problems
    assert "lowercase letters" in problems["reason 1.code"]
    assert problems["reason 1.avoidable"] == "required: true or false"
    assert "unknown key" in problems["reason 2.colour"]


@pytest.mark.parametrize(
    ("kind", "amount", "arr", "stage"),
    [
        (RevenueKind.UPSELL, 2_000_00, 12_000_00, LifecycleStage.VALUE),
        (RevenueKind.CROSS_SELL, 500_00, 10_500_00, LifecycleStage.VALUE),
        (RevenueKind.DOWNSELL, 3_000_00, 7_000_00, LifecycleStage.VALUE),
        (RevenueKind.DOWNSELL, 10_000_00, 0, LifecycleStage.VALUE),
        (RevenueKind.CHURN, 0, 0, LifecycleStage.CHURNED),
        (RevenueKind.RENEWAL, 11_000_00, 11_000_00, LifecycleStage.VALUE),
        (RevenueKind.RENEWAL, 0, 10_000_00, LifecycleStage.VALUE),
        (RevenueKind.NEW, 4_000_00, 4_000_00, LifecycleStage.VALUE),
    ],
)
def test_an_events_effect_on_arr_and_stage(
    kind: RevenueKind, amount: int, arr: int, stage: LifecycleStage
) -> None:
    after = apply_event(ACTIVE, EventInput(kind, amount, date(2026, 6, 1)))
    assert (after.arr_minor, after.stage) == (arr, stage)


def test_a_contraction_above_the_arr_is_refused() -> None:
    with pytest.raises(EffectError, match=r"contraction of \$10,000.01 is more than the ARR"):
        apply_event(ACTIVE, EventInput(RevenueKind.DOWNSELL, 10_000_01, date(2026, 6, 1)))


def test_a_churned_account_takes_no_expansion_until_won_back() -> None:
    churned = apply_event(ACTIVE, EventInput(RevenueKind.CHURN, 0, date(2026, 6, 1)))
    with pytest.raises(EffectError, match="has churned"):
        apply_event(churned, EventInput(RevenueKind.UPSELL, 100, date(2026, 7, 1)))
    with pytest.raises(EffectError, match="give the amount it renewed at"):
        apply_event(churned, EventInput(RevenueKind.RENEWAL, 0, date(2026, 7, 1)))
    back = apply_event(churned, EventInput(RevenueKind.NEW, 5_000_00, date(2026, 8, 1)))
    assert (back.arr_minor, back.stage) == (5_000_00, LifecycleStage.ONBOARDING)


def test_a_churn_stores_the_arr_it_took_and_a_flat_renewal_the_arr_it_kept() -> None:
    assert (
        effect_of(ACTIVE, EventInput(RevenueKind.CHURN, 1, date(2026, 6, 1))).amount_minor
        == 10_000_00
    )
    assert (
        effect_of(ACTIVE, EventInput(RevenueKind.RENEWAL, 0, date(2026, 9, 1))).amount_minor
        == 10_000_00
    )


@pytest.mark.parametrize(
    ("contract_end", "occurred_on", "renewal_to", "expected"),
    [
        (date(2026, 9, 30), date(2026, 9, 1), None, date(2027, 9, 30)),  # signed before the end
        (date(2026, 9, 30), date(2026, 10, 15), None, date(2027, 9, 30)),  # a little late
        (date(2024, 2, 29), date(2024, 2, 1), None, date(2025, 2, 28)),  # leap day
        (None, date(2026, 3, 10), None, date(2027, 3, 10)),  # no contract known
        (date(2023, 1, 31), date(2026, 3, 10), None, date(2027, 3, 10)),  # long lapsed
        (date(2027, 9, 30), date(2026, 10, 1), None, date(2027, 9, 30)),  # already moved
        (date(2026, 9, 30), date(2026, 9, 1), date(2028, 9, 30), date(2028, 9, 30)),
    ],
)
def test_a_renewal_moves_the_contract_end(
    contract_end: date | None, occurred_on: date, renewal_to: date | None, expected: date
) -> None:
    assert renewed_until(contract_end, occurred_on, renewal_to) == expected


def test_a_renewal_to_a_date_before_it_is_refused() -> None:
    with pytest.raises(EffectError, match="is not after the renewal"):
        renewed_until(date(2026, 9, 30), date(2026, 9, 1), date(2026, 8, 1))


def test_an_event_older_than_the_latest_is_history() -> None:
    state = AccountState(10_000_00, LifecycleStage.VALUE, None, latest_event_on=date(2026, 5, 1))
    effect = effect_of(state, EventInput(RevenueKind.UPSELL, 1_000_00, date(2025, 1, 1)))
    assert effect.history and effect.after == state


def test_the_worked_history_replays_in_date_order() -> None:
    start = AccountState(0, LifecycleStage.ONBOARDING, None)
    events = [
        EventInput(RevenueKind.RENEWAL, 12_500_00, date(2026, 1, 10)),
        EventInput(RevenueKind.NEW, 10_000_00, date(2025, 1, 15)),
        EventInput(RevenueKind.UPSELL, 2_000_00, date(2025, 6, 1)),
    ]
    end = apply_events(start, events)
    assert end.arr_minor == 12_500_00
    assert end.contract_end == date(2027, 1, 10)


EVENTS = st.lists(
    st.builds(
        EventInput,
        kind=st.sampled_from(list(RevenueKind)),
        amount_minor=st.integers(min_value=0, max_value=10**10),
        occurred_on=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    ),
    max_size=25,
)
STATES = st.builds(
    AccountState,
    arr_minor=st.integers(min_value=0, max_value=10**10),
    stage=st.sampled_from(list(LifecycleStage)),
    contract_end=st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2031, 1, 1)),
)


@given(STATES, EVENTS)
def test_arr_never_goes_negative_whatever_the_events(
    state: AccountState, events: list[EventInput]
) -> None:
    for event in sorted(events, key=lambda e: e.occurred_on):
        try:
            effect = effect_of(state, event)
        except EffectError:
            continue
        state = effect.after
        assert state.arr_minor >= 0 and effect.amount_minor >= 0
        if event.kind is RevenueKind.CHURN and not effect.history:
            assert (state.arr_minor, state.stage) == (0, LifecycleStage.CHURNED)


@given(STATES, st.permutations(list(range(12))), EVENTS)
def test_events_apply_in_date_order_whatever_order_they_come_in(
    state: AccountState, order: list[int], events: list[EventInput]
) -> None:
    days = sorted({e.occurred_on for e in events})
    distinct = [next(e for e in events if e.occurred_on == day) for day in days][:12]
    shuffled = [distinct[i] for i in order if i < len(distinct)]
    try:
        expected = apply_events(state, distinct)
    except EffectError:
        return
    assert apply_events(state, shuffled) == expected


@given(
    STATES,
    st.integers(min_value=0, max_value=10**10),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
)
def test_expansion_then_contraction_of_the_same_amount_returns_the_arr(
    state: AccountState, amount: int, day: date
) -> None:
    if state.stage is LifecycleStage.CHURNED:
        return
    up = apply_event(state, EventInput(RevenueKind.UPSELL, amount, day))
    down = apply_event(up, EventInput(RevenueKind.DOWNSELL, amount, day))
    assert down.arr_minor == state.arr_minor


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 120))
def test_add_months_lands_in_the_right_month(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day


def test_arr_at_risk_counts_forecast_at_risk_or_red_health() -> None:
    renewals = [
        RenewalExposure(100, "at_risk", "green"),
        RenewalExposure(200, "commit", "red"),
        RenewalExposure(400, "likely", "yellow"),
        RenewalExposure(800, None, None),
        RenewalExposure(1600, "lost", "green"),
    ]
    assert arr_at_risk(renewals) == 300
    assert is_at_risk(None, "red") and not is_at_risk("lost", "yellow")


def test_probability_and_category() -> None:
    assert check_probability(0.8) == 0.8
    assert check_probability(80) == 0.8
    for bad in (-0.1, 101, float("nan")):
        with pytest.raises(ForecastError, match="from 0 to 1"):
            check_probability(bad)
    assert parse_category("At risk").value == "at_risk"
    with pytest.raises(ForecastError, match="not one of commit, likely, at_risk, lost"):
        parse_category("maybe")
