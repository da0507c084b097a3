"""Follow-ups: the book's list, the keyboard list any screen embeds, and their forms."""
