"""{% load easy_read %}{% easy_read_link "framework:page" page.slug %}: a link to the Easy
Read version of the page (nothing when there is none). Works without JavaScript."""

from django import template

from copro.framework.easy_read import BY_STANDARD

register = template.Library()


@register.inclusion_tag("framework/includes/easy_read_link.html")
def easy_read_link(url_name: str, *args) -> dict:
    return {"easy": BY_STANDARD.get((url_name, *(str(a) for a in args)))}
