"""What the customer's world reports: monthly usage and support metrics, surveys, revenue events.

Usage follows the account's trend (growing, flat, declining) with noise, has gaps and feeds that never
report, and always stays within the licensed seats. Revenue events over the last 18 months are drawn
so that a year's gross retention lands near 90% and net retention near 100-110%.
"""

from typing import TYPE_CHECKING

from cs_tui.demo import renewals
from cs_tui.demo.draws import Calendar, Dice
from cs_tui.demo.profiles import HORIZON_DAYS
from cs_tui.demo.vocabulary import (
    COMPETITORS,
    DOWNSELL_REASONS,
    EXIT_COMMENTS,
    REVENUE_NOTES,
    SURVEY_COMMENTS,
    TOPICS,
)

if TYPE_CHECKING:
    from cs_tui.demo.generate import AccountDraft, Row

USAGE_SOURCE = "product_usage"
SUPPORT_SOURCE = "helpdesk"


class FeedSchedule:
    """The days the usage and helpdesk feeds ran: every 30 days back from a day or two before as_of.

    Feeds export every account on the same day, as real exports do; the newest run is within the
    last week and the one before 30-36 days ago, so a 30-day usage trend can always be computed.
    """

    MONTHS = 30  # enough to reach 12 months before the oldest churn

    def __init__(self, dice: Dice) -> None:
        usage_lag, support_lag = dice.between(1, 5), dice.between(1, 6)
        self.usage_days = [-(usage_lag + 30 * month) for month in range(self.MONTHS)]
        self.support_days = [-(support_lag + 30 * month) for month in range(self.MONTHS)]


def metric_samples(
    dice: Dice, calendar: Calendar, feeds: FeedSchedule, account: "AccountDraft", out: "list[Row]"
) -> None:
    """Monthly samples for 6-12 months up to today (or churn), following the account's trend."""
    random, new_id = dice.random, dice.new_id
    dates, base = calendar.table()
    profile = account.profile
    low, high = account.segment.history_months
    last_day, since = account.last_day, account.customer_since
    if account.stage == "onboarding":
        growth = dice.uniform(0.12, 0.3)  # ramping up
    else:
        growth = dice.uniform(*profile.monthly_growth)
    seats = account.seats
    utilisation = dice.uniform(*profile.utilisation)
    adoption = dice.uniform(*profile.adoption)
    logins_per_user = dice.uniform(6, 22)
    tickets = (seats**0.5) * 0.35 * profile.ticket_factor
    response = dice.uniform(*profile.response_hours)
    reports_adoption = dice.chance(0.85)
    reports_tickets = dice.chance(account.segment.helpdesk)
    reports_response = reports_tickets and dice.chance(0.85)
    first = next(n for n, day in enumerate(feeds.usage_days) if day <= last_day)
    months = dice.between(low, high)
    stale = dice.chance(0.04)  # the feed missed the latest run for this account
    lost = dice.between(first + 2, first + months - 1) if dice.chance(0.15) else -1
    account_id = account.id
    for month in range(first + stale, first + months):
        usage_day, support_day = feeds.usage_days[month], feeds.support_days[month]
        if usage_day < since:
            break
        if month == lost:
            continue
        observed_on = dates[base + usage_day]
        trend = (1 + growth) ** (first - month)  # 1 now; above 1 in the past when declining
        active = min(seats, int(seats * min(1.0, utilisation * trend * (0.94 + 0.12 * random()))))
        out.append((new_id(), account_id, "active_users", observed_on, float(active), USAGE_SOURCE))
        logins = float(int(active * logins_per_user * (0.85 + 0.3 * random())))
        out.append((new_id(), account_id, "logins_30d", observed_on, logins, USAGE_SOURCE))
        if reports_adoption:
            share = min(1.0, adoption * trend**0.5 * (0.95 + 0.1 * random()))
            share = round(share, 3)
            out.append((new_id(), account_id, "feature_adoption", observed_on, share, USAGE_SOURCE))
        if support_day > last_day or support_day < since:
            continue
        observed_on = dates[base + support_day]
        if reports_tickets:
            worsening = 1 / trend if growth < 0 else 1.0  # fewer tickets before the decline
            count = float(int(tickets * worsening * (0.4 + 1.2 * random())))
            out.append((new_id(), account_id, "open_tickets", observed_on, count, SUPPORT_SOURCE))
        if reports_response:
            hours = round(response * (0.7 + 0.6 * random()), 1)
            metric = "first_response_hours"
            out.append((new_id(), account_id, metric, observed_on, hours, SUPPORT_SOURCE))


def _nps_band(score: int) -> str:
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def survey_responses(
    dice: Dice, calendar: Calendar, account: "AccountDraft", out: "list[Row]"
) -> None:
    """Periodic NPS twice a year, onboarding CSAT, support CSAT, and exit surveys from churners."""
    profile, since, last_day = account.profile, account.customer_since, account.last_day
    iso = calendar.iso

    def respond(
        kind: str, moment: str, score: int, day: int, reason: str = "", rival: str = ""
    ) -> None:
        person = account.contact(dice, day)
        band = _nps_band(score if kind == "nps" else score * 2)
        comment = ""
        if moment == "exit":
            comment = EXIT_COMMENTS[reason]
        elif dice.chance(0.5):
            comment = dice.pick(SURVEY_COMMENTS[band]).format(topic=dice.pick(TOPICS))
        out.append((
            dice.new_id(), account.id, person.id, kind, moment, score, iso(day), person.name,
            comment, reason, rival, "", "", "", "",
        ))  # fmt: skip

    for wave in (0, 1):
        day = -(15 + dice.between(0, 60) + 180 * wave)
        if since < day <= last_day and dice.chance(0.45):
            score = max(0, min(10, round(profile.nps + dice.uniform(-2.5, 1.5))))
            respond("nps", "periodic", score, day)
    if since >= -365 and dice.chance(0.6):
        day = min(last_day, since + dice.between(20, 60))
        respond("csat", "onboarding", max(1, min(5, round(4.3 + dice.uniform(-1.5, 0.7)))), day)
    if dice.chance(0.25):
        day = max(since, last_day - dice.between(1, 120))
        respond(
            "csat", "periodic", max(1, min(5, round(profile.sentiment + dice.uniform(-1, 1)))), day
        )
    if account.churned and dice.chance(0.65):
        reason = account.churn_reason
        rival = dice.pick(COMPETITORS) if reason == "competitor" or dice.chance(0.15) else ""
        day = min(0, last_day + dice.between(-20, 5))
        respond("nps", "exit", dice.between(0, 5), day, reason, rival)


def revenue_events(
    dice: Dice, calendar: Calendar, account: "AccountDraft", out: "list[Row]"
) -> None:
    """New business, renewals, expansion, contraction and churn over the last 18 months.

    Changes are drawn first, then the ARR at any earlier date is today's ARR with the later changes
    undone, so renewals and the churn amount agree with the account's ARR.
    """
    profile, since, last_day = account.profile, account.customer_since, account.last_day
    arr = account.arr_minor
    changes: list[tuple[int, str, int, str]] = []  # day, kind, signed change, reason
    first, last = max(since + 60, -HORIZON_DAYS), last_day - 1
    if first < last:
        if dice.chance(profile.upsell):
            changes.append((dice.between(first, last), "upsell", _share(dice, arr, 0.15, 0.5), ""))
        if dice.chance(profile.cross_sell):
            changes.append(
                (dice.between(first, last), "cross_sell", _share(dice, arr, 0.1, 0.3), "")
            )
        if dice.chance(profile.downsell):
            cut = -_share(dice, arr, 0.08, 0.3)
            changes.append(
                (dice.between(first, last), "downsell", cut, dice.pick(DOWNSELL_REASONS))
            )

    def arr_on(day: int) -> int:
        """The ARR in force on the day, after that day's own changes."""
        return arr - sum(change for when, _, change, _ in changes if when > day)

    events: list[tuple[int, str, int, str]] = []
    if since >= -HORIZON_DAYS:
        events.append((since, "new", arr_on(since), ""))
    latest_renewal = last_day - 1 if account.churned else last_day
    for renewal in range(1, account.renewals + 1):
        day = since + renewal * account.term_days
        if -HORIZON_DAYS <= day <= latest_renewal:
            events.append((day, "renewal", arr_on(day), ""))
    events += [(day, kind, abs(change), reason) for day, kind, change, reason in changes]
    if account.churned:
        events.append((last_day, "churn", arr, account.churn_reason))
    renewals.older_history(calendar, account, arr_on(-HORIZON_DAYS), out)
    iso, new_id = calendar.iso, dice.new_id
    for day, kind, amount, reason in sorted(events):
        note = dice.pick(REVENUE_NOTES[kind])
        rival = renewals.competitor_for(account) if reason == "competitor" else ""
        out.append((new_id(), account.id, kind, amount, account.currency, iso(day), reason, note,
                    rival, "", ""))  # fmt: skip


def _share(dice: Dice, arr: int, low: float, high: float) -> int:
    """A slice of the ARR in whole currency units (minor units, rounded to 100)."""
    return max(100, int(round(arr * dice.uniform(low, high), -2)))
