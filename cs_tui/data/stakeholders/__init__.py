"""The people on the customer's side: listing, adding, editing, deleting (and undoing) by hand."""
