"""Files of the book review: its TOML template, and the review as Markdown or HTML."""
