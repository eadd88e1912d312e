"""Your data: see and download everything held about you, and delete your account."""

import json

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods

from copro.people import your_data
from copro.people.involvement import involvement_record
from copro.people.models import GroupMembership
from copro.people.models.support import AssistedEntry


@login_required
@require_GET
def your_data_page(request: HttpRequest) -> HttpResponse:
    data = your_data.export_for(request.user)
    return render(request, "people/your_data.html", {"data": data})


@login_required
@require_GET
def your_data_download(request: HttpRequest) -> HttpResponse:
    data = your_data.export_for(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="working-together-your-data.json"'
    return response


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that this cannot be undone",
        error_messages={"required": "Tick the box to say you understand"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        your_data.account_erase(user=user)
        return render(request, "people/account_deleted.html")
    return render(request, "people/delete_account.html", {"form": form})


@login_required
@require_GET
def account_home(request: HttpRequest) -> HttpResponse:
    changes = list(
        AssistedEntry.objects.filter(person=request.user).select_related("entered_by")[:20]
    )
    on_board = GroupMembership.objects.filter(
        user=request.user, group__slug="advisory-board"
    ).exists()
    return render(request, "people/account.html", {"changes": changes, "on_board": on_board})


@login_required
@require_GET
def involvement(request: HttpRequest) -> HttpResponse:
    """Only ever the signed-in person's own record."""
    record = involvement_record(user=request.user)
    return render(request, "people/involvement.html", {"record": record})


@login_required
@require_GET
def involvement_pdf(request: HttpRequest) -> HttpResponse:
    from weasyprint import HTML  # imported here: it is slow to load and only this page needs it

    record = involvement_record(user=request.user)
    html = render_to_string("people/involvement_pdf.html", {"record": record}, request=request)
    # Nothing is fetched while the PDF is made: the record needs no files, and a name or a
    # note a person typed must never make the server load a URL (SSRF), as for other PDFs.
    pdf = HTML(string=html, base_url=None, url_fetcher=_refusing_fetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="my-involvement-record.pdf"'
    return response


def refuse_fetching(url, *args, **kwargs):
    raise ValueError("The involvement record loads nothing from outside.")


def _refusing_fetcher():
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        """WeasyPrint's fetcher with no way out: every URL is refused."""

        def fetch(self, url, headers=None):
            return refuse_fetching(url)

    return RefusingFetcher(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
