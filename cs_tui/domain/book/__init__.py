"""The book as lists: the account row tuple and the indexed, filtered, sorted views over it."""
