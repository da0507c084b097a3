"""Revenue events and renewal forecasts: recording them (keeping the account's ARR, stage and
contract consistent), importing CRM exports, and the upcoming renewals."""
