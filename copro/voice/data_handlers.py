"""The members' own word in the export and erasure registry (copro.people.your_data).

What a person said about records (confirmations, contests, verdicts on answers) is theirs:
exported, and on erasure the reasons and comments are wiped while the fact of the answer stays
with the anonymised placeholder. Check-ins are exported to the person and on erasure lose
their link to them (they are only ever shown added up)."""

from copro.people import your_data


def _events(user) -> list[dict]:
    from copro.voice.models import RecordEvent

    return [
        {
            "record": e.summary,
            "what": e.get_action_display(),
            "why": e.reason,
            "when": e.at.isoformat(),
        }
        for e in RecordEvent.objects.filter(person=user)
    ]


def _verdicts(user) -> list[dict]:
    from copro.voice.models import AnswerVerdict

    return [
        {"verdict": v.get_verdict_display(), "comment": v.comment, "when": v.given_at.isoformat()}
        for v in AnswerVerdict.objects.filter(person=user)
    ]


def _check_ins(user) -> list[dict]:
    from copro.voice.models import CheckIn

    return your_data.rows(
        CheckIn.objects.filter(person=user),
        "project__title",
        "submitted_on",
        "heard",
        "could_change",
        "equal",
        "could_get_there",
        "got_back",
    )


def _erase_events(user) -> None:
    from copro.voice.models import RecordEvent

    # A queryset update: the history is append-only for the services, but erasure must wipe
    # the person's own words (PRIV-10).
    RecordEvent.objects.filter(person=user).update(reason="", summary="(erased)")


def _erase_verdicts(user) -> None:
    from copro.voice.models import AnswerVerdict

    AnswerVerdict.objects.filter(person=user).update(comment="")


def _erase_check_ins(user) -> None:
    from copro.voice.models import CheckIn

    CheckIn.objects.filter(person=user).update(person=None)


def register_all() -> None:
    from copro.voice.models import AnswerVerdict, Ask, CheckIn, OutcomeMeasure, RecordEvent

    your_data.register(
        RecordEvent,
        label="Records you confirmed or questioned",
        export=_events,
        erase=_erase_events,
    )
    your_data.register(
        AnswerVerdict,
        label="What you said about answers to your ideas",
        export=_verdicts,
        erase=_erase_verdicts,
    )
    your_data.register(CheckIn, label="Your check-ins", export=_check_ins, erase=_erase_check_ins)
    your_data.exempt(
        Ask,
        reason="Only when we asked and reminded a person; deleted with them (cascade) and "
        "holds nothing they wrote.",
    )
    your_data.exempt(
        OutcomeMeasure,
        reason="A project's measure; recorded_by is who typed it in, like created_by.",
    )
