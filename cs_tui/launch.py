"""Opening the app: settings, then the Textual app, then its exit code."""

import sys

from cs_tui.config import ConfigError, launch_settings


def run_app(*, database: str | None, screen: str | None) -> int:
    """Run the TUI on the chosen database until the user quits; the process's exit code."""
    try:
        settings = launch_settings(database)
    except ConfigError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    from cs_tui.app.shell import CsTuiApp
    from cs_tui.io.bulk_work import take_back_what_was_set_aside

    app = CsTuiApp(settings, start_screen=screen, set_aside_long_lived=True)
    try:
        app.run()
    finally:
        take_back_what_was_set_aside()
    return app.return_code or 0
