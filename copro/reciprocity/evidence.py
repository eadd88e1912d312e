"""What reciprocity adds to a project's evidence: the "reciprocity" signal.

Of the meetings held in the project that experts by experience came to, how many of those
attendances got something back: time credits paid in (and not taken back) or a payment made.
People who told staff they wanted nothing are left out of both counts, and expenses never
count (refunding a bus fare is not getting something back). No attendances means "no data
yet", not 0%.

Only attendance that counts as evidence is read (copro/core/provenance.py): a past meeting
marked attended late, or attendance entered for someone, counts once they confirm it. The
thresholds are the staircase rules' (`coproduce_reciprocity`, `codesign_reciprocity`).

Registered in ReciprocityConfig.ready(), replacing the projects app's placeholder. Runs one
query per project whatever its size.
"""

from django.db.models import CharField, Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from copro.projects.evidence.record import attendance_counted_q
from copro.projects.evidence.signals import NO_DATA, Record, Signal, percent
from copro.projects.evidence.thresholds import thresholds
from copro.reciprocity.models import Reward
from copro.reciprocity.selectors import _chose_nothing, _given_back

SOURCE_PREFIX = "meetings.attendance:"


def _threshold(target: float) -> str:
    return (
        f"At least {percent(target)} of the times experts by experience came to a meeting, "
        "they got something back: payment or time credits, not only their expenses"
    )


def attendance_counts(*, project) -> dict:
    """{"attended", "rewarded"} for the project's meetings already held."""
    from copro.meetings.models import EXPERIENCE, Attendance

    source = Concat(Value(SOURCE_PREFIX), Cast(OuterRef("pk"), CharField()))
    rewards = Reward.objects.filter(person=OuterRef("user"), source_key=source)
    counts = (
        Attendance.objects.filter(
            meeting__project=project,
            meeting__starts_at__lte=timezone.now(),
            kind=EXPERIENCE,
            status=Attendance.Status.ATTENDED,
        )
        .filter(attendance_counted_q())
        .exclude(Exists(rewards.filter(_chose_nothing())))
        .aggregate(
            attended=Count("pk"),
            rewarded=Count("pk", filter=Q(Exists(rewards.filter(_given_back())))),
        )
    )
    return counts


def attendance_counts_by_project(*, projects) -> dict[int, dict]:
    """{project id: {"attended", "rewarded"}} for many projects in one query: the dashboard
    reads the current evidence this way rather than the placements stored when a step changed."""
    from copro.meetings.models import EXPERIENCE, Attendance

    source = Concat(Value(SOURCE_PREFIX), Cast(OuterRef("pk"), CharField()))
    rewards = Reward.objects.filter(person=OuterRef("user"), source_key=source)
    rows = (
        Attendance.objects.filter(
            meeting__project__in=projects,
            meeting__starts_at__lte=timezone.now(),
            kind=EXPERIENCE,
            status=Attendance.Status.ATTENDED,
        )
        .filter(attendance_counted_q())
        .exclude(Exists(rewards.filter(_chose_nothing())))
        .values("meeting__project")
        .annotate(
            attended=Count("pk"),
            rewarded=Count("pk", filter=Q(Exists(rewards.filter(_given_back())))),
        )
        .order_by()
    )
    return {
        row["meeting__project"]: {"attended": row["attended"], "rewarded": row["rewarded"]}
        for row in rows
    }


def reciprocity_met(counts: dict | None, limits: dict | None = None) -> bool | None:
    """Whether the signal is met for these counts; None when nobody has come yet."""
    if not counts or not counts["attended"]:
        return None
    limits = {**thresholds(), **(limits or {})}
    return counts["rewarded"] / counts["attended"] >= limits["coproduce_reciprocity"]


def reciprocity_signal(record: Record, limits: dict) -> Signal:
    limits = {**thresholds(), **(limits or {})}
    counts = attendance_counts(project=record.project)
    attended, rewarded = counts["attended"], counts["rewarded"]
    common = {
        "key": "reciprocity",
        "name": "Something back",
        "threshold": _threshold(limits["coproduce_reciprocity"]),
        "source": "reciprocity",
    }
    if not attended:
        return Signal(
            **common,
            value=None,
            display=NO_DATA,
            met=None,
            reason="No data yet: this comes from experts by experience coming to meetings, "
            "and none has been recorded yet.",
        )
    share = rewarded / attended
    times = "time" if attended == 1 else "times"
    return Signal(
        **common,
        value=round(share, 4),
        display=f"{rewarded} of {attended} ({percent(share)})",
        met=reciprocity_met(counts, limits=limits),
        reason=f"Experts by experience came to a meeting {attended} {times}. They got "
        f"payment or time credits back for {rewarded} of them. Expenses do not count.",
    )


def register() -> None:
    from copro.projects.evidence.signals import register_signal

    register_signal("reciprocity", replace=True)(reciprocity_signal)
