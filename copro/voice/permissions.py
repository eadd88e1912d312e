"""Who may answer for a record: only the person it is about, or their supporter while the
person's consent stands (copro.people Supporter). Everyone else - the project's lead and
administrators included - gets 404, exactly as for a record that does not exist (AZ-1, AZ-9)."""

from django.http import Http404

from copro.core.provenance import Confirmation
from copro.people.models import Supporter, User
from copro.projects import permissions as project_perms
from copro.projects.models import Project
from copro.voice import records
from copro.voice.models import RecordKind


def supported_people(*, viewer: User) -> list[User]:
    """The people `viewer` may act for now (consent recorded and not withdrawn)."""
    if not viewer.is_authenticated:
        return []
    return [
        s.person
        for s in Supporter.objects.filter(supporter=viewer, revoked_at__isnull=True)
        .select_related("person")
        .order_by("person__display_name", "pk")
    ]


def may_answer_for(*, viewer: User, person_id: int) -> bool:
    if not viewer.is_authenticated:
        return False
    if viewer.pk == person_id:
        return True
    return Supporter.objects.filter(
        person_id=person_id, supporter=viewer, revoked_at__isnull=True
    ).exists()


def record_get_for_person(*, viewer: User, kind: str, pk: int, request=None) -> records.Item:
    """The record, for the person it is about or their consented supporter; otherwise 404."""
    if kind not in RecordKind.values:
        raise Http404
    record = records.queryset(kind).filter(pk=pk).first()
    if record is not None:
        item = records.item_for(kind, record)
        if item.project is not None and may_answer_for(viewer=viewer, person_id=item.person_id):
            return item
    if request is not None:
        request.refused_object_type = "record"
    raise Http404


def project_get_for_auditor(*, viewer: User, pk: int, request=None) -> Project:
    """Contested records and the history: whoever runs the project, and administrators."""
    return project_perms.project_get_for_manager(viewer=viewer, pk=pk, request=request)


def contested_get_for_auditor(*, project: Project, kind: str, pk: int) -> records.Item:
    if kind not in RecordKind.values:
        raise Http404
    # Only a record still questioned can be resolved; any other id answers 404.
    record = (
        records.queryset(kind)
        .filter(pk=pk, confirmation=Confirmation.CONTESTED, **{records.project_path(kind): project})
        .first()
    )
    if record is None:
        raise Http404
    return records.item_for(kind, record)
