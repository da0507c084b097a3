"""The shape of the demo book: segment mix, contract terms, and how healthy and unhealthy accounts behave.

Numbers here are the knobs of realism: segment shares and ARR ranges, churn and expansion odds chosen
so a year of revenue events gives a gross retention near 90% and a net retention near 100-110%.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    name: str
    share: float
    arr_median: float  # whole currency units; ARR is log-normal around it, clamped to arr_range
    arr_sigma: float
    arr_range: tuple[int, int]
    seat_price: float  # ARR per licensed seat, roughly
    stakeholders: tuple[int, int]
    cadence_days: int  # how often a customer touch is expected
    auto_renew: float
    terms: tuple[tuple[int, float], ...]  # (contract years, cumulative chance)
    churn: float  # chance that the account churned in the last 15 months
    plan: float  # chance of a success plan when no renewal is near
    objectives: tuple[int, int]
    history_months: tuple[int, int]
    helpdesk: float  # chance that support metrics (tickets, response time) are fed at all
    max_check_ins: int


SEGMENTS: tuple[Segment, ...] = (
    Segment(
        name="Enterprise", share=0.10, arr_median=420_000, arr_sigma=0.65,
        arr_range=(150_000, 2_000_000), seat_price=240, stakeholders=(4, 6), cadence_days=14,
        auto_renew=0.10, terms=((1, 0.5), (2, 0.8), (3, 1.0)), churn=0.06, plan=0.85,
        objectives=(2, 4), history_months=(9, 12), helpdesk=0.95, max_check_ins=12,
    ),
    Segment(
        name="Mid-Market", share=0.30, arr_median=68_000, arr_sigma=0.45,
        arr_range=(30_000, 150_000), seat_price=330, stakeholders=(3, 5), cadence_days=30,
        auto_renew=0.35, terms=((1, 0.8), (2, 1.0)), churn=0.1, plan=0.6,
        objectives=(2, 3), history_months=(6, 10), helpdesk=0.75, max_check_ins=8,
    ),
    Segment(
        name="SMB", share=0.60, arr_median=12_000, arr_sigma=0.5,
        arr_range=(5_000, 30_000), seat_price=420, stakeholders=(2, 4), cadence_days=60,
        auto_renew=0.60, terms=((1, 1.0),), churn=0.14, plan=0.3,
        objectives=(1, 2), history_months=(6, 7), helpdesk=0.55, max_check_ins=5,
    ),
)  # fmt: skip

CURRENCIES: tuple[tuple[str, float], ...] = (("USD", 0.78), ("EUR", 0.92), ("GBP", 1.0))

HORIZON_DAYS = 548  # renewals ahead, and revenue history behind: 18 months
CHECK_IN_WINDOW_DAYS = 183


@dataclass(frozen=True)
class Health:
    """How an account in this condition shows up in usage, conversations, surveys and revenue."""

    name: str
    cumulative_share: float
    monthly_growth: tuple[float, float]
    utilisation: tuple[float, float]  # active users / seats today
    adoption: tuple[float, float]  # feature adoption today, 0..1
    response_hours: tuple[float, float]
    ticket_factor: float
    sentiment: float  # centre of the 1-5 pulse
    nps: float  # centre of the 0-10 answer
    touch_lateness: tuple[float, float]  # days since the last touch, in cadences
    churn_factor: float
    upsell: float
    cross_sell: float
    downsell: float


HEALTHS: tuple[Health, ...] = (
    Health(
        name="thriving", cumulative_share=0.30, monthly_growth=(0.02, 0.06),
        utilisation=(0.72, 0.95), adoption=(0.6, 0.9), response_hours=(2, 8), ticket_factor=0.5,
        sentiment=4.5, nps=9.3, touch_lateness=(0.05, 0.9), churn_factor=0.15,
        upsell=0.8, cross_sell=0.4, downsell=0.02,
    ),
    Health(
        name="steady", cumulative_share=0.70, monthly_growth=(-0.01, 0.015),
        utilisation=(0.55, 0.8), adoption=(0.4, 0.7), response_hours=(4, 16), ticket_factor=1.0,
        sentiment=3.6, nps=7.9, touch_lateness=(0.1, 1.3), churn_factor=0.6,
        upsell=0.4, cross_sell=0.2, downsell=0.08,
    ),
    Health(
        name="at_risk", cumulative_share=0.90, monthly_growth=(-0.06, -0.02),
        utilisation=(0.35, 0.6), adoption=(0.25, 0.5), response_hours=(8, 30), ticket_factor=1.8,
        sentiment=2.6, nps=6.0, touch_lateness=(0.3, 1.8), churn_factor=1.6,
        upsell=0.08, cross_sell=0.03, downsell=0.22,
    ),
    Health(
        name="critical", cumulative_share=1.0, monthly_growth=(-0.12, -0.05),
        utilisation=(0.12, 0.4), adoption=(0.1, 0.3), response_hours=(12, 48), ticket_factor=2.6,
        sentiment=1.7, nps=4.0, touch_lateness=(0.5, 2.6), churn_factor=2.6,
        upsell=0.0, cross_sell=0.0, downsell=0.35,
    ),
)  # fmt: skip

AT_RISK = 2  # index into HEALTHS from which an account counts as unhealthy
