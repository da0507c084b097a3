"""Read-models of the voice of the customer: responses, an account's voice, exit reasons."""

from dataclasses import dataclass
from datetime import date

from cs_tui.domain.voice.reasons import ReasonTable
from cs_tui.domain.voice.scores import CsatResult, NpsResult
from cs_tui.domain.voice.windows import TrendPoint


@dataclass(frozen=True)
class ResponseView:
    id: str
    account_id: str
    account_name: str
    owner: str
    kind: str
    moment: str
    score: int
    responded_on: date
    contact: str
    contact_email: str
    comment: str
    reason: str
    competitor: str
    source: str
    stakeholder_id: str | None
    new_contact: bool  # an address no stakeholder of the account has


@dataclass(frozen=True)
class MomentScores:
    moment: str
    nps: NpsResult
    csat: CsatResult


@dataclass(frozen=True)
class AccountVoice:
    """An account's voice as of a day: NPS (180 days), CSAT (90), the trend, every response."""

    account_id: str
    account_name: str
    as_of: date
    nps: NpsResult
    csat: CsatResult
    by_moment: tuple[MomentScores, ...]
    trend: tuple[TrendPoint, ...]
    responses: tuple[ResponseView, ...]

    @property
    def new_contacts(self) -> tuple[ResponseView, ...]:
        """The latest response of each address not yet a stakeholder."""
        seen: dict[str, ResponseView] = {}
        for response in self.responses:
            if response.new_contact:
                seen.setdefault(response.contact_email, response)
        return tuple(seen.values())


@dataclass(frozen=True)
class ExitReasons:
    """Why customers left in a period: each reason stated (exit surveys) beside judged (churn
    events' reason codes)."""

    since: date | None
    until: date | None
    table: ReasonTable
    exit_responses: int
    churn_events: int
