"""The one NinjaAPI. Each app adds its own router; cookie-authenticated calls check CSRF."""

from django.http import HttpRequest
from ninja import NinjaAPI, Schema
from ninja.security import django_auth

api = NinjaAPI(
    title="Working Together API",
    version="1",
    urls_namespace="api",
    # The interactive docs page loads scripts from elsewhere, which the CSP forbids; the schema
    # itself is public at /api/v1/openapi.json (docs/decisions/0003-api.md).
    docs_url=None,
)


class Me(Schema):
    id: int
    display_name: str


@api.get("/me", response=Me, auth=django_auth, tags=["people"], summary="Who is signed in")
def me(request: HttpRequest):
    return {"id": request.user.pk, "display_name": request.user.display_name}


def _mount_routers() -> None:
    from copro.conversations.api import router as conversations_router
    from copro.framework.api import router as framework_router
    from copro.frontdoor.api import router as frontdoor_router
    from copro.notifications.api import router as notifications_router
    from copro.projects.api import router as projects_router
    from copro.projects.api_evidence import router as evidence_router
    from copro.projects.api_joining import router as joining_router
    from copro.safeguarding.api import router as safeguarding_router
    from copro.voice.api import router as voice_router
    from copro.writing.api import router as writing_router

    api.add_router("/framework", framework_router)
    api.add_router("/notifications", notifications_router)
    api.add_router("/plain-english", writing_router)
    api.add_router("/projects", evidence_router)
    api.add_router("/projects", projects_router)
    api.add_router("/voice", voice_router)
    api.add_router("/conversations", conversations_router)
    api.add_router("/safeguarding", safeguarding_router)
    api.add_router("", joining_router)
    api.add_router("/get-involved", frontdoor_router)


_mount_routers()
