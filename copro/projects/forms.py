from django import forms
from django.core.exceptions import ValidationError

from copro.people.models import User
from copro.projects.models import (
    Contribution,
    Decision,
    Membership,
    Position,
    Project,
    Stage,
)
from copro.writing.widgets import PlainEnglishTextarea

# Browsers need ISO dates in a type="date" input, whatever the locale.
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
DATE_ERRORS = {"required": "Enter a date", "invalid": "Enter a real date, for example 27 3 2027"}


class ProjectForm(forms.Form):
    title = forms.CharField(
        label="Name of the project",
        max_length=150,
        error_messages={"required": "Enter the name of the project"},
    )
    summary = forms.CharField(
        label="What is the project about?",
        max_length=5000,
        widget=PlainEnglishTextarea(),
        help_text="Say what it is for and who it is for, in plain words.",
        error_messages={"required": "Say what the project is about"},
    )
    service_area = forms.CharField(
        label="Service area (optional)",
        max_length=100,
        required=False,
        help_text="For example, adult social care, housing or transport.",
    )
    visibility = forms.ChoiceField(
        label="Who can see the project?",
        choices=Project.Visibility.choices,
        widget=forms.RadioSelect,
        initial=Project.Visibility.MEMBERS,
        error_messages={"required": "Choose who can see the project"},
    )

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        label="Which stage is the project in now?",
        choices=Stage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a stage"},
    )
    changed_on = forms.DateField(label="Since when?", widget=DATE, error_messages=DATE_ERRORS)


class MemberForm(forms.Form):
    email = forms.EmailField(
        label="Their email address",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    kind = forms.ChoiceField(
        label="How do they take part?",
        choices=Membership.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how they take part"},
    )
    role = forms.ChoiceField(
        label="Their part in the project",
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        initial=Membership.Role.MEMBER,
    )
    joined_on = forms.DateField(
        label="When did they join?", widget=DATE, error_messages=DATE_ERRORS
    )

    def __init__(self, *args, offline_people=None, **kwargs):
        """`offline_people`: for staff, the people without email whose records staff keep
        (issue 16), so they can be added too."""
        super().__init__(*args, **kwargs)
        if offline_people is not None:
            self.fields["without_email"] = forms.ModelChoiceField(
                label="Or someone without email",
                queryset=offline_people,
                required=False,
                empty_label="Nobody",
                help_text="People who take part by phone or post, whose record staff keep.",
            )
            self.order_fields(["email", "without_email"])

    def clean_email(self):
        if not self.cleaned_data["email"]:
            return None
        user = User.objects.filter(
            email__iexact=self.cleaned_data["email"].strip(), is_active=True
        ).first()
        if user is None:
            raise ValidationError(
                "There is no account with that email address. Invite them to join first."
            )
        return user

    def clean(self):
        data = super().clean()
        if "email" in data and data["email"] is None:
            data["email"] = data.get("without_email")
            if data["email"] is None:
                self.add_error("email", "Enter their email address")
        return data


class DecisionForm(forms.Form):
    title = forms.CharField(
        label="What needs deciding?",
        max_length=150,
        error_messages={"required": "Say what needs deciding"},
    )
    proposal = forms.CharField(
        label="The proposal",
        max_length=5000,
        widget=PlainEnglishTextarea(),
        help_text="Explain it so that everyone can understand it and take part.",
        error_messages={"required": "Explain the proposal"},
    )
    method = forms.ChoiceField(
        label="How will it be decided?",
        choices=Decision.Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how it will be decided"},
    )
    kind = forms.ChoiceField(
        label="What is it about?",
        choices=Decision.Kind.choices,
        widget=forms.RadioSelect,
        required=False,
        initial=Decision.Kind.OTHER,
        help_text="The evidence gives decisions about the plan and money more weight than "
        "arrangements such as meeting dates.",
    )
    options = forms.CharField(
        label="Options to choose from (for a vote or ranked choice)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One option on each line.",
    )
    review_on = forms.DateField(
        label="When should the decision be looked at again? (optional)",
        required=False,
        widget=DATE,
        error_messages=DATE_ERRORS,
    )

    def clean_kind(self):
        return self.cleaned_data.get("kind") or Decision.Kind.OTHER

    def clean_options(self):
        return [line for line in self.cleaned_data["options"].splitlines() if line.strip()]


class PositionForm(forms.Form):
    stance = forms.ChoiceField(
        label="Your position",
        choices=Position.Stance.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    option = forms.TypedChoiceField(
        label="Your choice", coerce=int, required=False, widget=forms.RadioSelect, empty_value=None
    )
    ranking = forms.CharField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Why? (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, decision: Decision, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision = decision
        options = list(decision.options.all())
        if decision.method == Decision.Method.MAJORITY:
            self.fields["option"].choices = [(o.pk, o.text) for o in options]
            del self.fields["stance"]
        else:
            del self.fields["option"]
            allowed = {
                Decision.Method.CONSENSUS: ["agree", "disagree", "abstain", "block"],
                Decision.Method.CONSENT: ["agree", "abstain", "object"],
                Decision.Method.RANKED: [],
            }[decision.method]
            if allowed:
                self.fields["stance"].choices = [
                    c for c in Position.Stance.choices if c[0] in allowed
                ]
                self.fields["stance"].required = True
                self.fields["stance"].error_messages["required"] = "Choose your position"
            else:
                del self.fields["stance"]
        if decision.method == Decision.Method.RANKED:
            for n, option in enumerate(options, start=1):
                self.fields[f"rank_{option.pk}"] = forms.TypedChoiceField(
                    label=f"Your preference for: {option.text}",
                    coerce=int,
                    choices=[(i, str(i)) for i in range(1, len(options) + 1)],
                    initial=n,
                )

    def ranking_ids(self) -> list[int]:
        ranks = {
            int(name.removeprefix("rank_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("rank_")
        }
        if len(set(ranks.values())) != len(ranks):
            raise ValidationError("Give each option a different number")
        return [pk for pk, _ in sorted(ranks.items(), key=lambda item: item[1])]


class OnBehalfForm(forms.Form):
    member = forms.ModelChoiceField(
        label="Whose view is this?",
        queryset=Membership.objects.none(),
        error_messages={
            "required": "Choose the member",
            "invalid_choice": "Choose a member of this project",
        },
    )
    how = forms.ChoiceField(
        label="How did they give it?",
        choices=[
            ("on paper", "On paper"),
            ("by phone", "By phone"),
            ("face to face", "Face to face"),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this project's current members: another project's id is refused (AZ-3).
        self.fields["member"].queryset = Membership.objects.filter(
            project=project, left_on__isnull=True
        ).select_related("user")
        self.fields["member"].label_from_instance = lambda m: m.user.display_name


class CloseDecisionForm(forms.Form):
    outcome = forms.CharField(
        label="What was decided?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what was decided"},
    )
    decided_on = forms.DateField(
        label="Date of the decision", widget=DATE, error_messages=DATE_ERRORS
    )


class ContributionForm(forms.Form):
    # made when the form is shown: a double click sends one idea (LED-5's rule for ideas)
    key = forms.CharField(widget=forms.HiddenInput, max_length=100, required=False)
    kind = forms.ChoiceField(
        label="What is it?",
        choices=Contribution.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what it is"},
    )
    text = forms.CharField(
        label="Tell us",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Tell us your idea or concern"},
    )


class ResponseForm(forms.Form):
    status = forms.ChoiceField(
        label="What happened?",
        choices=[c for c in Contribution.Status.choices if c[0] != "waiting"],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happened"},
    )
    response = forms.CharField(
        label="Your answer",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Say what was done, or why not. The person who raised it is told.",
    )
    decisions = forms.ModelMultipleChoiceField(
        label="Decisions it led to (optional)",
        queryset=Decision.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decisions"].queryset = Decision.objects.filter(project=project)


class ActionForm(forms.Form):
    title = forms.CharField(
        label="What needs doing?",
        max_length=200,
        error_messages={"required": "Say what needs doing"},
    )
    owner = forms.ModelChoiceField(
        label="Who will do it?",
        queryset=Membership.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose a member of this project"},
    )
    due_on = forms.DateField(
        label="By when? (optional)", required=False, widget=DATE, error_messages=DATE_ERRORS
    )

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Membership.objects.filter(
            project=project, left_on__isnull=True
        ).select_related("user")
        self.fields["owner"].label_from_instance = lambda m: m.user.display_name
