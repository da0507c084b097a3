"""The revenue layouts cs-tui knows: their column labels, and how each words stages and types.

Salesforce opportunity reports and HubSpot deal exports are recognised by their headers; anything
else is the plain layout (account, kind, amount, date, reason) or described by a mapping file.
Only closed deals are revenue: won ones as their type says, lost renewals as churn.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from cs_tui.domain.enums import RevenueKind
from cs_tui.io.column_mapping import header_key


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    labels: Mapping[str, tuple[str, ...]]
    signature: tuple[str, ...]  # headers any one of which identifies the layout


COMMON: dict[str, tuple[str, ...]] = {
    "currency": ("Amount Currency", "Opportunity Currency", "Currency", "Currency ISO Code",
                 "Deal Currency", "Currency Code"),
    "competitor": ("Competitor", "Competitors", "Main Competitor", "Main Competitor(s)", "Lost To",
                   "Lost to Competitor"),
    "note": ("Description", "Next Step", "Note", "Notes"),
}  # fmt: skip

SALESFORCE = Layout(
    "salesforce", "Salesforce opportunity report",
    {
        "key": ("Opportunity ID", "Opportunity ID (18)", "Opportunity Id"),
        "account": ("Account Name", "Account"),
        "account_id": ("Account ID", "Account ID (18)"),
        "name": ("Opportunity Name",),
        "kind": ("Type", "Opportunity Type"),
        "stage": ("Stage", "Opportunity Stage"),
        "amount": ("Amount", "Total Contract Value", "ARR"),
        "date": ("Close Date",),
        "reason": ("Loss Reason", "Closed Lost Reason", "Reason Lost", "Churn Reason"),
        **COMMON,
    },
    ("Opportunity Name", "Opportunity ID", "Opportunity Type", "Opportunity Stage"),
)  # fmt: skip

HUBSPOT = Layout(
    "hubspot", "HubSpot deal export",
    {
        "key": ("Record ID", "Deal ID"),
        "account": ("Associated Company", "Associated Company (Primary)", "Company name",
                    "Associated Companies", "Company"),
        "account_id": ("Associated Company IDs", "Associated Company ID", "Company ID"),
        "name": ("Deal Name",),
        "kind": ("Deal Type", "Type"),
        "stage": ("Deal Stage", "Stage"),
        "amount": ("Amount", "Amount in company currency", "Annual recurring revenue"),
        "date": ("Close Date",),
        "reason": ("Closed Lost Reason", "Closed lost reason", "Loss Reason", "Churn Reason"),
        **COMMON,
    },
    ("Deal Name", "Deal Stage", "Deal Type", "Associated Company"),
)  # fmt: skip

PLAIN = Layout(
    "plain", "Revenue file",
    {
        "key": ("id", "Event ID", "External ID"),
        "account": ("account", "Account Name", "Customer", "Company"),
        "account_id": ("account_id", "Account ID", "CRM ID"),
        "name": (),
        "kind": ("kind", "Type", "Event"),
        "stage": (),
        "amount": ("amount", "Value", "ARR Change"),
        "date": ("date", "Occurred On", "Effective Date", "Close Date"),
        "reason": ("reason", "Reason Code", "Reason"),
        **COMMON,
    },
    (),
)  # fmt: skip

LAYOUTS = {layout.name: layout for layout in (SALESFORCE, HUBSPOT, PLAIN)}

WON_STAGES = frozenset({"closedwon", "won", "closedwonrenewal"})
LOST_STAGES = frozenset({"closedlost", "lost", "closedlostrenewal"})

TYPE_KINDS: dict[str, RevenueKind] = {
    "newbusiness": RevenueKind.NEW, "new": RevenueKind.NEW, "newlogo": RevenueKind.NEW,
    "existingbusiness": RevenueKind.RENEWAL, "renewal": RevenueKind.RENEWAL,
    "existingbusinessrenewal": RevenueKind.RENEWAL, "contractrenewal": RevenueKind.RENEWAL,
    "upsell": RevenueKind.UPSELL, "addon": RevenueKind.UPSELL, "addonbusiness": RevenueKind.UPSELL,
    "existingbusinessupsell": RevenueKind.UPSELL, "expansion": RevenueKind.UPSELL,
    "crosssell": RevenueKind.CROSS_SELL,
    "downsell": RevenueKind.DOWNSELL, "contraction": RevenueKind.DOWNSELL,
    "churn": RevenueKind.CHURN,
}  # fmt: skip


def stage_outcome(stage: str) -> str | None:
    """ "won", "lost", or None for an open deal ("Prospecting", "appointmentscheduled")."""
    key = header_key(stage)
    if key in WON_STAGES:
        return "won"
    if key in LOST_STAGES:
        return "lost"
    return None


def type_kind(text: str) -> RevenueKind | None:
    return TYPE_KINDS.get(header_key(text))


def detect_layout(headers: list[str]) -> Layout:
    """Salesforce or HubSpot when one of its signature headers is there, else plain."""
    keys = {header_key(h) for h in headers}
    for layout in (SALESFORCE, HUBSPOT):
        if any(header_key(label) in keys for label in layout.signature):
            return layout
    return PLAIN
