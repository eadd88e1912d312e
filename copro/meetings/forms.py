"""Forms validate shape; services decide. Every choice of a related row is limited to what
belongs to this meeting or project, so another project's id is refused beside the field (AZ-3)."""

from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from copro.framework.models import NetworkGroup
from copro.meetings import hosts
from copro.meetings.files import check_upload, max_megabytes, too_big_message
from copro.meetings.models import (
    Arrangement,
    Attendance,
    Invitee,
    Meeting,
    MeetingAccessNeed,
    PaperVersion,
    Venue,
)
from copro.meetings.models.meeting import MAX_MINUTES, MIN_MINUTES
from copro.meetings.scheduling import MAX_RANGE_DAYS
from copro.people.models import User
from copro.projects.models import Decision, Project
from copro.writing.widgets import PlainEnglishTextarea

# Browsers need ISO values in date and time inputs, whatever the locale.
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
TIME = forms.TimeInput(format="%H:%M", attrs={"type": "time"})
DATE_ERRORS = {"required": "Enter a date", "invalid": "Enter a real date, for example 27 3 2027"}
TIME_ERRORS = {"required": "Enter a time", "invalid": "Enter a time, for example 14:30"}
WHOLE = {"invalid": "Enter a whole number"}


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.display_name


class MeetingForm(forms.Form):
    title = forms.CharField(
        label="Name of the meeting",
        max_length=150,
        error_messages={"required": "Enter the name of the meeting"},
    )
    purpose = forms.ChoiceField(
        label="What is the meeting for?",
        choices=Meeting.Purpose.choices,
        widget=forms.RadioSelect,
        help_text="Be honest: it shows how much power the project really shares.",
        error_messages={"required": "Choose what the meeting is for"},
    )
    date = forms.DateField(label="Date", widget=DATE, error_messages=DATE_ERRORS)
    start_time = forms.TimeField(
        label="Start time",
        widget=TIME,
        help_text="For example, 14:30",
        error_messages=TIME_ERRORS,
    )
    duration_minutes = forms.IntegerField(
        label="How long will it last, in minutes?",
        min_value=MIN_MINUTES,
        max_value=MAX_MINUTES,
        help_text="Leave time for breaks and for everyone to have their say.",
        error_messages={
            **WHOLE,
            "required": "Enter how long the meeting will last",
            "min_value": f"A meeting must last at least {MIN_MINUTES} minutes",
            "max_value": f"A meeting can last at most {MAX_MINUTES} minutes",
        },
    )
    format = forms.ChoiceField(
        label="How will people take part?",
        choices=Meeting.Format.choices,
        widget=forms.RadioSelect,
        initial=Meeting.Format.IN_PERSON,
        error_messages={"required": "Choose how people will take part"},
    )
    venue = forms.ModelChoiceField(
        label="Where? (for people in the room)",
        queryset=Venue.objects.filter(is_active=True),
        required=False,
        empty_label="Choose a place",
        error_messages={"invalid_choice": "Choose a place from the list"},
    )
    online_link = forms.URLField(
        label="Link to join online (for people online)",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": "Enter the full link, starting with https://"},
    )
    capacity = forms.IntegerField(
        label="Most people who can come (optional)",
        required=False,
        min_value=1,
        max_value=5000,
        help_text="Leave it empty if there is no limit.",
        error_messages={**WHOLE, "min_value": "Enter 1 or more, or leave it empty"},
    )
    open_to_all = forms.BooleanField(
        label="This is an open event: anyone signed in can see it and sign up",
        required=False,
        help_text="Sign-ups take places up to the limit below, then go on the waiting list.",
    )
    reserved_places = forms.IntegerField(
        label="Places kept for experts by experience (optional)",
        required=False,
        min_value=0,
        max_value=5000,
        help_text="Someone else who says yes when only these places are left goes on the "
        "waiting list. When the meeting is full, people who say yes go on the waiting list and "
        "get the next place that comes free.",
        error_messages={**WHOLE, "min_value": "Enter 0 or more, or leave it empty"},
    )

    def clean_reserved_places(self):
        return self.cleaned_data["reserved_places"] or 0

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_online_link(self):
        link = self.cleaned_data["online_link"]
        if link and not link.lower().startswith("https://"):
            raise ValidationError("Enter the full link, starting with https://")
        return link

    def meeting_fields(self) -> dict:
        data = dict(self.cleaned_data)
        moment = datetime.combine(data.pop("date"), data.pop("start_time"))
        data["starts_at"] = timezone.make_aware(moment)
        return data

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        local = timezone.localtime(meeting.starts_at)
        return {
            "title": meeting.title,
            "purpose": meeting.purpose,
            "date": local.date(),
            "start_time": local.time(),
            "duration_minutes": meeting.duration_minutes,
            "format": meeting.format,
            "venue": meeting.venue_id,
            "online_link": meeting.online_link,
            "capacity": meeting.capacity,
            "reserved_places": meeting.reserved_places or None,
            "open_to_all": meeting.open_to_all,
        }


class AgendaItemForm(forms.Form):
    title = forms.CharField(
        label="Agenda item", max_length=200, error_messages={"required": "Enter the agenda item"}
    )
    minutes = forms.IntegerField(
        label="Minutes for it",
        min_value=1,
        max_value=MAX_MINUTES,
        error_messages={
            **WHOLE,
            "required": "Enter how many minutes it needs",
            "min_value": "Give it at least 1 minute",
            "max_value": f"An item can take at most {MAX_MINUTES} minutes",
        },
    )
    lead = MemberChoiceField(
        label="Who leads it? (optional)",
        queryset=User.objects.none(),
        required=False,
        empty_label="Nobody chosen",
        error_messages={"invalid_choice": "Choose a member from the list"},
    )

    def __init__(self, *args, host: Project | NetworkGroup, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = hosts.users_of(host).order_by("display_name")
        self.fields["lead"].error_messages["invalid_choice"] = (
            f"Choose a member of this {hosts.host_noun(host)}"
        )


class InviteForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        label="Who do you want to invite?",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Members who have not been invited yet. Each gets an email with a calendar file.",
        error_messages={
            "required": "Choose at least one person to invite",
            "invalid_choice": "Choose people from the list",
            "invalid_pk_value": "Choose people from the list",
        },
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        invited = set(Invitee.objects.filter(meeting=meeting).values_list("user_id", flat=True))
        kinds = {
            pk: hosts.KIND_LABELS[kind]
            for pk, kind in hosts.people_of(meeting.host).items()
            if pk not in invited
        }
        self.fields["people"].queryset = User.objects.filter(pk__in=kinds).order_by("display_name")
        noun = hosts.host_noun(meeting.host)
        for key in ("invalid_choice", "invalid_pk_value"):
            self.fields["people"].error_messages[key] = f"Choose members of this {noun}"
        self.fields["people"].label_from_instance = lambda u: (
            f"{u.display_name} ({kinds.get(u.pk, '').lower()})"
        )


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(
        label="Can you come?",
        choices=[
            (Invitee.Reply.YES, Invitee.Reply.YES.label),
            (Invitee.Reply.MAYBE, Invitee.Reply.MAYBE.label),
            (Invitee.Reply.NO, Invitee.Reply.NO.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes, maybe or no"},
    )


class MeetingNeedForm(forms.Form):
    need = forms.ChoiceField(
        label="What do you need for this meeting?",
        choices=MeetingAccessNeed.CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you need"},
    )
    detail = forms.CharField(
        label="Tell us more (optional)",
        required=False,
        max_length=300,
        help_text="For example, the food you cannot eat, or the name of your carer.",
    )


class ArrangementForm(forms.Form):
    status = forms.ChoiceField(
        label="How far has it been arranged?", choices=Arrangement.Status.choices
    )
    note = forms.CharField(label="Note (optional)", required=False, max_length=300)


class PaperForm(forms.Form):
    title = forms.CharField(
        label="Title of the paper",
        max_length=150,
        error_messages={"required": "Enter the title of the paper"},
    )
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word (.docx), OpenDocument (.odt) or plain text (.txt or .md).",
        error_messages={
            "required": "Choose the file to upload",
            "empty": "The file is empty. Choose the file with the paper in it.",
        },
    )

    def __init__(self, *args, too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_big = too_big
        self.fields["file"].help_text += f" It must be smaller than {max_megabytes()} MB."

    def clean(self):
        if self.too_big:
            self.errors.pop("file", None)
            self.add_error("file", too_big_message())
        return super().clean()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        return check_upload(upload.read(), upload.name or "")


class PaperVersionForm(forms.Form):
    """A paper in another format: a file, or a link for audio and video held elsewhere."""

    format = forms.ChoiceField(
        label="Which format is this version in?",
        choices=PaperVersion.Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the format of this version"},
    )
    language = forms.CharField(
        label="Which language? (only for another language)",
        max_length=60,
        required=False,
    )
    file = forms.FileField(
        label="Upload a file (optional if you give a link)",
        required=False,
        help_text="PDF, Word (.docx), OpenDocument (.odt) or plain text (.txt or .md).",
        error_messages={"empty": "The file is empty. Choose the file with the paper in it."},
    )
    link = forms.URLField(
        label="Or a link to it (for audio or a British Sign Language video)",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": "Enter a full web address, starting with https://"},
    )

    def __init__(self, *args, too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_big = too_big
        self.fields["file"].help_text += f" It must be smaller than {max_megabytes()} MB."

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return check_upload(upload.read(), upload.name or "") if upload else None

    def clean_link(self):
        link = self.cleaned_data.get("link", "")
        if link and not link.startswith("https://"):
            raise ValidationError("Enter a web address starting with https://")
        return link

    def clean(self):
        if self.too_big:
            self.errors.pop("file", None)
            self.add_error("file", too_big_message())
        return super().clean()


class AttendanceForm(forms.Form):
    """One set of radios and a minutes box per invitee."""

    def __init__(self, *args, meeting: Meeting, invitees: list[Invitee], existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitees = invitees
        done = {row.user_id: row for row in existing}
        for invitee in invitees:
            row = done.get(invitee.user_id)
            name = invitee.user.display_name
            self.fields[f"status_{invitee.pk}"] = forms.ChoiceField(
                label=f"Did {name} come?",
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=row.status if row else None,
            )
            self.fields[f"minutes_{invitee.pk}"] = forms.IntegerField(
                label=f"How many minutes was {name} there? (optional)",
                required=False,
                min_value=1,
                max_value=MAX_MINUTES,
                initial=row.minutes if row and row.minutes else meeting.duration_minutes,
                error_messages={**WHOLE, "min_value": "Enter 1 or more, or leave it empty"},
            )

    def entries(self) -> list[tuple[Invitee, str, int | None]]:
        result = []
        for invitee in self.invitees:
            status = self.cleaned_data.get(f"status_{invitee.pk}")
            if status:
                result.append((invitee, status, self.cleaned_data.get(f"minutes_{invitee.pk}")))
        return result

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.entries():
            raise ValidationError("Say whether at least one person came")
        return cleaned


class NotesForm(forms.Form):
    notes = forms.CharField(
        label="Notes of the meeting",
        required=False,
        max_length=10000,
        widget=PlainEnglishTextarea(),
        help_text="What was said and agreed, in plain words, for everyone who took part.",
    )
    decisions = forms.ModelMultipleChoiceField(
        label="Decisions taken at this meeting (optional)",
        queryset=Decision.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose decisions of this project"},
    )

    def __init__(self, *args, project: Project | None, **kwargs):
        super().__init__(*args, **kwargs)
        if project is None:  # a group's meeting: decisions belong to projects
            del self.fields["decisions"]
        else:
            self.fields["decisions"].queryset = Decision.objects.filter(project=project)


class VenueForm(forms.Form):
    name = forms.CharField(
        label="Name of the place", max_length=150, error_messages={"required": "Enter the name"}
    )
    address = forms.CharField(
        label="Address",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the address"},
    )
    how_to_get_there = forms.CharField(
        label="How to get there (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Buses, parking, which door to use, and anything else that helps.",
    )
    features = forms.MultipleChoiceField(
        label="What does the place have?",
        choices=Venue.Feature.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    is_active = forms.BooleanField(label="Meetings can be held here", required=False, initial=True)


SUGGEST_YEARS_AHEAD = 5


class SuggestForm(forms.Form):
    start = forms.DateField(label="From", widget=DATE, error_messages=DATE_ERRORS)
    end = forms.DateField(label="To", widget=DATE, error_messages=DATE_ERRORS)
    duration = forms.IntegerField(
        label="How long, in minutes?",
        min_value=MIN_MINUTES,
        max_value=MAX_MINUTES,
        initial=90,
        error_messages={
            **WHOLE,
            "required": "Enter how long the meeting will last",
            "min_value": f"A meeting must last at least {MIN_MINUTES} minutes",
            "max_value": f"A meeting can last at most {MAX_MINUTES} minutes",
        },
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", "The end date must be on or after the start date")
            elif end - start > timedelta(days=MAX_RANGE_DAYS):
                self.add_error("end", f"Choose dates up to {MAX_RANGE_DAYS} days apart")
        # far-off dates cannot be planned for (and 31 12 9999 has no day after it)
        latest = timezone.localdate() + timedelta(days=SUGGEST_YEARS_AHEAD * 366)
        for name in ("start", "end"):
            if cleaned.get(name) and cleaned[name] > latest and name not in self.errors:
                self.add_error(name, f"Choose a date in the next {SUGGEST_YEARS_AHEAD} years")
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone invited is told, with this reason, by the way they asked to be "
        "contacted. Their calendars are updated too.",
        error_messages={"required": "Tell people why the meeting is cancelled"},
    )
