"""cs-tui: a terminal workspace for Customer Success Managers."""

__version__ = "0.1.0"
