from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _


def _nav_items(request: HttpRequest) -> list[dict]:
    items = [
        (_("Home"), reverse("core:home")),
        (_("Projects"), reverse("projects:list")),
        (_("Learn about co-production"), reverse("framework:learn")),
        (_("Check your writing"), reverse("writing:check")),
    ]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        items.insert(2, (_("Your meetings"), reverse("meetings:mine")))
        items.insert(3, (_("Your thanks"), reverse("reciprocity:mine")))
        items.insert(4, (_("Training"), reverse("learning:home")))
        items.insert(5, (_("Clinics and case studies"), reverse("community:home")))
        if user.role in ("staff", "administrator"):
            items.append((_("How we are doing"), reverse("reports:dashboard")))
        items.append((_("Your account"), reverse("accounts:home")))
    path = request.path
    result = []
    for text, href in items:
        current = path == href if href == "/" else path.startswith(href)
        result.append({"text": text, "href": href, "current": current})
    return result


def service(request: HttpRequest) -> dict:
    return {
        "council_name": settings.COUNCIL_NAME,
        "council_phone": settings.COUNCIL_PHONE,
        "council_email": settings.COUNCIL_EMAIL,
        "council_address": settings.COUNCIL_ADDRESS,
        "council_opening_hours": settings.COUNCIL_OPENING_HOURS,
        "service_name": settings.SERVICE_NAME,
        "nav_items": _nav_items(request),
        "session_idle_seconds": settings.SESSION_IDLE_SECONDS,
        "js_enabled_snippet": settings.JS_ENABLED_SNIPPET,
        "languages": settings.LANGUAGES if len(settings.LANGUAGES) > 1 else [],
    }
