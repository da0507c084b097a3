"""Voice of the customer: NPS and CSAT, their windows and trend, the questions that carry them,
matching respondents to accounts, and which responses call for a follow-up."""
