import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST

from copro.people import sessions
from copro.people.forms import ResetRequestForm, SignInForm
from copro.people.models import SignedInSession


class SignInView(auth_views.LoginView):
    template_name = "people/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_redirect_url(self) -> str:
        # Only a path on this site: never a scheme, a host, or a protocol-relative "//" (IO-4).
        target = super().get_redirect_url()
        if target.startswith("/") and not target.startswith(("//", "/\\")):
            return target
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["timed_out"] = self.request.GET.get("timed_out") == "1"
        return context


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]
    template_name = "people/signed_out.html"
    next_page = None


class ResetRequestView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "people/reset_request.html"
    email_template_name = "people/email/reset_password.txt"
    html_email_template_name = "people/email/reset_password.html"
    subject_template_name = "people/email/reset_password_subject.txt"
    success_url = reverse_lazy("accounts:reset_sent")

    def form_valid(self, form):
        # Links in e-mails use the configured site address, never the request's Host (CFG-5).
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


class ResetSentView(auth_views.PasswordResetDoneView):
    template_name = "people/reset_sent.html"


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "people/reset_confirm.html"
    success_url = reverse_lazy("accounts:reset_done")


class ResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "people/reset_done.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "people/password_change.html"
    success_url = reverse_lazy("accounts:password_changed")


class PasswordChangedView(auth_views.PasswordChangeDoneView):
    template_name = "people/password_changed.html"


@login_required
@require_http_methods(["GET", "POST"])
def signed_in_sessions(request: HttpRequest) -> HttpResponse:
    """Where you are signed in, with a way to sign out of the others (AUTH-9)."""
    current = request.session.session_key
    if request.method == "POST":
        if request.POST.get("end") == "others":
            count = sessions.signed_in_session_end_others(user=request.user, current_key=current)
            messages.success(request, f"You have been signed out of {count} other place(s).")
        else:
            try:
                pk = int(request.POST.get("end", ""))
                sessions.signed_in_session_end(user=request.user, pk=pk, current_key=current)
            except (ValueError, SignedInSession.DoesNotExist):
                raise Http404 from None
            messages.success(request, "That place has been signed out.")
        return redirect("accounts:sessions")
    rows = sessions.signed_in_session_list(user=request.user)
    return render(request, "people/sessions.html", {"rows": rows, "current_key": current})


@login_required
@require_POST
def stay_signed_in(request: HttpRequest) -> HttpResponse:
    """The "stay signed in" button: counts as activity, so the idle limit starts again."""
    request.session["last_seen"] = int(time.time())
    return HttpResponse(status=204)
