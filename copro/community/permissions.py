"""Who may see and change clinics and case studies. Something a person may not see answers
404, exactly like something that does not exist (AZ-1)."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from copro.community.models import CaseStudy, ClinicBooking, ClinicSlot
from copro.people.models import GroupMembership, User
from copro.projects.models import Membership, Project
from copro.projects.permissions import can_manage

AMBASSADORS = "ambassadors-network"
COMMUNITY_OF_PRACTICE = "community-of-practice"


def _in_group(user: User, slug: str) -> bool:
    return (
        user.is_authenticated
        and GroupMembership.objects.filter(user=user, group__slug=slug).exists()
    )


def can_host_clinics(user: User) -> bool:
    """Members of the Ambassadors' Network, council staff and administrators."""
    return user.is_authenticated and (user.is_council_staff or _in_group(user, AMBASSADORS))


def can_browse_case_studies(user: User) -> bool:
    """Everyone, signed in or not: a published case study is about a published project, and the
    public, ambassadors and the Advisory Board read them too (issue 17; decision 0011 amended)."""
    return True


def _refuse(request, what: str):
    if request is not None:
        request.refused_object_type = what
    raise Http404


def slot_get_for_viewer(*, viewer: User, pk: int, request=None) -> ClinicSlot:
    """Every signed-in person can see every clinic slot: clinics are open to everyone."""
    slot = None
    if viewer.is_authenticated:
        slot = ClinicSlot.objects.select_related("venue", "host").filter(pk=pk).first()
    if slot is None:
        _refuse(request, "clinic slot")
    return slot


def booking_list_visible(*, viewer: User) -> QuerySet[ClinicBooking]:
    """The person's own bookings and the bookings in clinics they host; nobody else's."""
    if not viewer.is_authenticated:
        return ClinicBooking.objects.none()
    return ClinicBooking.objects.filter(Q(person=viewer) | Q(slot__host=viewer))


def booking_get_for_viewer(*, viewer: User, pk: int, request=None) -> ClinicBooking:
    booking = (
        booking_list_visible(viewer=viewer)
        .select_related("slot__venue", "slot__host", "person")
        .filter(pk=pk)
        .first()
    )
    if booking is None:
        _refuse(request, "clinic booking")
    return booking


def _leads(viewer: User):
    return Membership.objects.filter(
        project=OuterRef("project"), user=viewer, left_on__isnull=True, role=Membership.Role.LEAD
    )


def case_study_list_visible(*, viewer: User) -> QuerySet[CaseStudy]:
    """Published case studies of projects that are still published, for everyone (signed in or
    not); drafts only for the person who wrote them and the people who run the
    project (administrators included)."""
    published = Q(status=CaseStudy.Status.PUBLISHED, project__visibility=Project.Visibility.PUBLIC)
    if not viewer.is_authenticated:
        return CaseStudy.objects.filter(published)
    if viewer.role == User.Role.ADMINISTRATOR:
        return CaseStudy.objects.all()
    own = Q(created_by=viewer) | Exists(_leads(viewer))
    return CaseStudy.objects.filter(published | own)


def case_study_get_for_viewer(*, viewer: User, pk: int, request=None) -> CaseStudy:
    case_study = (
        case_study_list_visible(viewer=viewer).select_related("project").filter(pk=pk).first()
    )
    if case_study is None:
        _refuse(request, "case study")
    return case_study


def can_write_case_study(*, viewer: User, project: Project) -> bool:
    """Council staff who run the project (or administrators), once the project is published."""
    return (
        viewer.is_authenticated
        and viewer.is_council_staff
        and project.visibility == Project.Visibility.PUBLIC
        and can_manage(viewer=viewer, project=project)
    )


def case_study_get_for_editor(*, viewer: User, pk: int, request=None) -> CaseStudy:
    case_study = case_study_get_for_viewer(viewer=viewer, pk=pk, request=request)
    if not can_write_case_study(viewer=viewer, project=case_study.project):
        _refuse(request, "case study")
    return case_study


def projects_for_new_case_study(*, viewer: User) -> QuerySet[Project]:
    """Published projects the viewer runs as staff that have no case study yet."""
    if not (viewer.is_authenticated and viewer.is_council_staff):
        return Project.objects.none()
    projects = Project.objects.filter(visibility=Project.Visibility.PUBLIC, case_study__isnull=True)
    if viewer.role != User.Role.ADMINISTRATOR:
        runs = Membership.objects.filter(
            project=OuterRef("pk"), user=viewer, left_on__isnull=True, role=Membership.Role.LEAD
        )
        projects = projects.filter(Exists(runs))
    return projects.order_by("title")
