"""The self-assessment questionnaire as a form: one set of radios per question."""

from django import forms

from copro.projects.assessment import QUESTIONS


class SelfAssessmentForm(forms.Form):
    """Checks only that each answer is one of the choices; the service works out the step."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text,
                help_text=question.hint,
                choices=[(option.key, option.label) for option in question.options],
                widget=forms.RadioSelect,
                error_messages={
                    "required": question.required_message,
                    "invalid_choice": question.required_message,
                },
            )

    def answers(self) -> dict[str, str]:
        return {question.key: self.cleaned_data[question.key] for question in QUESTIONS}
