"""Forms check the shape of what people send; the services decide. Choice fields take their
choices from querysets the view scopes to the viewer, so an id from elsewhere is refused with a
plain message (AZ-3)."""

from django import forms

from copro.readiness.models import AuditStatement, Readiness

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
DATE_ERRORS = {"required": "Enter a date", "invalid": "Enter a real date, for example 27 3 2027"}
NOT_SURE = "not_sure"
SCORE_CHOICES = [
    ("1", "1 - No action yet"),
    ("2", "2 - Early steps taken"),
    ("3", "3 - Partly in place"),
    ("4", "4 - Mostly in place"),
    ("5", "5 - Fully embedded"),
    (NOT_SURE, "I'm not sure"),
]


class ReadinessForm(forms.Form):
    status = forms.ChoiceField(
        label="Where are we with this step?",
        choices=Readiness.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where we are with this step"},
    )
    owner = forms.ModelChoiceField(
        label="Who looks after this step? (optional)",
        queryset=None,
        required=False,
        empty_label="Nobody yet",
        error_messages={"invalid_choice": "Choose a person from the list"},
    )
    evidence = forms.CharField(
        label="Evidence (optional)",
        help_text="What shows where we are: papers, decisions, dates. Keep it short.",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    review_on = forms.DateField(
        label="When should we look at this again? (optional)",
        widget=DATE,
        required=False,
        error_messages=DATE_ERRORS,
    )

    def __init__(self, *args, owners, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda user: user.display_name


class RoundForm(forms.Form):
    title = forms.CharField(
        label="Name of the round",
        help_text="For example, Spring 2027 audit.",
        max_length=150,
        error_messages={"required": "Give the round a name"},
    )
    project = forms.ModelChoiceField(
        label="What are you auditing?",
        queryset=None,
        required=False,
        empty_label="The whole organisation",
        error_messages={"invalid_choice": "Choose a project from the list"},
    )
    held_on = forms.DateField(label="Date of the round", widget=DATE, error_messages=DATE_ERRORS)

    def __init__(self, *args, projects, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects


class PersonForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Who is taking part?",
        help_text="We work out from their project membership or profile whether they take "
        "part as an expert by experience or by qualification.",
        queryset=None,
        empty_label="Choose a person",
        error_messages={
            "required": "Choose a person",
            "invalid_choice": "Choose a person from the list",
        },
    )

    def __init__(self, *args, people, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda user: user.display_name


class ActionForm(forms.Form):
    text = forms.CharField(
        label="What did the group agree to do?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the group agreed to do"},
    )
    owner = forms.ModelChoiceField(
        label="Who will do it? (optional)",
        queryset=None,
        required=False,
        empty_label="Not decided yet",
        error_messages={"invalid_choice": "Choose a person from the list"},
    )
    due_on = forms.DateField(label="By when?", widget=DATE, error_messages=DATE_ERRORS)

    def __init__(self, *args, people, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people
        self.fields["owner"].label_from_instance = lambda user: user.display_name


class ScoreForm(forms.Form):
    """One set of radios per statement, from 1 (no action yet) to 5 (fully embedded)."""

    def __init__(self, *args, statements: list[AuditStatement], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.statements = statements
        for statement in statements:
            self.fields[f"statement_{statement.pk}"] = forms.ChoiceField(
                label=statement.text,
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose a score for: {statement.text}",
                    "invalid_choice": "Choose a score from 1 to 5, or I'm not sure",
                },
            )

    def groups(self) -> list[tuple[object, list]]:
        """The fields under the principle they belong to, in order."""
        result: dict[int, tuple[object, list]] = {}
        for statement in self.statements:
            entry = result.setdefault(statement.principle_id, (statement.principle, []))
            entry[1].append(self[f"statement_{statement.pk}"])
        return list(result.values())

    def scores(self) -> dict[int, int | None]:
        result = {}
        for statement in self.statements:
            value = self.cleaned_data[f"statement_{statement.pk}"]
            result[statement.pk] = None if value == NOT_SURE else int(value)
        return result
