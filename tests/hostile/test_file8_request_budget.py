"""FILE-8 (whole requests): the upload limit is per request, not per file. Only the file part
the form reads is taken; other parts are skipped unread; a body over the budget has every
file skipped; more file parts than DATA_UPLOAD_MAX_NUMBER_FILES are refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from copro.core.uploads import (
    FIELDS_ALLOWANCE,
    BoundedMemoryUploadHandler,
    SizeLimitUploadHandler,
)


def parsed(files: dict[str, bytes], *, max_bytes: int = 1000, field: str = "receipt"):
    data = {name: SimpleUploadedFile(f"{name}.pdf", body) for name, body in files.items()}
    request = RequestFactory().post("/x/", {"description": "Bus", **data})
    request.upload_too_big = False
    request.upload_handlers = [
        SizeLimitUploadHandler(request, max_bytes, field),
        BoundedMemoryUploadHandler(request),
    ]
    return request, request.FILES, request.POST


def test_file8_only_the_field_the_form_reads_is_taken():
    request, files, post = parsed({"receipt": b"a" * 10, "other": b"b" * 900, "more": b"c"})
    assert list(files) == ["receipt"]
    assert post["description"] == "Bus"
    assert request.upload_parts_refused == 2


def test_file8_a_request_over_the_whole_budget_keeps_no_file():
    budget = 1000 + FIELDS_ALLOWANCE
    request, files, post = parsed({"receipt": b"a" * 10, "other": b"b" * budget})
    assert list(files) == []
    assert request.upload_too_big is True
    assert post["description"] == "Bus"  # the other fields are still there for the message


def test_file8_a_file_over_the_limit_is_dropped_part_way():
    request, files, _post = parsed({"receipt": b"a" * 1001})
    assert list(files) == []
    assert request.upload_too_big is True


@pytest.mark.django_db
def test_file8_more_file_parts_than_the_setting_are_refused(client, settings):
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES <= 5
    parts = {f"f{n}": SimpleUploadedFile(f"{n}.txt", b"x") for n in range(6)}
    response = client.post("/check-your-writing/", parts)
    assert response.status_code == 400
