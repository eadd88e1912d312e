"""Forms check the shape of what people send; the services decide."""

from django import forms

from copro.framework.models import LitmusQuestion, StaircaseStep, Tip
from copro.learning.models import Booking, QuizQuestion, RecipeRating, TipAnswer

NOT_ON_LIST = "Choose people from the list of those with a place"


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label="Who came to the session?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": NOT_ON_LIST},
    )
    completed = forms.MultipleChoiceField(
        label="Who completed the session?",
        help_text="Only tick someone who came and took part in the whole session.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": NOT_ON_LIST},
    )

    def __init__(self, *args, bookings: list[Booking], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(b.pk), b.person.display_name) for b in bookings]
        self.fields["attended"].choices = choices
        self.fields["completed"].choices = choices

    def clean(self):
        cleaned = super().clean()
        attended = set(cleaned.get("attended") or [])
        if set(cleaned.get("completed") or []) - attended:
            self.add_error("completed", "Only someone who came to the session can complete it")
        return cleaned

    def ids(self, name: str) -> list[int]:
        return [int(pk) for pk in self.cleaned_data[name]]


class QuizForm(forms.Form):
    """One field per question: radios when one answer is right, tick boxes when several are."""

    def __init__(self, *args, questions: list[QuizQuestion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            choices = [(str(i), text) for i, text in enumerate(question.options)]
            label = f"{number}. {question.question}"
            if question.choose_several:
                field = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text="Choose all that are right.",
                    error_messages={"required": "Choose at least one answer to this question"},
                )
            else:
                field = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": "Choose an answer to this question"},
                )
            self.fields[f"question_{question.pk}"] = field

    def answers(self) -> dict[int, list[int]]:
        result = {}
        for question in self.questions:
            value = self.cleaned_data[f"question_{question.pk}"]
            values = value if isinstance(value, list) else [value]
            result[question.pk] = [int(v) for v in values]
        return result


class StaircaseOrderForm(forms.Form):
    """One drop-down per step: "Position 1" to "Position N". Plain <select> boxes work without
    JavaScript and by keyboard. The steps are listed in alphabetical order, which is not the
    right order."""

    def __init__(self, *args, steps: list[StaircaseStep], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.steps = sorted(steps, key=lambda step: step.name.lower())
        positions = [("", "Choose a position")] + [
            (str(n), f"Position {n}") for n in range(1, len(steps) + 1)
        ]
        for step in self.steps:
            self.fields[f"step_{step.slug}"] = forms.ChoiceField(
                label=step.name,
                help_text=step.summary,
                choices=positions,
                error_messages={
                    "required": f"Choose a position for {step.name}",
                    "invalid_choice": f"Choose a position for {step.name} from the list",
                },
            )

    def clean(self):
        cleaned = super().clean()
        taken: dict[str, list[StaircaseStep]] = {}
        for step in self.steps:
            position = cleaned.get(f"step_{step.slug}")
            if position:
                taken.setdefault(position, []).append(step)
        for position, clash in taken.items():
            if len(clash) > 1:
                names = " and ".join(step.name for step in clash)
                for step in clash:
                    self.add_error(
                        f"step_{step.slug}",
                        f"{names} are both at position {position}. Give each step its own position",
                    )
        return cleaned

    def placed(self) -> list[str]:
        """The steps' slugs, position 1 first."""
        by_position = {int(self.cleaned_data[f"step_{s.slug}"]): s.slug for s in self.steps}
        return [by_position[n] for n in sorted(by_position)]


class TipsForm(forms.Form):
    """For each tip: "I'm confident" or "I'd like more information"."""

    def __init__(self, *args, tips: list[Tip], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.tips = tips
        for tip in tips:
            self.fields[f"tip_{tip.pk}"] = forms.ChoiceField(
                label=tip.name,
                help_text=tip.description,
                choices=TipAnswer.Answer.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose how you feel about {tip.name.lower()}",
                    "invalid_choice": f"Choose one of the answers for {tip.name.lower()}",
                },
            )

    def answers(self) -> dict[int, str]:
        return {tip.pk: self.cleaned_data[f"tip_{tip.pk}"] for tip in self.tips}


class RecipeForm(forms.Form):
    """For each value and skill: not yet, getting there or confident."""

    def __init__(self, *args, items: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[item.field_name] = forms.TypedChoiceField(
                label=item.name,
                help_text=item.description,
                choices=[(str(v), label) for v, label in RecipeRating.Rating.choices],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose how you rate yourself on {item.name.lower()}",
                    "invalid_choice": f"Choose one of the answers for {item.name.lower()}",
                },
            )

    def ratings(self, kind: str) -> dict[int, int]:
        return {i.pk: self.cleaned_data[i.field_name] for i in self.items if i.kind == kind}


class JournalEntryForm(forms.Form):
    question = forms.ModelChoiceField(
        label="Which question are you thinking about?",
        queryset=LitmusQuestion.objects.all(),
        empty_label="Choose a question",
        error_messages={
            "required": "Choose the question you are thinking about",
            "invalid_choice": "Choose a question from the list",
        },
    )
    reflection = forms.CharField(
        label="Your reflection",
        help_text="Only you can read this. Nobody else can, not even administrators.",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        error_messages={
            "required": "Write your reflection",
            "max_length": "Your reflection must be 5,000 characters or fewer",
        },
    )

    def clean_reflection(self) -> str:
        text = self.cleaned_data["reflection"].strip()
        if not text:
            raise forms.ValidationError("Write your reflection")
        if "\x00" in text:
            raise forms.ValidationError("Your reflection contains a character we cannot store")
        return text
