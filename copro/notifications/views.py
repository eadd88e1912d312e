"""The person's notifications and how they want to hear, and the staff's "to post" queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.notifications import letters, selectors, services
from copro.notifications.forms import PreferencesForm
from copro.notifications.permissions import letter_person_get, notification_get, staff_only


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    page = selectors.notifications_page(viewer=request.user, page_number=request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = notification_get(viewer=request.user, pk=pk)
    services.notification_mark_read(viewer=request.user, notification=notification)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    services.notification_mark_all_read(viewer=request.user)
    messages.success(request, "All your notifications are marked as read.")
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    current = selectors.preferences_for(person=request.user)
    initial = {}
    if current["quiet"] is not None:
        initial = {"quiet_starts": current["quiet"].starts, "quiet_ends": current["quiet"].ends}
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        kinds_rows=current["kinds"],
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_save(
                person=request.user,
                choices=form.choices(),
                quiet_starts=form.cleaned_data["quiet_starts"],
                quiet_ends=form.cleaned_data["quiet_ends"],
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "How you want to hear about things has been saved.")
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form, **current})


@login_required
@require_GET
def to_post(request: HttpRequest) -> HttpResponse:
    staff_only(request.user)
    return render(request, "notifications/to_post.html", {"rows": selectors.to_post()})


@login_required
@require_GET
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    person = letter_person_get(viewer=request.user, pk=pk)
    waiting = selectors.letters_waiting(person=person)
    if not waiting:
        messages.success(request, "There is no letter waiting for this person.")
        return redirect("notifications:to_post")
    pdf = letters.letter_pdf(person=person, deliveries=waiting)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="letter-{person.pk}.pdf"'
    return response


@login_required
@require_POST
def letter_posted(request: HttpRequest, pk: int) -> HttpResponse:
    person = letter_person_get(viewer=request.user, pk=pk)
    try:
        up_to = int(request.POST.get("up_to", ""))
    except ValueError:
        up_to = 0
    count = services.post_mark_sent(person=person, up_to=up_to, by=request.user)
    if count:
        messages.success(request, f"The letter to {person.display_name} is marked as posted.")
    return redirect("notifications:to_post")


@login_required
@require_GET
def texts(request: HttpRequest) -> HttpResponse:
    staff_only(request.user)
    return render(request, "notifications/texts.html", selectors.texts_for_staff())
