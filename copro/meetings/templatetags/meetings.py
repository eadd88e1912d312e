"""Times and lengths written the GOV.UK way: "2pm", "10:30am", "1 hour 30 minutes"."""

from django import template

from copro.core import times
from copro.meetings import hosts as hosts_module

register = template.Library()


@register.filter
def govuk_time(moment) -> str:
    return times.govuk_time(moment)


@register.filter
def duration(minutes) -> str:
    if minutes in (None, ""):
        return ""
    minutes = int(minutes)
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


@register.filter
def filesize(size) -> str:
    size = int(size or 0)
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def field(form, name):
    """A form's bound field by a name built in the template."""
    return form[name]


@register.simple_tag
def meeting_url(meeting, name: str, *args) -> str:
    """A page of this meeting, whether it belongs to a project or to a group."""
    return meeting.url(name, *args)


@register.simple_tag
def host_url(host, name: str) -> str:
    """A page of a project's or a group's meetings: "list", "plan" or "suggest"."""
    return hosts_module.host_url(host, name)
