"""How the evidence about experts by experience was entered, in one query for a project.

Counts memberships, positions and ideas (and, through registered sources, attendance at
meetings): entered by the person, entered for them (paper, phone, in person, imported), recorded
late, confirmed by them, contested by them, and waiting for their word. Each model gives one
aggregate row and the rows are joined with UNION ALL, so the whole count is a single query.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Value

from copro.core.provenance import FOR_THEM, Confirmation, EntryMethod, needs_confirmation_q
from copro.projects.models import Contribution, Membership, Position, Project

EXPERIENCE = Membership.Kind.EXPERIENCE
FIELDS = ("by_self", "for_them", "late", "confirmed", "contested", "awaiting")

ProvenanceSource = Callable[[Project], QuerySet]
_sources: list[ProvenanceSource] = []


def register_provenance_source(source: ProvenanceSource) -> ProvenanceSource:
    """Add a queryset of another app's records about experts by experience in this project
    (for example attendance at its meetings); it is counted in the same query."""
    if source not in _sources:
        _sources.append(source)
    return source


@dataclass(frozen=True)
class ProvenanceCounts:
    by_self: int = 0
    for_them: int = 0
    late: int = 0
    confirmed: int = 0
    contested: int = 0
    awaiting: int = 0  # entered for them or late, and not yet confirmed or contested

    @property
    def needing_word(self) -> int:
        return self.confirmed + self.contested + self.awaiting

    @property
    def share_confirmed(self) -> float | None:
        """Of the records that need the person's word, the share they confirmed."""
        return round(self.confirmed / self.needing_word, 4) if self.needing_word else None

    def as_json(self) -> dict:
        return {name: getattr(self, name) for name in FIELDS} | {
            "share_confirmed": self.share_confirmed
        }


def counting(queryset: QuerySet) -> QuerySet:
    """One aggregate row of the counts for a queryset of Provenance rows."""
    needs = needs_confirmation_q()
    settled = Q(confirmation__in=[Confirmation.CONFIRMED, Confirmation.CONTESTED])
    return (
        queryset.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(
            by_self=Count("pk", filter=Q(entry_method=EntryMethod.SELF)),
            for_them=Count("pk", filter=Q(entry_method__in=list(FOR_THEM))),
            late=Count("pk", filter=Q(recorded_late=True)),
            confirmed=Count("pk", filter=Q(confirmation=Confirmation.CONFIRMED)),
            contested=Count("pk", filter=Q(confirmation=Confirmation.CONTESTED)),
            awaiting=Count("pk", filter=needs & ~settled),
        )
        .values_list(*FIELDS)
    )


def provenance_counts(*, project: Project) -> ProvenanceCounts:
    parts = [
        counting(Membership.objects.filter(project=project, kind=EXPERIENCE)),
        counting(Position.objects.filter(decision__project=project, kind=EXPERIENCE)),
        counting(Contribution.objects.filter(project=project, member_kind=EXPERIENCE)),
        *(counting(source(project)) for source in _sources),
    ]
    rows = list(parts[0].union(*parts[1:], all=True))
    totals = [sum(values) for values in zip(*rows, strict=True)] if rows else []
    return ProvenanceCounts(*totals) if totals else ProvenanceCounts()
