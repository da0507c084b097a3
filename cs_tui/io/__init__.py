"""Reading and writing files: CRM exports and metric feeds in, spreadsheet-safe CSV and JSON out."""
