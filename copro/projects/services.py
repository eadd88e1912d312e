"""Writes to projects. Each runs in one transaction and refreshes the project's placement."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from copro.core.provenance import HOW_THEY_TOLD_YOU, EntryMethod, provenance_values
from copro.people.models import User
from copro.projects import telling
from copro.projects.models import (
    STAGE_ORDER,
    Action,
    Contribution,
    Decision,
    DecisionOption,
    Membership,
    Position,
    Project,
    Stage,
    StageChange,
)


def _refresh(project: Project) -> None:
    try:
        from copro.projects.evidence.placement import placement_refresh
    except ImportError:  # the evidence engine is optional for these writes
        return
    placement_refresh(project=project)


@transaction.atomic
def project_start(
    *,
    title: str,
    summary: str,
    service_area: str,
    visibility: str,
    by: User,
    lead_kind: str = Membership.Kind.QUALIFICATION,
) -> Project:
    project = Project(
        title=title,
        summary=summary,
        service_area=service_area,
        visibility=visibility,
        created_by=by,
        updated_by=by,
    )
    project.full_clean()
    project.save()
    today = timezone.localdate()
    StageChange.objects.create(project=project, stage=Stage.IDEA, changed_on=today, changed_by=by)
    Membership.objects.create(
        project=project,
        user=by,
        kind=lead_kind,
        role=Membership.Role.LEAD,
        joined_on=today,
        created_by=by,
        **provenance_values(entry_method=EntryMethod.SELF, about=today),
    )
    _refresh(project)
    return project


@transaction.atomic
def project_update(*, project: Project, by: User, **fields) -> Project:
    for name, value in fields.items():
        setattr(project, name, value)
    project.updated_by = by
    project.full_clean()
    project.save()
    return project


@transaction.atomic
def project_stage_change(*, project: Project, stage: str, on: date, by: User) -> StageChange:
    if stage == project.stage:
        raise ValidationError({"stage": "The project is already at this stage"})
    if STAGE_ORDER.index(stage) < STAGE_ORDER.index(project.stage):
        raise ValidationError({"stage": "A project cannot go back to an earlier stage"})
    last = project.stage_changes.order_by("-changed_on").first()
    if last and on < last.changed_on:
        raise ValidationError({"changed_on": "The date must be on or after the last change"})
    project.stage = stage
    project.updated_by = by
    project.save(update_fields=["stage", "updated_by", "updated_at"])
    change = StageChange.objects.create(project=project, stage=stage, changed_on=on, changed_by=by)
    _refresh(project)
    return change


@transaction.atomic
def member_add(
    *,
    project: Project,
    user: User,
    kind: str,
    role: str,
    joined_on: date,
    by: User,
    entry_method: str = "",
) -> Membership:
    """Add a member. A "joined on" date well before today is recorded late (provenance): it
    counts as evidence only once the person confirms it."""
    if Membership.objects.filter(project=project, user=user, left_on__isnull=True).exists():
        raise ValidationError({"person": f"{user} is already a member"})
    method = entry_method or (EntryMethod.SELF if by == user else EntryMethod.ORGANISER)
    membership = Membership(
        project=project,
        user=user,
        kind=kind,
        role=role,
        joined_on=joined_on,
        created_by=by,
        **provenance_values(entry_method=method, about=joined_on),
    )
    membership.full_clean()
    membership.save()
    _refresh(project)
    return membership


@transaction.atomic
def member_leave(*, membership: Membership, on: date, by: User) -> Membership:
    if membership.left_on is not None:
        raise ValidationError("They have already left")
    membership.left_on = on
    membership.updated_by = by
    membership.save(update_fields=["left_on", "updated_by", "updated_at"])
    _refresh(membership.project)
    return membership


@transaction.atomic
def decision_propose(
    *,
    project: Project,
    title: str,
    proposal: str,
    method: str,
    options: list[str],
    review_on: date | None,
    by: User,
    kind: str = Decision.Kind.OTHER,
    proposed_by: Membership | None = None,
) -> Decision:
    """`proposed_by` is the member who put the proposal forward (the one typing it in when
    not given); `kind` says what it is about, which the evidence weighs."""
    if proposed_by is not None and proposed_by.project_id != project.pk:
        raise ValidationError({"proposed_by": "Choose a member of this project"})
    decision = Decision(
        project=project,
        title=title,
        proposal=proposal,
        method=method,
        stage=project.stage,
        kind=kind,
        proposed_by=proposed_by.user if proposed_by else by,
        proposed_by_kind=proposed_by.kind if proposed_by else "",
        review_on=review_on,
        created_by=by,
        updated_by=by,
    )
    decision.full_clean()
    decision.save()
    needs_options = method in (Decision.Method.MAJORITY, Decision.Method.RANKED)
    cleaned = [text.strip() for text in options if text.strip()]
    if needs_options and len(cleaned) < 2:
        raise ValidationError({"options": "Give at least two options to choose from"})
    DecisionOption.objects.bulk_create(
        [DecisionOption(decision=decision, text=t, order=n) for n, t in enumerate(cleaned)]
    )
    telling.tell_decision_opened(decision, by)
    return decision


def _check_position(decision: Decision, stance: str, option_id, ranking: list[int]) -> None:
    """Only what belongs to this decision's way of deciding: an option of this decision for a
    vote, an order of its own options for a ranking, nothing else (the API sends anything)."""
    option_ids = set(decision.options.values_list("pk", flat=True))
    majority = decision.method == Decision.Method.MAJORITY
    if (majority and option_id not in option_ids) or (not majority and option_id is not None):
        raise ValidationError({"option": "Choose one of the options"})
    if not isinstance(ranking, list) or len(ranking) > len(option_ids):
        raise ValidationError({"ranking": "Put the options in the order you prefer"})
    if decision.method != Decision.Method.RANKED and ranking:
        raise ValidationError({"ranking": "This decision does not ask for an order"})
    if decision.method == Decision.Method.RANKED and (
        not ranking or set(ranking) - option_ids or len(set(ranking)) != len(ranking)
    ):
        raise ValidationError({"ranking": "Put the options in the order you prefer"})
    allowed = {
        Decision.Method.CONSENSUS: {"agree", "disagree", "abstain", "block"},
        Decision.Method.CONSENT: {"agree", "abstain", "object"},
    }.get(decision.method)
    if (allowed is not None and stance not in allowed) or (allowed is None and stance):
        raise ValidationError({"stance": "Choose your position"})


def _entry_method(*, by: User, person: User, how: str) -> str:
    """Entered by the person, or for them from what they said ("how they told you")."""
    if by == person:
        return EntryMethod.SELF
    return HOW_THEY_TOLD_YOU.get(how, EntryMethod.ORGANISER)


def _clean_text(text: str, field: str, *, required: bool) -> str:
    """What the forms do to typed text, for callers that are not forms (the API)."""
    text = text if isinstance(text, str) else ""
    if "\x00" in text:
        raise ValidationError({field: "Remove the unusual characters and try again"})
    if required and not text.strip():
        raise ValidationError({field: "Write something before you send it"})
    return text.strip()


@transaction.atomic
def position_record(
    *,
    decision: Decision,
    member: Membership,
    by: User,
    stance: str = "",
    option_id: int | None = None,
    ranking: list[int] | None = None,
    reason: str = "",
    how: str = "",
) -> Position:
    """Record a member's voice. Submitting again updates it (one person, one voice: CONC-2)."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status != Decision.Status.OPEN:
        raise ValidationError("This decision has been made: views can no longer be added")
    if member.project_id != decision.project_id or member.left_on is not None:
        raise PermissionDenied
    ranking = ranking or []
    reason = _clean_text(reason, "reason", required=False)
    _check_position(decision, stance, option_id, ranking)
    if stance == "object" and not reason.strip():
        raise ValidationError({"reason": "Give the reason for your objection"})
    now = timezone.now()
    values = {
        "stance": stance,
        "option_id": option_id,
        "ranking": ranking,
        "reason": reason,
        "kind": member.kind,
        "recorded_by": by,
        "recorded_how": how,
        "recorded_at": now,
        **provenance_values(
            entry_method=_entry_method(by=by, person=member.user, how=how),
            about=decision.decided_on or timezone.localdate(now),
            now=now,
        ),
    }
    try:
        with transaction.atomic():
            position, _ = Position.objects.update_or_create(
                decision=decision, user=member.user, defaults=values
            )
    except IntegrityError:  # another request saved the same person's first voice just now
        position = Position.objects.get(decision=decision, user=member.user)
        for name, value in values.items():
            setattr(position, name, value)
        position.save()
    return position


@transaction.atomic
def decision_close(*, decision: Decision, outcome: str, decided_on: date, by: User) -> Decision:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status != Decision.Status.OPEN:
        raise ValidationError("This decision has already been made")
    if not outcome.strip():
        raise ValidationError({"outcome": "Say what was decided"})
    decision.status = Decision.Status.DECIDED
    decision.outcome = outcome
    decision.decided_on = decided_on
    decision.updated_by = by
    decision.save()
    _refresh(decision.project)
    return decision


@transaction.atomic
def contribution_raise(
    *,
    project: Project,
    member: Membership,
    kind: str,
    text: str,
    by: User,
    how: str = "",
    request_key: str = "",
) -> Contribution:
    """An idea, concern or suggestion, raised by the member or typed in for them by staff
    from what they said on paper, by phone or in person (`how`, marked so wherever it shows).
    With a `request_key` (made when the form was shown), the same form sent again returns the
    first one instead of a second."""
    if by != member.user and how not in HOW_THEY_TOLD_YOU:
        raise ValidationError({"how": "Say how they told you"})
    now = timezone.now()
    text = _clean_text(text, "text", required=True)
    request_key = (request_key or "").strip()[:100]
    if request_key and (sent := _idea_sent(member.user, request_key)) is not None:
        return sent
    contribution = Contribution(
        request_key=request_key,
        project=project,
        raised_by=member.user,
        kind=kind,
        text=text,
        stage=project.stage,
        member_kind=member.kind,
        raised_at=now,
        entered_by=by,
        created_by=by,
        updated_by=by,
        **provenance_values(
            entry_method=_entry_method(by=by, person=member.user, how=how), about=now, now=now
        ),
    )
    contribution.full_clean(exclude=["request_key"])  # the database checks the key
    try:
        with transaction.atomic():
            contribution.save()
    except IntegrityError:  # a twin request with the same key saved it just now
        if request_key and (sent := _idea_sent(member.user, request_key)) is not None:
            return sent
        raise
    _refresh(project)
    return contribution


def _idea_sent(user: User, request_key: str) -> Contribution | None:
    return Contribution.objects.filter(raised_by=user, request_key=request_key).first()


@transaction.atomic
def contribution_respond(
    *,
    contribution: Contribution,
    status: str,
    response: str,
    by: User,
    decisions=(),
    actions=(),
) -> Contribution:
    if status in (Contribution.Status.NOT_ADOPTED, Contribution.Status.OUT_OF_OUR_HANDS) and (
        not response.strip()
    ):
        raise ValidationError({"response": "Give the reason, so the person knows why"})
    contribution.status = status
    contribution.response = response
    contribution.responded_by = by
    contribution.responded_at = timezone.now()
    contribution.updated_by = by
    contribution.full_clean()
    contribution.save()
    contribution.decisions.set(decisions)
    contribution.actions.set(actions)
    _notify_raiser(contribution)
    telling.tell_idea_answered(contribution)
    _refresh(contribution.project)
    return contribution


def _notify_raiser(contribution: Contribution) -> None:
    from copro.projects.emails import send_response_to_raiser

    transaction.on_commit(lambda: send_response_to_raiser(contribution_id=contribution.pk))


@transaction.atomic
def action_add(*, project: Project, title: str, owner: User | None, due_on, by: User) -> Action:
    action = Action(project=project, title=title, owner=owner, due_on=due_on, created_by=by)
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_set_status(*, action: Action, status: str, by: User) -> Action:
    action.status = status
    action.updated_by = by
    action.full_clean()
    action.save()
    return action
