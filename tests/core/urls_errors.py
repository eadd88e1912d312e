"""Test-only routes that fail on purpose (CFG-4). Never included in the real URL map."""

from django.db import DatabaseError
from django.urls import include, path


def boom(request):
    raise RuntimeError("SECRET_KEY=/work/main/copro/settings.py SELECT * FROM people_user")


def database_down(request):
    raise DatabaseError("could not connect to server: SELECT password FROM people_user")


handler404 = "copro.core.views.page_not_found"
handler500 = "copro.core.views.server_error"

urlpatterns = [
    path("boom/", boom),
    path("database-down/", database_down),
    path("", include("copro.urls")),
]
