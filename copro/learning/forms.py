"""Forms check the shape of what people send; the services decide."""

from django import forms

from copro.learning.models import Booking, QuizQuestion

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
