"""The words of the demo book: name pools, titles, notes and reasons a real book would hold.

Faker (seeded) builds the pools of people and company-name parts once per book; everything else is a
fixed list. Drawing from pools keeps a 100,000-account book fast: Faker is never called per row.
"""

import unicodedata
from dataclasses import dataclass

from faker import Faker

INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Software", ("Software", "Systems", "Labs", "Cloud", "Digital")),
    ("Financial Services", ("Capital", "Financial", "Partners", "Payments", "Lending")),
    ("Healthcare", ("Health", "Care", "Medical", "Clinics", "Therapeutics")),
    ("Manufacturing", ("Manufacturing", "Industries", "Components", "Fabrication", "Works")),
    ("Retail", ("Retail", "Outfitters", "Market", "Stores", "Goods")),
    ("Logistics", ("Logistics", "Freight", "Shipping", "Transport", "Supply")),
    ("Education", ("Learning", "Academy", "Education", "Schools", "Tutoring")),
    ("Media", ("Media", "Studios", "Publishing", "Broadcasting", "Content")),
    ("Professional Services", ("Consulting", "Advisors", "Associates", "Group", "Partners")),
    ("Hospitality", ("Hotels", "Hospitality", "Resorts", "Dining", "Travel")),
    ("Energy", ("Energy", "Power", "Renewables", "Utilities", "Solar")),
    ("Real Estate", ("Properties", "Realty", "Estates", "Homes", "Developments")),
    ("Telecommunications", ("Telecom", "Networks", "Communications", "Wireless", "Fiber")),
    ("Nonprofit", ("Foundation", "Alliance", "Trust", "Society", "Fund")),
    ("Construction", ("Construction", "Builders", "Contracting", "Engineering", "Structures")),
)

BRAND_WORDS: tuple[str, ...] = (
    "Northwind", "Bluepeak", "Brightline", "Summit", "Ironwood", "Clearwater", "Redstone",
    "Silverleaf", "Evergreen", "Highland", "Crescent", "Pinnacle", "Harbor", "Meridian", "Keystone",
    "Riverbend", "Lakeshore", "Oakridge", "Stonebridge", "Goldfield", "Westgate", "Eastlake",
    "Northstar", "Cedar", "Maple", "Granite", "Copper", "Falcon", "Beacon", "Horizon", "Vertex",
    "Atlas", "Orbit", "Quantum", "Nimbus", "Vantage", "Sterling", "Parallel", "Lighthouse",
    "Foxglove", "Juniper", "Willow", "Aspen", "Sequoia", "Tidewater", "Blackrock", "Ashford",
    "Kingsley", "Hawthorne", "Fairview", "Greenfield", "Larkspur", "Mosaic", "Prairie", "Signal",
    "Tandem", "Unity", "Vista", "Wavecrest", "Zenith",
)  # fmt: skip

COMPANY_SUFFIXES: dict[str, tuple[str, ...]] = {
    "USD": ("Inc", "LLC", "Corp", "Co", "Group", ""),
    "EUR": ("GmbH", "AG", "SA", "BV", "SAS", ""),
    "GBP": ("Ltd", "PLC", "Group", "& Co", ""),
}

TOP_LEVEL_DOMAINS: dict[str, tuple[str, ...]] = {
    "USD": ("com", "com", "com", "io", "co", "net"),
    "EUR": ("de", "fr", "nl", "es", "eu", "com"),
    "GBP": ("co.uk", "co.uk", "com", "io"),
}

PEOPLE_LOCALES: dict[str, tuple[str, ...]] = {
    "USD": ("en_US",),
    "EUR": ("de_DE", "fr_FR", "nl_NL", "es_ES"),
    "GBP": ("en_GB",),
}

BRANCH_CITIES: tuple[str, ...] = (
    "Austin", "Denver", "Boston", "Chicago", "Seattle", "Atlanta", "Toronto", "Dublin", "Berlin",
    "Paris", "Madrid", "Amsterdam", "Manchester", "Leeds", "Munich", "Lyon", "Phoenix", "Portland",
)  # fmt: skip

TITLES: dict[str, tuple[str, ...]] = {
    "champion": (
        "Head of Operations", "Customer Experience Lead", "Program Manager", "Director of Support",
        "Operations Manager", "Head of Customer Service", "Digital Transformation Lead",
    ),
    "executive_sponsor": (
        "VP Operations", "Chief Operating Officer", "Chief Technology Officer",
        "Chief Customer Officer", "SVP Customer Experience", "VP Engineering", "Managing Director",
    ),
    "decision_maker": (
        "Director of IT", "Procurement Manager", "VP Finance", "Head of IT", "Director of Operations",
        "Purchasing Lead",
    ),
    "user": (
        "Support Agent", "Business Analyst", "Team Lead", "Operations Analyst", "Administrator",
        "Project Coordinator", "Support Specialist", "Data Analyst",
    ),
    "detractor": (
        "IT Security Manager", "Finance Controller", "Head of Procurement", "Systems Architect",
    ),
}  # fmt: skip

TAG_ODDS: tuple[tuple[str, tuple[float, float, float]], ...] = (
    # tag, chance for Enterprise, Mid-Market, SMB
    ("strategic", (0.45, 0.10, 0.01)),
    ("reference", (0.12, 0.07, 0.03)),
    ("beta", (0.08, 0.06, 0.03)),
    ("expansion-target", (0.15, 0.12, 0.05)),
    ("at-risk-exec", (0.04, 0.03, 0.01)),
    ("partner-led", (0.03, 0.06, 0.08)),
)

TOPICS: tuple[str, ...] = (
    "reporting", "SSO rollout", "the mobile app", "API limits", "onboarding new hires",
    "the analytics add-on", "workflow automation", "data export", "permissions model",
    "the Salesforce integration", "ticket routing", "dashboards", "the admin console",
    "bulk import", "audit logs", "the new pricing", "seat allocation", "training plan",
)  # fmt: skip

CHECK_IN_SUMMARIES: dict[str, tuple[str, ...]] = {
    "call": (
        "Weekly sync with {first}: walked through {topic}; team is on track.",
        "Call with {first} about {topic}. Agreed to share best practices.",
        "{first} raised questions on {topic}; promised a follow-up with product.",
        "Quick check-in with {first}; usage steady, next step is {topic}.",
        "Discussed renewal timeline with {first}; wants options on {topic}.",
        "Troubleshooting call on {topic} with {first} and two admins.",
    ),
    "meeting": (
        "On-site with {first}'s team: reviewed adoption and {topic}.",
        "Workshop on {topic}; {first} will pilot it with one team.",
        "Met {first} and the sponsor; they want a roadmap for {topic}.",
        "Planning session for next quarter, focus on {topic}.",
    ),
    "email": (
        "Sent {first} the guide on {topic}.",
        "{first} confirmed the rollout date for {topic} by email.",
        "Shared release notes covering {topic} with {first}.",
        "Email thread with {first} on {topic}; waiting on their IT team.",
    ),
    "qbr": (
        "QBR with {first} and sponsor: adoption up, plan for {topic} next quarter.",
        "QBR: reviewed objectives and health; {topic} is the main gap.",
        "Executive business review; sponsor asked for ROI figures on {topic}.",
    ),
    "onboarding": (
        "Kickoff with {first}: success criteria and {topic} agreed.",
        "Onboarding session 2: configured {topic}, admins trained.",
        "Onboarding: data migration done, {topic} next.",
        "Admin training for {first}'s team, including {topic}.",
    ),
    "survey": (
        "Reviewed survey feedback with {first}; main theme was {topic}.",
        "Survey follow-up call: {first} wants improvements to {topic}.",
    ),
    "internal_note": (
        "Support escalation about {topic}; engineering is investigating.",
        "Sales flagged an expansion opportunity around {topic}.",
        "Product confirmed {topic} fix ships next release.",
        "Finance notes late invoice payment; keep an eye on it.",
        "Handover notes: {first} is the real decision maker.",
        "Exec sponsor changed roles; we need a new sponsor.",
    ),
}  # fmt: skip

RISKS: tuple[str, ...] = (
    "Budget review next quarter may cut seats.",
    "Champion is moving to another role.",
    "Competitor is running a pilot with one team.",
    "Low adoption outside the core team.",
    "Open escalation on {topic} is hurting trust.",
    "New CIO is reviewing all vendors.",
    "Renewal owner unclear after reorganisation.",
    "Performance complaints about {topic}.",
)

FOLLOW_UP_TITLES: dict[str, tuple[str, ...]] = {
    "follow_up": (
        "Send {first} the recap and next steps", "Share best-practice guide on {topic}",
        "Book training on {topic}", "Confirm rollout date for {topic}",
        "Introduce {first} to the product team", "Send QBR deck to {first}",
        "Check in on {topic} adoption",
    ),
    "risk": (
        "Escalate {topic} issue with support lead", "Meet sponsor about declining usage",
        "Find a new champion", "Build a save plan for renewal",
        "Review open tickets with {first}",
    ),
    "opportunity": (
        "Propose the analytics add-on", "Scope seat expansion with {first}",
        "Ask {first} for a case study", "Introduce account executive for upsell",
    ),
    "lifecycle": (
        "Prepare renewal quote", "Schedule onboarding kickoff", "Run the 90-day value review",
        "Agree the success plan with {first}", "Send renewal reminder",
    ),
}  # fmt: skip

SNOOZE_REASONS: tuple[str, ...] = (
    "Waiting for their budget cycle",
    "{first} is on leave until later this month",
    "Customer asked to revisit after their release",
    "Blocked on a product fix",
    "Waiting for legal review",
)

PLAN_WHY_BOUGHT: tuple[str, ...] = (
    "Replace spreadsheets and e-mail with one system the whole team uses.",
    "Cut support response times after two years of growth.",
    "Give managers real-time visibility into {topic}.",
    "Consolidate three legacy tools into one platform.",
    "Scale operations without hiring at the same pace.",
    "Meet a compliance requirement around {topic}.",
)

PLAN_PAIN_POINTS: tuple[str, ...] = (
    "Manual reporting takes days each month; data is often out of date.",
    "Customers wait too long for answers; agents switch between tools.",
    "No single view of work in progress; handovers get lost.",
    "Onboarding new staff takes weeks.",
    "Leadership cannot see the return on the tools they pay for.",
)

PLAN_SUCCESS: tuple[str, ...] = (
    "Every team works in the platform daily and reports are automated.",
    "First response under 4 hours and CSAT above 90%.",
    "Managers run their weekly review from dashboards, not spreadsheets.",
    "80% of licensed seats active and {topic} in production.",
    "Time to onboard a new hire under one week.",
)

PLAN_ACTIONS: tuple[str, ...] = (
    "Onboarding in three waves; admin training; monthly adoption review.",
    "Roll out {topic}; train team leads; quarterly business review.",
    "Migrate legacy data; retire old tools; measure weekly usage.",
    "Champion network per department; office hours every two weeks.",
)

PLAN_TEMPLATES: tuple[str, ...] = ("standard", "standard", "adoption", "renewal")

# objective title, metric, unit, (low, high) of the baseline, relative change sought, and whether
# the baseline range is per licensed seat
OBJECTIVES: tuple[tuple[str, str, str, tuple[float, float], float, bool], ...] = (
    ("Grow monthly active users", "active_users", "users", (0.3, 0.6), 0.35, True),
    ("Raise feature adoption", "feature_adoption", "share", (0.2, 0.55), 0.4, False),
    ("Cut first response time", "first_response_hours", "hours", (6, 30), -0.5, False),
    ("Reduce open tickets", "open_tickets", "tickets", (8, 40), -0.4, False),
    ("Increase logins", "logins_30d", "logins", (4, 10), 0.3, True),
    ("Automate monthly reports", "reports_automated", "reports", (1, 4), 1.5, False),
    ("Shorten time to onboard a hire", "onboarding_days", "days", (10, 30), -0.5, False),
)

MILESTONES_OURS: tuple[str, ...] = (
    "Admin training delivered", "Integration configured", "Adoption review held",
    "Best-practice workshop", "Dashboard templates shared", "Health check completed",
    "Executive review prepared",
)  # fmt: skip

MILESTONES_CUSTOMER: tuple[str, ...] = (
    "Data migrated", "Team leads trained", "Legacy tool retired", "Pilot team live",
    "Internal champion named", "Rollout to second department", "Success criteria signed off",
)  # fmt: skip

OUR_TEAM: tuple[str, ...] = ("Support", "Solutions Engineering", "Product", "Training")

SURVEY_COMMENTS: dict[str, tuple[str, ...]] = {
    "promoter": (
        "Great product and a responsive team.",
        "Has made our weekly reporting painless.",
        "Our CSM really knows our business.",
        "Easy to roll out and the team loves it.",
    ),
    "passive": (
        "Good overall, but {topic} needs work.",
        "Does the job; onboarding could be smoother.",
        "Solid, though pricing is getting steep.",
        "",
    ),
    "detractor": (
        "Too many bugs in {topic}.",
        "Support takes too long to respond.",
        "We are not getting the value we expected.",
        "Hard to use for occasional users.",
    ),
}

CHURN_REASONS: tuple[str, ...] = (
    "budget", "product_fit", "competitor", "acquired", "champion_left", "low_adoption",
)  # fmt: skip
DOWNSELL_REASONS: tuple[str, ...] = ("seat_reduction", "budget", "consolidation", "low_adoption")
COMPETITORS: tuple[str, ...] = ("Gainsight", "ChurnZero", "Totango", "Vitally", "Planhat")

EXIT_COMMENTS: dict[str, str] = {
    "budget": "Budget cuts forced us to drop non-essential tools.",
    "product_fit": "The product never fit our workflow.",
    "competitor": "We moved to a tool bundled with our CRM.",
    "acquired": "We were acquired and the parent standardises on its own tools.",
    "champion_left": "Our internal owner left and nobody took it over.",
    "low_adoption": "Too few people ended up using it.",
}

SENTIMENT_REASONS: dict[int, tuple[str, ...]] = {
    1: ("Sponsor unreachable and renewal at risk", "Escalation unresolved for weeks"),
    2: ("Usage falling since the reorganisation", "Champion left; no replacement yet"),
    3: ("Steady but little engagement beyond the admin", "Waiting on the budget decision"),
    4: ("Good momentum after the QBR", "Team adopting {topic} well"),
    5: ("Expanding and asking for references", "Champion is an advocate internally"),
}

OVERRIDE_REASONS: tuple[str, ...] = (
    "Usage feed broken since migration; real usage is healthy",
    "Exec escalation: sponsor threatened to churn",
    "Acquisition announced; renewal uncertain",
    "Pilot team only; score should not count full seats yet",
)

REVENUE_NOTES: dict[str, tuple[str, ...]] = {
    "new": ("New logo", "Signed after a 30-day pilot"),
    "renewal": ("Renewed on the same terms", "Renewed at term end", "Renewed early"),
    "upsell": ("Added seats for a second team", "Upgraded to the premium tier"),
    "cross_sell": ("Bought the analytics add-on", "Added the API package"),
    "downsell": ("Reduced seats", "Dropped the premium tier"),
    "churn": ("Did not renew", "Cancelled at term end"),
}


def ascii_slug(text: str, separator: str = "") -> str:
    """Lower-case ASCII letters and digits of `text` (accents folded), for e-mails and domains."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = ["".join(ch for ch in word if ch.isalnum()) for word in folded.lower().split()]
    return separator.join(word for word in words if word)


@dataclass(frozen=True)
class NamePools:
    """Given names and family names per currency region (each with its ASCII slug), and CSM handles.

    Stakeholders and company names are composed from these at draw time, so a large book has tens of
    thousands of distinct names while Faker runs only a few thousand times.
    """

    first_names: dict[str, tuple[tuple[str, str], ...]]
    last_names: dict[str, tuple[tuple[str, str], ...]]
    csm_handles: tuple[str, ...]


def _with_slugs(names: list[str], separator: str) -> tuple[tuple[str, str], ...]:
    unique = dict.fromkeys(name for name in names if ascii_slug(name))
    return tuple((name, ascii_slug(name, separator)) for name in unique)


def build_name_pools(seed: int, *, draws_per_region: int = 400) -> NamePools:
    """Pools of believable names, the same for the same seed (and the same Faker version)."""
    first_names: dict[str, tuple[tuple[str, str], ...]] = {}
    last_names: dict[str, tuple[tuple[str, str], ...]] = {}
    for currency, locales in PEOPLE_LOCALES.items():
        firsts: list[str] = []
        lasts: list[str] = []
        per_locale = max(1, draws_per_region // len(locales))
        for locale in locales:
            fake = Faker(locale)
            fake.seed_instance(seed)
            firsts += [fake.first_name() for _ in range(per_locale)]
            lasts += [fake.last_name() for _ in range(per_locale)]
        first_names[currency] = _with_slugs(firsts, "")
        last_names[currency] = _with_slugs(lasts, "-")
    handles = [
        f"{first}.{last}"
        for (_, first), (_, last) in zip(first_names["USD"], last_names["USD"], strict=False)
    ]
    return NamePools(first_names, last_names, tuple(dict.fromkeys(handles)))
