from django import forms
from django.utils import timezone

from copro.conversations.models import Post, TimeAnswer
from copro.meetings.files import check_upload, max_megabytes, too_big_message
from copro.meetings.models import Meeting
from copro.writing.widgets import PlainEnglishTextarea

BODY_MAX = 10000
DATETIME = forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"})
DATETIME_ERRORS = {
    "required": "Enter a date and time",
    "invalid": "Enter a real date and time, for example 27 3 2027 at 14:00",
}


class AttachmentMixin:
    def _setup_attachment(self, too_big: bool) -> None:
        self.too_big = too_big
        self.fields["attachment"].help_text += f" It must be smaller than {max_megabytes()} MB."

    def clean(self):
        if self.too_big:
            self.errors.pop("attachment", None)
            self.add_error("attachment", too_big_message())
        return super().clean()

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        return check_upload(upload.read(), upload.name or "")


def _attachment_field() -> forms.FileField:
    return forms.FileField(
        label="Attach a paper (optional)",
        required=False,
        help_text="PDF, Word (.docx), OpenDocument (.odt) or plain text (.txt or .md).",
    )


def _body_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=BODY_MAX,
        strip=False,
        widget=PlainEnglishTextarea(attrs={"rows": 6}),
        error_messages={
            "required": "Write something before you send it",
            "max_length": f"Keep it under {BODY_MAX:,} characters (it has %(show_value)d)",
        },
    )


class ThreadForm(AttachmentMixin, forms.Form):
    title = forms.CharField(
        label="What do you want to talk about?",
        max_length=150,
        error_messages={"required": "Give the conversation a title"},
    )
    body = _body_field("Your first post")
    attachment = _attachment_field()

    def __init__(self, *args, too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_attachment(too_big)


class ReplyForm(AttachmentMixin, forms.Form):
    body = _body_field("Your reply")
    quote = forms.IntegerField(required=False, widget=forms.HiddenInput)
    attachment = _attachment_field()

    def __init__(self, *args, too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_attachment(too_big)


class OnBehalfForm(forms.Form):
    """A view someone gave by phone or by post, written in for them (marked so)."""

    person = forms.ModelChoiceField(
        label="Whose view is it?",
        queryset=None,
        empty_label="Choose a member",
        error_messages={"required": "Choose whose view it is"},
    )
    route = forms.ChoiceField(
        label="How did they give it?",
        choices=[(Post.Route.PHONE, "By phone"), (Post.Route.POST, "By post")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how they gave their view"},
    )
    body = _body_field("What they said")

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = members
        self.fields["person"].label_from_instance = lambda user: user.display_name


class EditForm(forms.Form):
    body = _body_field("Your post")


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Why?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason"},
    )

    def __init__(self, *args, label: str = "Why?", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label


class CloseForm(forms.Form):
    summary = forms.CharField(
        label="Summary of what was said",
        max_length=5000,
        widget=PlainEnglishTextarea(attrs={"rows": 6}),
        error_messages={"required": "Write a summary of what was said"},
    )


class PollForm(forms.Form):
    question = forms.CharField(
        label="Your question",
        max_length=200,
        error_messages={"required": "Enter the question"},
    )
    options = forms.CharField(
        label="The answers people can choose from",
        help_text="One answer on each line.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give at least two answers"},
    )
    anonymous = forms.BooleanField(label="Do not show who chose what", required=False)
    closes_at = forms.DateTimeField(
        label="When does the poll close?", widget=DATETIME, error_messages=DATETIME_ERRORS
    )

    def clean_options(self):
        return [line for line in self.cleaned_data["options"].splitlines() if line.strip()]


class TimePollForm(forms.Form):
    question = forms.CharField(
        label="What is the meeting about?",
        max_length=200,
        error_messages={"required": "Say what the meeting is about"},
    )
    times = forms.CharField(
        label="Times to choose from",
        help_text="One on each line, as day month year hour:minute, for example 27 3 2027 14:00.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give at least one time"},
    )
    duration_minutes = forms.IntegerField(
        label="How long will the meeting be, in minutes?",
        min_value=15,
        max_value=480,
        initial=90,
        error_messages={"required": "Say how long the meeting will be"},
    )
    closes_at = forms.DateTimeField(
        label="When does the poll close?", widget=DATETIME, error_messages=DATETIME_ERRORS
    )

    def clean_times(self):
        found = []
        for line in self.cleaned_data["times"].splitlines():
            if not line.strip():
                continue
            try:
                naive = timezone.datetime.strptime(" ".join(line.split()), "%d %m %Y %H:%M")
            except ValueError:
                raise forms.ValidationError(
                    f"\u201c{line.strip()[:40]}\u201d is not a time we understand. "
                    "Write it like 27 3 2027 14:00"
                ) from None
            found.append(timezone.make_aware(naive))
        if not found:
            raise forms.ValidationError("Give at least one time")
        return found


class VoteForm(forms.Form):
    option = forms.TypedChoiceField(
        label="Your answer",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose an answer"},
    )

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].label = poll.question
        self.fields["option"].choices = [(o.pk, o.text) for o in poll.options.all()]


class TimeAnswerForm(forms.Form):
    """One set of radios per proposed time."""

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        for option in options:
            local = timezone.localtime(option.starts_at)
            self.fields[f"time_{option.pk}"] = forms.ChoiceField(
                label=local.strftime("%A %-d %B %Y at %H:%M"),
                choices=TimeAnswer.Answer.choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Say whether this time suits you"},
            )

    def answers(self) -> dict[int, str]:
        return {int(k.split("_")[1]): v for k, v in self.cleaned_data.items()}


class ScheduleForm(forms.Form):
    option = forms.TypedChoiceField(
        label="Which time?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a time"},
    )
    title = forms.CharField(
        label="Name of the meeting",
        max_length=150,
        error_messages={"required": "Give the meeting a name"},
    )
    purpose = forms.ChoiceField(
        label="What is the meeting for?",
        choices=Meeting.Purpose.choices,
        widget=forms.RadioSelect,
        initial=Meeting.Purpose.DESIGN,
        error_messages={"required": "Choose what the meeting is for"},
    )
    online_link = forms.URLField(
        assume_scheme="https",
        label="Link to join online",
        max_length=500,
        error_messages={
            "required": "Give the link people will use to join",
            "invalid": "Enter a link starting with https://",
        },
    )

    def __init__(self, *args, results, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = [
            (r.option_id, timezone.localtime(r.starts_at).strftime("%A %-d %B %Y, %H:%M"))
            for r in results
        ]
