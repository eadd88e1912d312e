"""Forms check the shape of what people send; the services decide."""

from django import forms
from django.core.exceptions import ValidationError

from copro.community.models import MAX_MINUTES, MIN_MINUTES, CaseStudy
from copro.meetings.models import Venue
from copro.projects.models import Project

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
TIME = forms.TimeInput(format="%H:%M", attrs={"type": "time"})
IN_PERSON, ONLINE = "in_person", "online"


class ClinicSlotForm(forms.Form):
    topic = forms.CharField(
        label="What can you help with?",
        max_length=200,
        help_text="For example, getting started with co-production, or paying people for "
        "their time.",
        error_messages={"required": "Enter what the clinic can help with"},
    )
    date = forms.DateField(
        label="Date",
        widget=DATE,
        error_messages={
            "required": "Enter a date",
            "invalid": "Enter a real date, for example 27 3 2027",
        },
    )
    start_time = forms.TimeField(
        label="Start time",
        widget=TIME,
        help_text="For example, 14:30",
        error_messages={"required": "Enter a time", "invalid": "Enter a time, for example 14:30"},
    )
    duration_minutes = forms.IntegerField(
        label="How long, in minutes?",
        min_value=MIN_MINUTES,
        max_value=MAX_MINUTES,
        initial=30,
        error_messages={
            "invalid": "Enter a whole number",
            "required": "Enter how long the clinic lasts",
            "min_value": f"A clinic must last at least {MIN_MINUTES} minutes",
            "max_value": f"A clinic can last at most {MAX_MINUTES} minutes",
        },
    )
    format = forms.ChoiceField(
        label="How will you meet?",
        choices=[(IN_PERSON, "In person, at a venue"), (ONLINE, "Online, with a link")],
        widget=forms.RadioSelect,
        initial=IN_PERSON,
        error_messages={"required": "Choose how you will meet"},
    )
    venue = forms.ModelChoiceField(
        label="Venue (for in person)",
        queryset=Venue.objects.filter(is_active=True),
        required=False,
        empty_label="Choose a venue",
        error_messages={"invalid_choice": "Choose a venue from the list"},
    )
    online_link = forms.URLField(
        label="Link to join (for online)",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Only the person who books sees it.",
        error_messages={"invalid": "Enter the full link, starting with https://"},
    )

    def clean_topic(self):
        return " ".join(self.cleaned_data["topic"].split())

    def clean_online_link(self):
        link = self.cleaned_data["online_link"]
        if link and not link.lower().startswith("https://"):
            raise ValidationError("Enter the full link, starting with https://")
        return link

    def clean(self):
        cleaned = super().clean()
        how = cleaned.get("format")
        if how == IN_PERSON and not cleaned.get("venue") and "venue" not in self.errors:
            self.add_error("venue", "Choose a venue for an in-person clinic")
        if how == ONLINE and not cleaned.get("online_link") and "online_link" not in self.errors:
            self.add_error("online_link", "Enter the link for an online clinic")
        return cleaned

    def slot_fields(self) -> dict:
        data = self.cleaned_data
        online = data["format"] == ONLINE
        return {
            "topic": data["topic"],
            "date": data["date"],
            "starts_at": data["start_time"],
            "duration_minutes": data["duration_minutes"],
            "venue": None if online else data["venue"],
            "online_link": data["online_link"] if online else "",
        }


class BookForm(forms.Form):
    question = forms.CharField(
        label="What would you like help with? (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only you and the person giving advice see this.",
        error_messages={"max_length": "Keep it to 2,000 characters or fewer"},
    )


STAGE_HINTS = {
    "idea": "Who first raised it, and who was there from the start?",
    "design": "How did people with lived experience shape the plans?",
    "delivery": "Who ran it, and what changed because of what people said?",
    "evaluation": "How did you look back at it together?",
}


class CaseStudyForm(forms.Form):
    summary = forms.CharField(
        label="What did the project set out to do?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the project set out to do"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for stage in CaseStudy.STAGE_FIELDS:
            self.fields[stage] = forms.CharField(
                label=f"What you did at the {stage} stage",
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=STAGE_HINTS[stage] + " Leave it empty if the project did not reach it.",
                error_messages={"max_length": "Keep it to 3,000 characters or fewer"},
            )
        self.fields["lessons"] = forms.CharField(
            label="What can others learn from it? (optional)",
            required=False,
            max_length=3000,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={"max_length": "Keep it to 3,000 characters or fewer"},
        )
        self.fields["publish"] = forms.ChoiceField(
            label="Who can read it?",
            choices=[
                ("draft", "Keep it as a draft: only you and the people who run the project"),
                ("publish", "Publish it for the Community of Practice and staff"),
            ],
            widget=forms.RadioSelect,
            initial="draft",
            error_messages={"required": "Choose whether to publish it"},
        )

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(s) or "").strip() for s in CaseStudy.STAGE_FIELDS):
            self.add_error("idea", "Say what the project did in at least one stage")
        return cleaned

    def text_fields(self) -> dict[str, str]:
        names = ("summary", "lessons", *CaseStudy.STAGE_FIELDS)
        return {name: self.cleaned_data[name] for name in names}

    @property
    def publish(self) -> bool:
        return self.cleaned_data["publish"] == "publish"

    @staticmethod
    def initial_for(case_study: CaseStudy) -> dict:
        initial = {name: getattr(case_study, name) for name in ("summary", "lessons")}
        initial.update({s: getattr(case_study, s) for s in CaseStudy.STAGE_FIELDS})
        initial["publish"] = "publish" if case_study.is_published else "draft"
        return initial


class ProjectChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Project) -> str:
        return obj.title


class NewCaseStudyForm(CaseStudyForm):
    def __init__(self, *args, projects, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = ProjectChoiceField(
            label="Which project?",
            queryset=projects,
            widget=forms.RadioSelect,
            empty_label=None,
            help_text="Published projects you run that have no case study yet.",
            error_messages={
                "required": "Choose the project",
                "invalid_choice": "Choose one of your published projects",
            },
        )
        self.fields = {"project": field, **self.fields}


class CompareForm(forms.Form):
    """Two or three case studies, by id, from those the viewer may see."""

    ids = forms.MultipleChoiceField(
        label="Choose two or three case studies to compare",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose two or three case studies to compare",
            "invalid_choice": "Choose case studies from the list",
        },
    )

    def __init__(self, *args, case_studies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(str(c.pk), c.project.title) for c in case_studies]

    def clean_ids(self):
        ids = [int(pk) for pk in self.cleaned_data["ids"]]
        if not 2 <= len(set(ids)) <= 3:
            raise ValidationError("Choose two or three case studies to compare")
        return list(dict.fromkeys(ids))
