"""Reads for the clinic and case study pages, each a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from copro.community.models import CaseStudy, ClinicBooking, ClinicSlot
from copro.community.permissions import case_study_list_visible
from copro.framework.models import StaircaseStep
from copro.people.models import User
from copro.projects.evidence.placement import Evidence, project_evidence
from copro.projects.models import Placement, StageChange

LIVE = ClinicBooking.Status.BOOKED


def _live_booking():
    return ClinicBooking.objects.filter(slot=OuterRef("pk"), status=LIVE)


def slots_upcoming() -> list[ClinicSlot]:
    """Clinics from today on, each marked `is_taken` when someone has booked it."""
    today = timezone.localdate()
    return list(
        ClinicSlot.objects.filter(date__gte=today)
        .select_related("venue", "host")
        .annotate(is_taken=Exists(_live_booking()))
    )


def slot_live_booking(*, slot: ClinicSlot) -> ClinicBooking | None:
    return slot.bookings.filter(status=LIVE).select_related("person").first()


def bookings_of(*, person: User) -> list[ClinicBooking]:
    """The person's own live bookings, soonest first."""
    return list(
        ClinicBooking.objects.filter(person=person, status=LIVE).select_related(
            "slot__venue", "slot__host"
        )
    )


def slots_hosted_by(*, host: User) -> list[ClinicSlot]:
    """The host's clinics from a month ago on, each with its live booking (if any) as
    `live_bookings`: two queries."""
    since = timezone.localdate() - datetime.timedelta(days=31)
    live = Prefetch(
        "bookings",
        queryset=ClinicBooking.objects.filter(status=LIVE).select_related("person"),
        to_attr="live_bookings",
    )
    return list(
        ClinicSlot.objects.filter(host=host, date__gte=since)
        .select_related("venue")
        .prefetch_related(live)
    )


# --- Case studies ---------------------------------------------------------------------------


def case_studies_for(*, viewer: User) -> list[CaseStudy]:
    """The case studies the viewer may see, each with the step of its project's latest stored
    placement as `step_order` and `step_name` (one query)."""
    latest = Placement.objects.filter(project=OuterRef("project")).order_by("-placed_at", "-pk")
    return list(
        case_study_list_visible(viewer=viewer)
        .select_related("project")
        .annotate(
            step_order=Subquery(latest.values("step__order")[:1]),
            step_name=Subquery(latest.values("step__name")[:1]),
        )
        .order_by("project__title", "pk")
    )


@dataclass(frozen=True)
class CaseStudyView:
    """A case study with what the record says about its project."""

    case_study: CaseStudy
    evidence: Evidence
    stage_dates: dict[str, object]  # stage value -> the day it began

    @property
    def stages(self) -> list[tuple[str, str, str, object]]:
        """(stage, its name, what they did, the day it began or None), in stage order."""
        return [
            (stage, name, text, self.stage_dates.get(stage))
            for stage, name, text in self.case_study.stage_texts()
        ]

    @property
    def figures(self) -> list[tuple[str, str]]:
        """Key figures: each signal of the evidence that has something to measure."""
        return [(s.name, s.display) for s in self.evidence.signals if s.value is not None]


def case_study_view(*, case_study: CaseStudy) -> CaseStudyView:
    """About a dozen queries whatever the project's size (the evidence engine is bounded)."""
    changes = StageChange.objects.filter(project=case_study.project).order_by("changed_on", "pk")
    dates: dict[str, object] = {}
    for change in changes:
        dates.setdefault(change.stage, change.changed_on)
    return CaseStudyView(
        case_study=case_study,
        evidence=project_evidence(project=case_study.project),
        stage_dates=dates,
    )


def staircase() -> list[StaircaseStep]:
    return list(StaircaseStep.objects.order_by("order"))


def visible_case_studies_by_id(*, viewer: User, ids: list[int]) -> QuerySet[CaseStudy]:
    return case_study_list_visible(viewer=viewer).filter(pk__in=ids).select_related("project")
