"""`{% project_outcomes project %}`: the project's outcomes with before and after measures, for
pages in higher apps (the report page shows them beside the step). Two queries."""

from django import template

from copro.voice.selectors import outcomes_for

register = template.Library()


@register.inclusion_tag("voice/_outcomes.html")
def project_outcomes(project) -> dict:
    return {"outcomes": outcomes_for(project=project)}
