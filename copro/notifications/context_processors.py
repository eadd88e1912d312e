from django.utils.functional import SimpleLazyObject

from copro.notifications.services import unread_count


def unread(request) -> dict:
    """The unread count in the header: one query, only on pages that show it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(viewer=user))}
