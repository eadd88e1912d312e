"""Writes to meetings. Each validates, runs in one transaction and raises ValidationError with
a plain-English message a form can show."""

import hashlib
import logging
import secrets
import uuid
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone

from copro.core.provenance import EntryMethod, provenance_values
from copro.core.uploads import store_file
from copro.framework.models import NetworkGroup
from copro.meetings import hosts, telling
from copro.meetings.files import CheckedPaper, plain_english
from copro.meetings.models import (
    EXPERIENCE,
    AgendaItem,
    Arrangement,
    Attendance,
    CalendarFeed,
    Invitee,
    Meeting,
    MeetingAccessNeed,
    Paper,
    Venue,
)
from copro.people.models import AccessNeed, FormatNeed, User
from copro.projects.models import Decision, Project

PAPERS_FOLDER = "meeting-papers"
log = logging.getLogger("copro.meetings")


# --- Venues ------------------------------------------------------------------------------------


@transaction.atomic
def venue_save(*, venue: Venue | None = None, by: User, **fields) -> Venue:
    venue = venue or Venue(created_by=by)
    for name, value in fields.items():
        setattr(venue, name, value)
    venue.updated_by = by
    venue.full_clean()
    venue.save()
    return venue


# --- Planning ----------------------------------------------------------------------------------


def _places(meeting: Meeting) -> None:
    if not meeting.capacity:
        meeting.capacity = None
        if meeting.reserved_places:
            raise ValidationError(
                {"reserved_places": "Set the most people who can come before keeping places"}
            )
        return
    if meeting.reserved_places > meeting.capacity:
        raise ValidationError(
            {"reserved_places": "You cannot keep more places than there are places"}
        )
    if meeting.pk:
        coming = meeting.invitees.filter(reply=Invitee.Reply.YES).count()
        if coming > meeting.capacity:
            raise ValidationError(
                {
                    "capacity": f"{coming} people have already said they will come, so the "
                    f"limit cannot be lower than {coming}"
                }
            )


def _where(meeting: Meeting) -> None:
    """Somewhere to be: a venue for people in the room, a link for people online."""
    errors = {}
    if meeting.format == Meeting.Format.ONLINE:
        meeting.venue = None
    elif meeting.venue is None:
        errors["venue"] = "Choose where the meeting will be"
    if meeting.format == Meeting.Format.IN_PERSON:
        meeting.online_link = ""
    elif not meeting.online_link:
        errors["online_link"] = "Give the link people will use to join online"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_plan(
    *,
    project: Project | None = None,
    group: NetworkGroup | None = None,
    by: User,
    title: str,
    starts_at: datetime,
    duration_minutes: int,
    format: str,
    purpose: str,
    venue: Venue | None = None,
    online_link: str = "",
    capacity: int | None = None,
    reserved_places: int = 0,
    open_to_all: bool = False,
) -> Meeting:
    """Plan a meeting for a project or for one of the network's groups (exactly one)."""
    if (project is None) == (group is None):
        raise ValueError("A meeting belongs to a project or to a group")
    meeting = Meeting(
        project=project,
        group=group,
        open_to_all=open_to_all,
        title=title,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        format=format,
        venue=venue,
        online_link=online_link,
        purpose=purpose,
        capacity=capacity,
        reserved_places=reserved_places or 0,
        created_by=by,
        updated_by=by,
    )
    _where(meeting)
    _places(meeting)
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User, **fields) -> Meeting:
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()  # replies wait for us
    before = telling.when_and_where(meeting)
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.reserved_places = meeting.reserved_places or 0
    meeting.updated_by = by
    _where(meeting)
    _places(meeting)
    moved = telling.when_and_where(meeting) != before
    if moved:
        meeting.sequence += 1
    meeting.full_clean()
    meeting.save()
    _fill_free_places(meeting, by)  # a higher limit gives places to people waiting
    if moved:
        telling.tell_changed(meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User, reason: str = "") -> Meeting:
    """Cancel a meeting and tell everyone invited, with a calendar file that takes it out."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.cancelled_at is not None:
        raise ValidationError("This meeting is already cancelled")
    meeting.cancelled_at = timezone.now()
    meeting.sequence = locked.sequence + 1
    meeting.updated_by = by
    meeting.save(update_fields=["cancelled_at", "sequence", "updated_by", "updated_at"])
    telling.tell_cancelled(meeting, reason=" ".join(reason.split())[:500])
    return meeting


@transaction.atomic
def meeting_notes_save(
    *, meeting: Meeting, notes: str, decisions: list[Decision], by: User
) -> Meeting:
    if decisions and meeting.project_id is None:
        raise ValidationError({"decisions": "A group's meeting has no project decisions"})
    if any(d.project_id != meeting.project_id for d in decisions):
        raise ValidationError({"decisions": "Choose decisions of this project"})
    meeting.notes = notes
    meeting.updated_by = by
    meeting.full_clean()
    meeting.save(update_fields=["notes", "updated_by", "updated_at"])
    meeting.decisions.set(decisions)
    return meeting


@transaction.atomic
def agenda_item_add(
    *, meeting: Meeting, title: str, minutes: int, lead: User | None, by: User
) -> AgendaItem:
    last = meeting.agenda.order_by("-order").values_list("order", flat=True).first()
    item = AgendaItem(
        meeting=meeting,
        title=title,
        minutes=minutes,
        lead=lead,
        order=(last or 0) + 1,
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, by: User) -> None:
    item.delete()


# --- Invitations and replies -------------------------------------------------------------------


@transaction.atomic
def invitees_add(*, meeting: Meeting, users: list[User], by: User) -> list[Invitee]:
    """Invite current members of the meeting's project or group; each is emailed an invitation
    with a calendar file once the transaction has committed."""
    kinds = hosts.people_of(meeting.host)
    if any(user.pk not in kinds for user in users):
        noun = hosts.host_noun(meeting.host)
        raise ValidationError({"people": f"Choose people who are members of this {noun}"})
    already = set(meeting.invitees.values_list("user_id", flat=True))
    new = [
        Invitee(meeting=meeting, user=user, kind=kinds[user.pk], created_by=by, updated_by=by)
        for user in users
        if user.pk not in already
    ]
    if not new:
        raise ValidationError({"people": "Everyone you chose has already been invited"})
    Invitee.objects.bulk_create(new)
    created = list(Invitee.objects.filter(meeting=meeting, user__in=[i.user for i in new]))
    arrangements_sync(meeting=meeting)
    ids = [invitee.pk for invitee in created]
    transaction.on_commit(lambda: _send_invitations(ids))
    telling.tell_invited(meeting, [invitee.user for invitee in created])
    return created


def _send_invitations(ids: list[int]) -> None:
    from copro.meetings.emails import send_invitation

    for pk in ids:
        send_invitation(invitee_id=pk)


def _place_for(meeting: Meeting, invitee: Invitee) -> bool:
    """Whether a "yes" from this person fits: a free place, and one not kept for experts by
    experience unless they are one."""
    if not meeting.capacity:
        return True
    coming = meeting.invitees.filter(reply=Invitee.Reply.YES).exclude(pk=invitee.pk)
    taken = coming.count()
    if taken >= meeting.capacity:
        return False
    if invitee.is_expert_by_experience or not meeting.reserved_places:
        return True
    others = coming.exclude(kind=EXPERIENCE).count()
    return others < meeting.capacity - meeting.reserved_places


def _fill_free_places(meeting: Meeting, by: User) -> list[Invitee]:
    """Give free places to the waiting list, first come first served (a place kept for experts
    by experience goes to the first expert by experience waiting)."""
    promoted = []
    queue = meeting.invitees.filter(reply=Invitee.Reply.WAITING_LIST).order_by("replied_at", "pk")
    for waiting in queue.select_for_update():
        if _place_for(meeting, waiting):
            waiting.reply = Invitee.Reply.YES
            waiting.updated_by = by
            waiting.save(update_fields=["reply", "updated_by", "updated_at"])
            promoted.append(waiting)
    ids = [invitee.pk for invitee in promoted]
    if ids:
        transaction.on_commit(lambda: _send_place_free(ids))
    return promoted


def _send_place_free(ids: list[int]) -> None:
    from copro.meetings.emails import send_place_free

    for pk in ids:
        send_place_free(invitee_id=pk)


@transaction.atomic
def invitation_reply(*, invitee: Invitee, reply: str, by: User) -> Invitee:
    """Yes, no or maybe. A "yes" takes a place; when the meeting has a limit and there is no
    place for this person, they go on the waiting list instead (the returned invitee says
    so). When someone gives up a place, the first on the waiting list who fits gets it.
    The meeting row is locked (SQLite takes the write lock when the transaction starts), so
    two people cannot take the last place together (CONC-1)."""
    if reply not in (Invitee.Reply.YES, Invitee.Reply.NO, Invitee.Reply.MAYBE):
        raise ValidationError({"reply": "Choose yes, no or maybe"})
    meeting = Meeting.objects.select_for_update().get(pk=invitee.meeting_id)
    if meeting.is_past:
        raise ValidationError("This meeting has already happened, so replies are closed")
    invitee = Invitee.objects.select_for_update().get(pk=invitee.pk)
    if reply == invitee.reply or (reply == Invitee.Reply.YES and invitee.on_waiting_list):
        return invitee
    gave_up_a_place = invitee.reply == Invitee.Reply.YES
    if reply == Invitee.Reply.YES and not _place_for(meeting, invitee):
        reply = Invitee.Reply.WAITING_LIST
    invitee.reply = reply
    invitee.replied_at = timezone.now()
    invitee.updated_by = by
    invitee.save(update_fields=["reply", "replied_at", "updated_by", "updated_at"])
    if gave_up_a_place:
        _fill_free_places(meeting, by)
    return invitee


@transaction.atomic
def event_sign_up(*, meeting: Meeting, user: User, by: User) -> Invitee:
    """Anyone signed in takes a place at an open event, or a place on its waiting list when it
    is full (the same rules as a "yes"). Signing up twice changes nothing: one invitation per
    person, kept by a unique constraint even when two requests race (CONC-1)."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not locked.open_to_all:
        raise ValidationError("Only open events take sign-ups")
    if locked.is_past:
        raise ValidationError("This event has already happened, so sign-ups are closed")
    invitee = Invitee.objects.filter(meeting=locked, user=user).first()
    if invitee is None:
        kind = hosts.people_of(locked.host).get(user.pk) or hosts.kinds_of([user])[user.pk]
        invitee = Invitee(meeting=locked, user=user, kind=kind, created_by=by, updated_by=by)
        try:
            with transaction.atomic():
                invitee.save()
        except IntegrityError:  # the same person's other request got there first
            invitee = Invitee.objects.get(meeting=locked, user=user)
        arrangements_sync(meeting=locked)
    return invitation_reply(invitee=invitee, reply=Invitee.Reply.YES, by=by)


# --- Access arrangements -----------------------------------------------------------------------

FORMAT_LABELS = {
    FormatNeed.Format.LARGE_PRINT: "Papers in large print",
    FormatNeed.Format.EASY_READ: "Papers in easy read",
    FormatNeed.Format.AUDIO: "Papers as audio",
    FormatNeed.Format.BSL_VIDEO: "Papers as British Sign Language video",
    FormatNeed.Format.BRAILLE: "Papers in braille",
}
NEED_LABELS = dict(AccessNeed.Need.choices)


def wanted_arrangements(
    invitees: list[Invitee], needs, formats, meeting_needs
) -> dict[tuple[int, str], str]:
    """(invitee id, key) -> label for every line the checklist should have."""
    by_user = {invitee.user_id: invitee.pk for invitee in invitees}
    wanted: dict[tuple[int, str], str] = {}
    for user_id, need in needs:
        wanted[(by_user[user_id], f"need:{need}")] = NEED_LABELS[need]
    for user_id, fmt in formats:
        if fmt in FORMAT_LABELS:
            wanted[(by_user[user_id], f"format:{fmt}")] = FORMAT_LABELS[fmt]
    for extra in meeting_needs:
        if extra.need == MeetingAccessNeed.OTHER:
            wanted[(extra.invitee_id, f"other:{extra.pk}")] = extra.detail
        else:
            label = NEED_LABELS[extra.need] + (f": {extra.detail}" if extra.detail else "")
            wanted[(extra.invitee_id, f"need:{extra.need}")] = label
    return wanted


def needs_of(invitees: list[Invitee]):
    users = [invitee.user_id for invitee in invitees]
    needs = list(AccessNeed.objects.filter(user_id__in=users).values_list("user_id", "need"))
    formats = list(FormatNeed.objects.filter(user_id__in=users).values_list("user_id", "format"))
    extras = list(MeetingAccessNeed.objects.filter(invitee__in=invitees))
    return needs, formats, extras


@transaction.atomic
def arrangements_sync(*, meeting: Meeting) -> int:
    """Add a checklist line for each invitee's need and format not yet on it. Lines are never
    removed here: what was requested stays part of the record."""
    invitees = list(meeting.invitees.all())
    wanted = wanted_arrangements(invitees, *needs_of(invitees))
    have = set(meeting.arrangements.values_list("invitee_id", "key"))
    new = [
        Arrangement(meeting=meeting, invitee_id=invitee_id, key=key, label=label[:300])
        for (invitee_id, key), label in wanted.items()
        if (invitee_id, key) not in have
    ]
    Arrangement.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def meeting_need_add(*, invitee: Invitee, need: str, detail: str, by: User) -> MeetingAccessNeed:
    detail = " ".join(detail.split())
    if need not in dict(MeetingAccessNeed.CHOICES):
        raise ValidationError({"need": "Choose what you need"})
    if need == MeetingAccessNeed.OTHER and not detail:
        raise ValidationError({"detail": "Tell us what you need"})
    if need != MeetingAccessNeed.OTHER and (
        invitee.arrangements.filter(key=f"need:{need}").exists()
    ):
        raise ValidationError({"need": "The organiser already has this need on their list"})
    extra = MeetingAccessNeed(invitee=invitee, need=need, detail=detail)
    extra.full_clean()
    extra.save()
    arrangements_sync(meeting=invitee.meeting)
    return extra


@transaction.atomic
def arrangement_update(
    *, arrangement: Arrangement, status: str, note: str, by: User
) -> Arrangement:
    if status not in Arrangement.Status.values:
        raise ValidationError({"status": "Choose how far it has been arranged"})
    arrangement.status = status
    arrangement.note = " ".join(note.split())
    if status in Arrangement.PROVIDED:
        arrangement.provided_at = arrangement.provided_at or timezone.now()
    else:
        arrangement.provided_at = None
    arrangement.updated_by = by
    arrangement.full_clean()
    arrangement.save()
    return arrangement


# --- Papers ------------------------------------------------------------------------------------


def paper_add(*, meeting: Meeting, title: str, checked: CheckedPaper, by: User) -> Paper:
    """Keep a checked paper under a generated name, with its plain English check. If the row
    cannot be written the file is removed again, so no file is left without a row (and no row
    points at a missing file)."""
    level, reason, findings = plain_english(checked.text)
    storage = storages["default"]
    stored = store_file(storage, f"{PAPERS_FOLDER}/{uuid.uuid4().hex}", checked.data, field="file")
    try:
        with transaction.atomic():
            paper = Paper(
                meeting=meeting,
                title=" ".join(title.split()),
                original_name=checked.name,
                stored_name=stored,
                kind=checked.kind,
                size=len(checked.data),
                sha256=checked.sha256,
                plain_english_level=level,
                plain_english_reason=reason,
                plain_english_findings=findings,
                created_by=by,
                updated_by=by,
            )
            paper.full_clean()
            paper.save()
    except BaseException:
        storage.delete(stored)
        raise
    _large_print_if_needed(meeting, [paper], by)
    return paper


def _large_print_if_needed(meeting: Meeting, papers: list[Paper], by: User) -> None:
    """Make the large-print copies now when someone invited needs them (issue 19). A failure
    must not lose the paper: the checklist shows the copy as missing and offers to try again."""
    from copro.meetings import services_formats

    if not papers or not services_formats.large_print_needed(meeting):
        return
    for paper in papers:
        try:
            services_formats.paper_large_print_make(paper=paper, by=by)
        except Exception:  # noqa: BLE001  (logged; the organiser sees it missing)
            log.exception("large print not made", extra={"event": "large_print"})


@transaction.atomic
def papers_send(*, meeting: Meeting, by: User) -> list[Paper]:
    """Mark the papers not yet sent as sent now, and email everyone invited who has not said
    no, with a link to each. The date sent is what the evidence counts."""
    papers = list(meeting.papers.filter(sent_at__isnull=True).select_for_update())
    if not papers:
        raise ValidationError("There are no new papers to send")
    _large_print_if_needed(meeting, papers, by)
    now = timezone.now()
    Paper.objects.filter(pk__in=[p.pk for p in papers]).update(sent_at=now, updated_by=by)
    for paper in papers:
        paper.sent_at = now
    invitees = list(meeting.invitees.exclude(reply=Invitee.Reply.NO).values_list("pk", flat=True))
    paper_ids = [p.pk for p in papers]
    transaction.on_commit(lambda: _send_papers(invitees, paper_ids))
    telling.tell_papers(meeting, paper_ids)
    return papers


def _send_papers(invitee_ids: list[int], paper_ids: list[int]) -> None:
    from copro.meetings.emails import send_papers

    for pk in invitee_ids:
        send_papers(invitee_id=pk, paper_ids=paper_ids)


# --- Attendance --------------------------------------------------------------------------------


@transaction.atomic
def attendance_record(
    *, meeting: Meeting, entries: list[tuple[Invitee, str, int | None]], by: User
) -> list[Attendance]:
    """Who came, sent apologies or did not come, and for how long. Saving again updates the
    same rows: one record per person per meeting (CONC-3)."""
    if not meeting.is_past:
        raise ValidationError("You can record who came once the meeting has started")
    if any(invitee.meeting_id != meeting.pk for invitee, _s, _m in entries):
        raise ValidationError("Choose people invited to this meeting")
    saved = []
    # Provenance (copro/core/provenance.py) is set when a record is new or its answer changes,
    # so saving the same register again keeps what people have already confirmed.
    before = dict(Attendance.objects.filter(meeting=meeting).values_list("user_id", "status"))
    for invitee, status, minutes in entries:
        if status not in Attendance.Status.values:
            raise ValidationError("Choose whether each person came")
        values = {
            "status": status,
            "minutes": minutes if status == Attendance.Status.ATTENDED else None,
            "kind": invitee.kind,
            "recorded_by": by,
            "recorded_at": timezone.now(),
        }
        if before.get(invitee.user_id) != status:
            method = EntryMethod.SELF if invitee.user_id == by.pk else EntryMethod.ORGANISER
            values.update(provenance_values(entry_method=method, about=meeting.starts_at))
        saved.append(_attendance_save(meeting, invitee.user_id, values))
    _propose_rewards(saved, by)
    return saved


def _propose_rewards(rows: list[Attendance], by: User) -> None:
    """What people get back for coming (copro.reciprocity), in the same transaction, so the
    attendance and its proposals are saved together or not at all. Saving again proposes
    nothing new: one proposal per person per meeting (CONC-3). Imported here because the
    reciprocity app reads meetings' upload checks; this keeps the two apps' modules apart."""
    from copro.reciprocity.services import rewards_propose_for_meeting_attendance

    rewards_propose_for_meeting_attendance(attendances=rows, by=by)


def _attendance_save(meeting: Meeting, user_id: int, values: dict) -> Attendance:
    try:
        with transaction.atomic():
            row, _created = Attendance.objects.update_or_create(
                meeting=meeting, user_id=user_id, defaults=values
            )
    except IntegrityError:  # another request saved this person's first record just now
        row = Attendance.objects.get(meeting=meeting, user_id=user_id)
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
    return row


# --- Private calendar feed ---------------------------------------------------------------------


def feed_token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


@transaction.atomic
def calendar_feed_create(*, user: User) -> str:
    """A new secret address for the person's calendar; any old one stops working. The token is
    returned once, to show; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.filter(user=user).delete()
    CalendarFeed.objects.create(user=user, token_hash=feed_token_hash(token))
    return token


@transaction.atomic
def calendar_feed_revoke(*, user: User) -> None:
    CalendarFeed.objects.filter(user=user).delete()
