from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from copro.core.uploads import limit_uploads
from copro.plainenglish import analyse
from copro.writing import highlight
from copro.writing.forms import MAX_UPLOAD_BYTES, CheckWritingForm


@limit_uploads(MAX_UPLOAD_BYTES, field="upload")
@require_http_methods(["GET", "POST"])
def check_writing(request: HttpRequest) -> HttpResponse:
    """Paste or upload a text and see how easy it is to read. Nothing is stored."""
    context: dict = {}
    if request.method == "POST":
        form = CheckWritingForm(request.POST, request.FILES, upload_too_big=request.upload_too_big)
        if form.is_valid():
            text = form.cleaned_data["to_check"]
            report = analyse(text, standard=form.cleaned_data["standard"])
            findings = highlight.numbered(report)
            context.update(
                report=report,
                findings=findings,
                pieces=highlight.pieces(text, findings),
                counts=highlight.counts(report),
                file_name=form.extracted_from,
                minutes=max(1, round(report.readability.reading_time_seconds / 60)),
            )
    else:
        form = CheckWritingForm()
    context["form"] = form
    return render(request, "writing/check.html", context)
