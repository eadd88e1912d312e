"""Upload size limits that refuse a file while it arrives, before it is stored (FILE-1, FILE-8).

Use with `limit_uploads(max_bytes, field="...")` on a view. Files are held in memory only
(never in a temp file), and a file over the limit is dropped part-way, leaving
`request.upload_too_big` set so that the form can say so beside the field.

The whole request has a budget too: only one file part is read, for the field the form
expects; any other file part (another field, a second file) is skipped unread, and a request
whose body is bigger than the file limit plus `FIELDS_ALLOWANCE` has every file skipped.
Django refuses more than DATA_UPLOAD_MAX_NUMBER_FILES file parts outright (400).
"""

from collections.abc import Callable
from functools import wraps

from django.core.files.uploadhandler import (
    FileUploadHandler,
    MemoryFileUploadHandler,
    SkipFile,
)
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

FIELDS_ALLOWANCE = 256 * 1024  # room in a request for the form's other fields


class SizeLimitUploadHandler(FileUploadHandler):
    def __init__(self, request: HttpRequest, max_bytes: int, field: str | None = None):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.field = field
        self.received = 0
        self.files_taken = 0
        self.over_budget = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > self.max_bytes + FIELDS_ALLOWANCE:
            self.over_budget = True
            self.request.upload_too_big = True

    def new_file(self, field_name, *args, **kwargs):
        self.received = 0
        if self.over_budget:
            raise SkipFile()
        if (self.field is not None and field_name != self.field) or self.files_taken:
            self.request.upload_parts_refused = getattr(self.request, "upload_parts_refused", 0) + 1
            raise SkipFile()  # a part no field reads: never kept
        self.files_taken += 1
        super().new_file(field_name, *args, **kwargs)

    def receive_data_chunk(self, raw_data: bytes, start: int):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.request.upload_too_big = True
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int):
        return None


class BoundedMemoryUploadHandler(MemoryFileUploadHandler):
    """Keep every file in memory. Django's own handler steps aside for requests over
    FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB), which, with no temp-file handler after it, would
    drop a file under our limit without a word; the size limit before it bounds the memory."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = True


def limit_uploads(max_bytes: int, *, field: str | None = None) -> Callable:
    """Decorate a view so that uploaded files over `max_bytes` never reach the disk, and only
    one file, for `field`, is read at all.

    Upload handlers must be set before anything reads the request body, and the CSRF check
    reads it; so the check moves inside, after the handlers are set (Django's documented way).
    """

    def decorator(view: Callable) -> Callable:
        protected = csrf_protect(view)

        @wraps(view)
        @csrf_exempt
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            request.upload_too_big = False
            request.upload_handlers = [
                SizeLimitUploadHandler(request, max_bytes, field),
                BoundedMemoryUploadHandler(request),
            ]
            return protected(request, *args, **kwargs)

        wrapper.csrf_checked_inside = True
        return wrapper

    return decorator


STORAGE_FULL_MESSAGE = (
    "We could not keep your file just now, so nothing has been saved. Please try again later."
)


def store_file(storage, name: str, data: bytes, *, field: str) -> str:
    """Save an upload's bytes; when the storage cannot take them (a full disk, a storage
    service that is down: FLT-7) refuse beside the form's field instead of an error page."""
    import logging

    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    try:
        return storage.save(name, ContentFile(data))
    except OSError as error:
        logging.getLogger("copro.uploads").error(
            "upload not stored",
            extra={"event": "upload_not_stored", "error_type": type(error).__name__},
        )
        raise ValidationError({field: STORAGE_FULL_MESSAGE}) from None
