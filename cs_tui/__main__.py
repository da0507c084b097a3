"""`python -m cs_tui` is the same program as the `cs-tui` command."""

from cs_tui.entry import main

if __name__ == "__main__":
    main()
