"""The language chooser (GOV.UK language navigation): a small form in the header that works
without JavaScript. The choice is kept in the session and, for someone signed in, in their
profile, so pages and e-mails follow it (copro.core.middleware.PreferredLanguageMiddleware)."""

from contextlib import suppress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from copro.core.middleware import PreferredLanguageMiddleware
from copro.people import services


@require_POST
def language_choose(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    offered = {code for code, _name in settings.LANGUAGES}
    if language not in offered:
        return redirect(target)
    request.session[PreferredLanguageMiddleware.SESSION_KEY] = language
    if request.user.is_authenticated:
        with suppress(ValidationError):  # offered a moment ago; the session still has it
            services.person_language_set(user=request.user, language=language)
    return redirect(target)
