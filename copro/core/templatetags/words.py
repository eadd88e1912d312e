"""Template filters for words people say: {% load words %}, then
{{ value|date_for_people }}, {{ paper.size|size_for_people:paper.kind }},
{{ key|label_for_people }}, {{ value|value_for_people }} (see copro.core.words)."""

from django import template

from copro.core import words

register = template.Library()

register.filter("date_for_people", words.date_for_people)
register.filter("label_for_people", words.label_for_people)
register.filter("value_for_people", words.value_for_people)


@register.filter
def size_for_people(size, kind: str = "") -> str:
    return words.size_for_people(size, kind)
