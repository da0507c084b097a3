"""Recognising a survey's questions by their wording: the NPS and CSAT score questions, the open
comment, and an exit survey's reason for leaving and the competitor chosen.

Tools export each question under its text ("How likely are you to recommend Acme to a friend or
colleague?"), so the score column is found by what it asks, whatever the tool calls the column.
"""

import re

from cs_tui.domain.enums import SurveyKind

NPS_QUESTION = re.compile(
    r"how\s+likely\b.*\brecommend|likel(y|ihood)\s+(to|of)\s+recommend|\bnps\b|net\s+promoter",
    re.IGNORECASE | re.DOTALL,
)
CSAT_QUESTION = re.compile(
    r"how\s+satisfied|\bsatisfaction\b|\bsatisfied\s+(are|were)\s+you|\bcsat\b",
    re.IGNORECASE | re.DOTALL,
)
REASON_QUESTION = re.compile(
    r"reason\b.*\b(leav|cancel|churn|not\s+renew|stop|end)|why\s+(are|did|have)\s+you\s+"
    r"(leav|cancel|decid|stop|chos)|churn\s+reason|reason\s+for\s+leaving",
    re.IGNORECASE | re.DOTALL,
)
COMPETITOR_QUESTION = re.compile(
    r"competitor|switch(ing|ed)?\s+to|moving\s+to|which\s+(tool|product|provider|vendor|"
    r"solution|platform)|what\s+(tool|product|provider|vendor|solution|platform)\s+will",
    re.IGNORECASE | re.DOTALL,
)
COMMENT_QUESTION = re.compile(
    r"reason\s+for\s+your\s+(score|rating)|why\s+did\s+you\s+give|what\s+(could|can|should)\s+we"
    r"|improve|anything\s+else|\bcomments?\b|feedback|tell\s+us|why\b",
    re.IGNORECASE | re.DOTALL,
)


def score_kind(question: str) -> SurveyKind | None:
    """NPS for "how likely ... recommend", CSAT for "how satisfied ...", else None."""
    if NPS_QUESTION.search(question):
        return SurveyKind.NPS
    if CSAT_QUESTION.search(question):
        return SurveyKind.CSAT
    return None


def question_role(question: str) -> str | None:
    """'score', 'reason', 'competitor' or 'comment' for a question's text, else None."""
    if score_kind(question) is not None:
        return "score"
    if REASON_QUESTION.search(question):
        return "reason"
    if COMPETITOR_QUESTION.search(question):
        return "competitor"
    if COMMENT_QUESTION.search(question):
        return "comment"
    return None
