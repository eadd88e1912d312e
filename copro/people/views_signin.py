"""Invitations, one-time sign-in links and two-step sign-in (AUTH-3, AUTH-4, AUTH-5).

Pages whose address holds a token are never cached and send no Referer, so the token cannot
leak to another site or a shared cache.
"""

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.people import mfa, signin
from copro.people.forms_signin import (
    CodeForm,
    InvitationAcceptForm,
    InviteForm,
    SignInLinkRequestForm,
)

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _private(response: HttpResponse) -> HttpResponse:
    """For a page whose address holds a token: no cache, and a Referer of the origin only, so
    the token does not reach even our own logs through requests for the page's assets.
    ("no-referrer" would make browsers send "Origin: null", which fails the CSRF check.)"""
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "strict-origin"
    return response


def _show_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


# --- Invitations (AUTH-4) -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    roles = signin.roles_inviter_may_give(request.user)
    if not roles:
        raise Http404
    form = InviteForm(request.POST if request.method == "POST" else None, roles=roles)
    if request.method == "POST" and form.is_valid():
        try:
            signin.invitation_create(**form.cleaned_data, by=request.user)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            _show_errors(form, error)
        else:
            request.session["invited_email"] = form.cleaned_data["email"].lower()
            return redirect("accounts:invite_sent")
    return render(request, "people/signin/invite.html", {"form": form})


@login_required
@require_GET
def invite_sent(request: HttpRequest) -> HttpResponse:
    if not signin.roles_inviter_may_give(request.user):
        raise Http404
    email = request.session.pop("invited_email", "")
    context = {"email": email, "days": settings.INVITATION_DAYS}
    return render(request, "people/signin/invite_sent.html", context)


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = signin.invitation_get_open(token=token)
    if invitation is None:
        return _private(render(request, "people/signin/invitation_closed.html"))
    allow_link = signin.may_choose_sign_in_links(invitation.role)
    data = request.POST if request.method == "POST" else None
    initial = {"display_name": invitation.display_name}
    form = InvitationAcceptForm(data, initial=initial, allow_link=allow_link)
    if request.method == "POST" and form.is_valid():
        try:
            user = signin.invitation_accept(
                token=token,
                display_name=form.cleaned_data["display_name"],
                password_or_none=form.password_or_none(),
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "closed":
                return _private(render(request, "people/signin/invitation_closed.html"))
            _show_errors(form, error)
        else:
            login(request, user, backend=MODEL_BACKEND)
            return redirect("accounts:home")
    context = {"form": form, "invitation": invitation, "allow_link": allow_link}
    return _private(render(request, "people/signin/invitation_accept.html", context))


# --- One-time sign-in links (AUTH-3, AUTH-11) -----------------------------------------------


@require_http_methods(["GET", "POST"])
def sign_in_link_request(request: HttpRequest) -> HttpResponse:
    form = SignInLinkRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # The same next page whether or not the address is known, allowed or over the limit.
        signin.sign_in_link_request(email=form.cleaned_data["email"], request=request)
        return redirect("accounts:sign_in_link_sent")
    return render(request, "people/signin/link_request.html", {"form": form})


@require_GET
def sign_in_link_sent(request: HttpRequest) -> HttpResponse:
    context = {"minutes": settings.SIGN_IN_LINK_MINUTES}
    return render(request, "people/signin/link_sent.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button, so e-mail scanners that open links do not use them up."""
    if request.method == "POST":
        user = signin.sign_in_link_use(token=token, request=request)
        if user is not None:
            login(request, user, backend=MODEL_BACKEND)
            return redirect("accounts:home")
    elif signin.sign_in_link_open(token=token):
        return _private(render(request, "people/signin/link_use.html"))
    context = {"token": token, "known": signin.sign_in_link_known(token=token)}
    return _private(render(request, "people/signin/link_expired.html", context))


@require_POST
def sign_in_link_new(request: HttpRequest, token: str) -> HttpResponse:
    signin.sign_in_link_resend(token=token, request=request)
    return redirect("accounts:sign_in_link_sent")


# --- Two-step sign-in (AUTH-5) ----------------------------------------------------------------


def _needs_second_factor_or_404(request: HttpRequest) -> None:
    if not request.user.needs_second_factor:
        raise Http404


def _next_or_home(request: HttpRequest) -> str:
    source = request.POST if request.method == "POST" else request.GET
    return mfa.safe_next(request, source.get("next")) or reverse(settings.LOGIN_REDIRECT_URL)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_step_setup(request: HttpRequest) -> HttpResponse:
    _needs_second_factor_or_404(request)
    if mfa.has_confirmed_device(request.user):
        # Adding an app needs the second step first, or a stolen password could add one.
        if request.user.is_verified():
            return redirect("accounts:home")
        return redirect("accounts:two_step")
    form = CodeForm(
        request.POST if request.method == "POST" else None,
        label="Code from your app",
        help_text="The 6-digit code your app shows now.",
    )
    if request.method == "POST" and form.is_valid():
        codes = mfa.totp_device_confirm(request=request, code=form.cleaned_data["code"])
        if codes:
            request.session["recovery_codes"] = codes
            request.session["after_two_step"] = _next_or_home(request)
            return redirect("accounts:two_step_recovery_codes")
        form.add_error("code", "That code is not right. Enter the code your app shows now")
    device = mfa.totp_device_pending(user=request.user)
    context = {
        "form": form,
        "secret": mfa.secret_in_groups(device),
        "config_url": device.config_url,
        "qr_svg": mfa.qr_code_svg(device),
        "next": _next_or_home(request),
    }
    return render(request, "people/signin/two_step_setup.html", context)


@never_cache
@login_required
@require_GET
def two_step_recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shown once, straight after set-up; the codes leave the session as they are shown."""
    codes = request.session.pop("recovery_codes", None)
    if not codes:
        raise Http404
    after = request.session.pop("after_two_step", "") or reverse(settings.LOGIN_REDIRECT_URL)
    context = {"codes": codes, "next": mfa.safe_next(request, after) or "/"}
    return render(request, "people/signin/two_step_recovery_codes.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_step(request: HttpRequest) -> HttpResponse:
    _needs_second_factor_or_404(request)
    if request.user.is_verified():
        return redirect(_next_or_home(request))
    if not mfa.has_confirmed_device(request.user):
        return redirect("accounts:two_step_setup")
    form = CodeForm(
        request.POST if request.method == "POST" else None,
        label="Code",
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        numeric=False,
    )
    if request.method == "POST" and form.is_valid():
        if mfa.second_factor_verify(request=request, code=form.cleaned_data["code"]):
            return redirect(_next_or_home(request))
        form.add_error(
            "code",
            "That code is not right, or it has been used. Wait for a new code in your app and "
            "try again",
        )
    context = {"form": form, "next": _next_or_home(request)}
    return render(request, "people/signin/two_step.html", context)
