from django.urls import path

from copro.voice import views
from copro.voice.models import RecordKind

app_name = "voice"

urlpatterns = [
    path("", views.records_home, name="home"),
    path("ideas/<int:contribution_pk>/answer/", views.answer_verdict, name="verdict"),
    path("projects/<int:pk>/check-in/", views.check_in, name="check_in"),
    path("projects/<int:pk>/records/", views.project_records, name="project_records"),
    path("projects/<int:pk>/outcomes/", views.outcomes, name="outcomes"),
    path(
        "projects/<int:pk>/outcomes/<int:outcome_pk>/measures/",
        views.measure_add,
        name="measure_add",
    ),
    path("projects/<int:pk>/ideas/for-someone/", views.idea_for_someone, name="idea_for_someone"),
]

# One route per kind of record, so every path names what it is about.
for kind in RecordKind.values:
    urlpatterns += [
        path(
            f"records/{kind}/<int:record_pk>/",
            views.record_answer,
            {"kind": kind},
            name=f"record_{kind}",
        ),
        path(
            f"projects/<int:pk>/records/{kind}/<int:record_pk>/resolve/",
            views.resolve,
            {"kind": kind},
            name=f"resolve_{kind}",
        ),
    ]
