"""The header's few words on team sync: "synced 20 s ago", conflicts, problems."""

from datetime import datetime


def ago(seconds: float) -> str:
    if seconds < 60:
        return f"{max(0, int(seconds))} s ago"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} d ago"


def sync_label(
    *,
    last_synced_at: datetime | None,
    now: datetime,
    conflicts: int = 0,
    problems: int = 0,
    syncing: bool = False,
    error: str = "",
    moved_to: str = "",
) -> str:
    """E.g. "synced 20 s ago · 2 conflicts"; "" says nothing (the book is not in a team)."""
    if moved_to:
        return f"moved to {moved_to}, no longer synced"
    if error:
        parts = ["sync failed"]
    elif syncing:
        parts = ["syncing…"]
    elif last_synced_at is None:
        parts = ["not synced yet"]
    else:
        parts = [f"synced {ago((now - last_synced_at).total_seconds())}"]
    if conflicts:
        parts.append(f"{conflicts} conflict{'s' if conflicts != 1 else ''}")
    if problems:
        parts.append(f"{problems} problem{'s' if problems != 1 else ''}")
    return " · ".join(parts)
