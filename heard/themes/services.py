"""The themes app's public write verbs, re-exported from where they now live, so existing
imports keep working. New code imports from the modules themselves:

- `runs`: queuing and running a campaign's themes, and housekeeping;
- `assignment`: placing new conversations in existing themes (the worker's everyday job);
- `curation`: the organizers' rename, pin, merge, split and move, and `check_curator`.

Patch names where they are looked up (e.g. `heard.themes.runs.notes_for_campaign`), not here.
"""

from .assignment import SWEEP_LIMIT, assign_conversations, request_sweep, sweep_campaign
from .curation import (
    check_curator,
    merge_themes,
    move_conversation,
    pin_theme,
    rename_theme,
    split_theme,
    unpin_theme,
)
from .runs import (
    EMBED_CHUNK,
    FIRST_RUN_MIN_NOTES,
    STALE_AFTER,
    Progress,
    close_stale_runs,
    forget_unused_embeddings,
    request_run,
    theme_campaign,
)

__all__ = [
    "EMBED_CHUNK",
    "FIRST_RUN_MIN_NOTES",
    "STALE_AFTER",
    "SWEEP_LIMIT",
    "Progress",
    "assign_conversations",
    "check_curator",
    "close_stale_runs",
    "forget_unused_embeddings",
    "merge_themes",
    "move_conversation",
    "pin_theme",
    "rename_theme",
    "request_run",
    "request_sweep",
    "split_theme",
    "sweep_campaign",
    "theme_campaign",
    "unpin_theme",
]
