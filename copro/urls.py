from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from copro.api import api

# The admin pages need a verified second factor as well as a password (AUTH-5, CFG-8).
admin.site.__class__ = OTPAdminSite

handler404 = "copro.core.views.page_not_found"
handler500 = "copro.core.views.server_error"

urlpatterns = [
    path("", include("copro.core.urls")),
    path("", include("copro.frontdoor.urls")),
    path("learn/", include("copro.framework.urls")),
    path("account/equality/", include("copro.people.urls_equality")),
    path("account/", include("copro.people.urls")),
    path("check-your-writing/", include("copro.writing.urls")),
    path("projects/", include("copro.projects.urls")),
    path("meetings/", include("copro.meetings.urls")),
    path("thanks/", include("copro.reciprocity.urls")),
    path("learning/", include("copro.learning.urls")),
    path("community/", include("copro.community.urls")),
    path("readiness/", include("copro.readiness.urls")),
    path("voice/", include("copro.voice.urls")),
    path("conversations/", include("copro.conversations.urls")),
    path("safeguarding/", include("copro.safeguarding.urls")),
    path("reports/", include("copro.reports.urls")),
    path("notifications/", include("copro.notifications.urls")),
    path("projects/<int:pk>/", include("copro.projects.urls_evidence")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
