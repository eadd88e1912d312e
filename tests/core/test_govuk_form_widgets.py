"""Form fields are drawn as the matching GOV.UK component: a field that takes several choices
must give several tick boxes, or people could only ever pick one."""

from django import forms

from copro.core.forms import widget_kind


class Example(forms.Form):
    several = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    agree = forms.BooleanField(required=False)


def test_widget_kinds():
    assert widget_kind(forms.CheckboxSelectMultiple()) == "checkboxes"
    assert widget_kind(forms.RadioSelect()) == "radios"
    assert widget_kind(forms.CheckboxInput()) == "checkbox"
    assert widget_kind(forms.Select()) == "select"


def test_a_multiple_choice_field_renders_tick_boxes_and_keeps_every_choice():
    html = str(Example()["several"].as_field_group())
    assert html.count('type="checkbox"') == 2 and 'type="radio"' not in html
    assert "govuk-checkboxes" in html
    form = Example({"several": ["a", "b"], "one": "a"})
    assert form.is_valid()
    assert form.cleaned_data["several"] == ["a", "b"]
    assert str(form["one"].as_field_group()).count('type="radio"') == 2
