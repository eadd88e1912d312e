"""The home page's "what's next": records waiting for the person's word, and a check-in due.
Queries: 4 counts, then 1 for check-ins due."""

from copro.core.todo import TodoItem
from copro.voice.selectors import awaiting_count, checkins_due


def records_to_confirm(user) -> list[TodoItem]:
    items = []
    waiting = awaiting_count(viewer=user)
    if waiting:
        items.append(
            TodoItem(
                title="Check what was recorded about you",
                url="/voice/",
                detail=f"{waiting} record{'s' if waiting != 1 else ''} to confirm. "
                "Nothing counts against you if you do not answer.",
                priority=40,
                group="records",
            )
        )
    for membership in checkins_due(viewer=user)[:3]:
        items.append(
            TodoItem(
                title=f"Tell us how “{membership.project.title}” is going for you",
                url=f"/voice/projects/{membership.project_id}/check-in/",
                detail="5 short questions. Only totals are ever shown.",
                priority=70,
                group="projects",
            )
        )
    return items
