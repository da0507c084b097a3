"""Voice of the customer in the store: importing survey exports, the responses and their NPS and
CSAT read back per account and for the book, exit reasons beside churn events, new contacts."""
