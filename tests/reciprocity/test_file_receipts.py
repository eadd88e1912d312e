"""FILE-1 to FILE-7 for receipts sent with an expense: what is refused, with which plain
message beside the field, and how a kept receipt is stored, served and erased. Uploads go
through the real page, so the size limit, the content check and the error are tested together."""

import datetime
import io
import os
import re
import struct
import zlib

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from copro.meetings.files import INFECTED, SCANNER_DOWN
from copro.people import your_data
from copro.reciprocity import receipts, services
from copro.reciprocity.data_handlers import RECEIPT_ERASED, RECEIPT_KEPT
from copro.reciprocity.models import Expense
from tests.pdfs import padded_pdf, pdf
from tests.reciprocity.conftest import A_PDF, sign_in
from tests.reciprocity.test_az_pages import _unmasked

pytestmark = pytest.mark.django_db

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
GPS_IFD = 0x8825


def a_jpeg(**save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="JPEG", **save)
    return out.getvalue()


def a_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 30, 200)).save(out, format="PNG")
    return out.getvalue()


def a_jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 45.0, 12.0), 3: "W", 4: (1.0, 15.0, 30.0)})
    data = a_jpeg(exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the test photo has GPS
    return data


def a_png_claiming_to_be_huge(width=100_000, height=100_000) -> bytes:
    """Only the header says how big the picture is: the file itself is tiny."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack("!I", len(body)) + kind + body + struct.pack("!I", crc)

    header = struct.pack("!IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def post(client, person, name: str | None, data: bytes = b"", **fields):
    sign_in(client, person)
    form = {
        "kind": "travel",
        "description": "Bus to the meeting and back",
        "amount": "4.80",
        "incurred_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        **fields,
    }
    if name is not None:
        form["receipt"] = SimpleUploadedFile(name, data)
    return client.post("/thanks/expenses/new/", form)


def stored_files() -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(
        os.path.relpath(os.path.join(folder, f), root)
        for folder, _dirs, names in os.walk(root)
        for f in names
    )


def refused(response, message):
    """The form again, with the message beside the receipt field, and nothing saved."""
    body = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert "There is a problem" in body
    beside = re.search(r'<p id="id_receipt-error" class="govuk-error-message">(.*?)</p>', body)
    assert beside is not None and message in beside.group(1), body
    assert not Expense.objects.exists()
    assert stored_files() == []


def kept(response) -> Expense:
    assert response.status_code == 302, response.content.decode()[:2000]
    expense = Expense.objects.get()
    assert stored_files() == [expense.receipt_stored_name]
    return expense


# --- FILE-1 size ------------------------------------------------------------------------------


def test_file1_one_byte_over_the_limit_is_refused_and_nothing_is_stored(client, citizen):
    data = padded_pdf(settings.RECEIPT_MAX_BYTES + 1)
    refused(post(client, citizen, "receipt.pdf", data), receipts.too_big_message())


def test_file1_a_receipt_exactly_at_the_limit_is_kept(client, citizen):
    """Larger than Django keeps in memory by default (2.5 MB), so nothing is silently dropped."""
    data = padded_pdf(settings.RECEIPT_MAX_BYTES)
    expense = kept(post(client, citizen, "receipt.pdf", data))
    assert expense.receipt_size == settings.RECEIPT_MAX_BYTES


def test_file1_the_service_checks_the_size_setting_too(settings):
    settings.RECEIPT_MAX_BYTES = 100
    with pytest.raises(receipts.ValidationError) as caught:
        receipts.check_receipt(A_PDF + b"0" * 100, "receipt.pdf")
    assert caught.value.messages == [receipts.too_big_message()]
    assert "smaller than" in receipts.too_big_message()


def test_file1_an_empty_file_is_refused(client, citizen):
    refused(post(client, citizen, "receipt.pdf", b""), receipts.EMPTY)


def test_the_receipt_is_optional(client, citizen):
    response = post(client, citizen, None)
    assert response.status_code == 302
    assert not Expense.objects.get().has_receipt
    assert stored_files() == []


def test_other_mistakes_are_shown_and_nothing_is_kept_even_with_a_good_receipt(client, citizen):
    response = post(client, citizen, "receipt.pdf", A_PDF, amount="")
    body = response.content.decode()
    assert response.status_code == 200 and "Enter how much it cost" in body
    assert not Expense.objects.exists() and stored_files() == []


def test_nothing_is_half_saved_when_the_expense_cannot_be_saved(citizen):
    checked = receipts.check_receipt(A_PDF, "receipt.pdf")
    with pytest.raises(services.extras.ValidationError):
        services.expense_claim(
            person=citizen,
            kind="no such kind",
            description="Bus",
            amount_pence=480,
            incurred_on=timezone.localdate(),
            by=citizen,
            receipt=checked,
        )
    assert not Expense.objects.exists()
    assert stored_files() == []  # the file kept first was removed again


# --- FILE-2 type from the content -------------------------------------------------------------

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("photo.jpg", b"<html><script>alert(1)</script></html>", receipts.WRONG_TYPE),
        ("receipt.png", SVG, receipts.WRONG_TYPE),
        ("receipt.svg", SVG, receipts.WRONG_TYPE),
        ("receipt.pdf", b"<!doctype html><p>not a pdf</p>", receipts.WRONG_TYPE),
        ("receipt.pdf", EICAR, receipts.WRONG_TYPE),
        ("receipt.docx", b"PK\x03\x04" + b"\0" * 40, receipts.WRONG_TYPE),
        ("photo.jpg", b"\xff\xd8\xff\xe0 broken", receipts.BROKEN_IMAGE),
        (
            "receipt.pdf",
            pdf(catalog=b"/OpenAction << /JavaScript (x) >>"),
            "scripts",
        ),
        (
            "receipt.pdf",
            pdf(catalog=b"/Names << /#4Aava#53cript 1 0 R >>"),
            "scripts",
        ),
        ("receipt.pdf", pdf(catalog=b"/Launch << /F (calc.exe) >>"), "scripts"),
    ],
)
def test_file2_the_type_comes_from_the_content_not_the_name(client, citizen, name, data, message):
    refused(post(client, citizen, name, data), message)


def test_file2_a_png_with_a_web_page_glued_on_is_saved_again_without_it(client, citizen):
    polyglot = a_png() + b"<html><script>alert(1)</script></html>"
    expense = kept(post(client, citizen, "receipt.png", polyglot))
    with open(os.path.join(settings.MEDIA_ROOT, expense.receipt_stored_name), "rb") as f:
        stored = f.read()
    assert b"<script" not in stored and b"<html" not in stored
    assert Image.open(io.BytesIO(stored)).format == "PNG"


@pytest.mark.parametrize(
    "name, data, content_type, download",
    [
        ("receipt.pdf", A_PDF, "application/pdf", "receipt.pdf"),
        ("photo.jpg", a_jpeg(), "image/jpeg", "photo.jpg"),
        ("ticket.png", a_png(), "image/png", "ticket.png"),
        # A PNG named .jpg: the real type wins, in the header and in the name offered.
        ("ticket.jpg", a_png(), "image/png", "ticket.png"),
        ("scan.txt", A_PDF, "application/pdf", "scan.pdf"),
    ],
)
def test_file2_receipts_are_served_as_downloads_of_their_real_type(
    client, citizen, name, data, content_type, download
):
    expense = kept(post(client, citizen, name, data))
    response = client.get(f"/thanks/expenses/{expense.pk}/receipt/")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'attachment; filename="{download}"'
    body = b"".join(response.streaming_content)
    assert receipts.kind_of(body) == expense.receipt_kind


# --- FILE-3 names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, shown",
    [
        ("../../x", "x.pdf"),
        ("..\\..\\etc\\passwd.pdf", "passwd.pdf"),
        ("a\r\nb.pdf", "a b.pdf"),
        ("\u202egpj.exe", "gpj.pdf"),
        ("../", "receipt.pdf"),
        ("", "receipt.pdf"),
    ],
)
def test_file3_names_lose_folders_control_and_direction_characters(name, shown):
    assert receipts.download_name(name, "pdf") == shown


@pytest.mark.parametrize("name", ["../../x", "a\r\nb.pdf", "\u202ercp.pdf", "Quittung-äöü.pdf"])
def test_file3_stored_under_a_generated_name_and_downloaded_safely(client, citizen, name):
    expense = kept(post(client, citizen, name, A_PDF))
    stored = expense.receipt_stored_name
    folder, generated = stored.split("/")
    assert folder == "receipts" and len(generated) == 32 and int(generated, 16) >= 0
    disposition = client.get(f"/thanks/expenses/{expense.pk}/receipt/")["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition and "\n" not in disposition and "\u202e" not in disposition
    assert "/" not in disposition.replace("utf-8''", "") and ".." not in disposition


def test_file3_a_non_english_name_is_encoded_as_rfc_6266_says(client, citizen):
    expense = kept(post(client, citizen, "Quittung-äöü.pdf", A_PDF))
    disposition = client.get(f"/thanks/expenses/{expense.pk}/receipt/")["Content-Disposition"]
    assert disposition == "attachment; filename*=utf-8''Quittung-%C3%A4%C3%B6%C3%BC.pdf"


# --- FILE-4 who may fetch a receipt -----------------------------------------------------------


@pytest.fixture
def claimed(client, citizen) -> Expense:
    expense = kept(post(client, citizen, "receipt.pdf", A_PDF))
    client.logout()
    return expense


@pytest.mark.parametrize(
    "persona, status",
    [("citizen", 200), ("other_citizen", 404), ("staff", 200), ("admin_user", 200)],
)
def test_file4_only_the_claimant_and_staff_who_decide_expenses_get_it(
    client, request, claimed, persona, status
):
    sign_in(client, request.getfixturevalue(persona))
    assert client.get(f"/thanks/expenses/{claimed.pk}/receipt/").status_code == status


def test_file4_someone_elses_receipt_looks_exactly_like_a_missing_one(
    client, claimed, other_citizen
):
    sign_in(client, other_citizen)
    foreign = client.get(f"/thanks/expenses/{claimed.pk}/receipt/")
    missing = client.get("/thanks/expenses/999999/receipt/")
    assert foreign.status_code == missing.status_code == 404
    assert _unmasked(foreign) == _unmasked(missing)


def test_file4_anonymous_is_sent_to_sign_in(client, claimed):
    response = client.get(f"/thanks/expenses/{claimed.pk}/receipt/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


def test_file4_an_expense_without_a_receipt_answers_404(client, citizen):
    post(client, citizen, None)
    assert client.get(f"/thanks/expenses/{Expense.objects.get().pk}/receipt/").status_code == 404


def test_file4_receipts_are_not_served_from_the_media_folder(client, claimed, citizen):
    sign_in(client, citizen)
    assert client.get(f"/media/{claimed.receipt_stored_name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}{claimed.receipt_stored_name}").status_code == 404


# --- FILE-5 bombs -----------------------------------------------------------------------------


def test_file5_a_picture_claiming_to_be_huge_is_refused_before_it_is_unpacked(client, citizen):
    bomb = a_png_claiming_to_be_huge()
    assert len(bomb) < 1000  # small on the way in, 10 billion pixels once unpacked
    refused(post(client, citizen, "receipt.png", bomb), receipts.HUGE_IMAGE)


def test_file5_a_picture_just_over_the_pixel_limit_is_refused():
    side = int(receipts.MAX_PIXELS**0.5) + 1
    with pytest.raises(receipts.ValidationError) as caught:
        receipts.check_receipt(a_png_claiming_to_be_huge(side, side), "receipt.png")
    assert caught.value.messages == [receipts.HUGE_IMAGE]


def test_file5_word_and_other_archives_are_never_accepted_as_receipts():
    assert receipts.kind_of(b"PK\x03\x04") is None


# --- FILE-6 metadata --------------------------------------------------------------------------


def test_file6_the_stored_photo_has_no_location_or_other_exif(client, citizen):
    expense = kept(post(client, citizen, "photo.jpg", a_jpeg_with_gps()))
    with open(os.path.join(settings.MEDIA_ROOT, expense.receipt_stored_name), "rb") as f:
        stored = f.read()
    exif = Image.open(io.BytesIO(stored)).getexif()
    assert not exif.get_ifd(GPS_IFD)
    assert len(exif) == 0
    assert b"PhoneMaker" not in stored


def test_file6_a_photo_taken_sideways_is_kept_the_right_way_up():
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90 degrees to show": the phone was held sideways
    out = io.BytesIO()
    Image.new("RGB", (40, 30)).save(out, format="JPEG", exif=exif.tobytes())
    checked = receipts.check_receipt(out.getvalue(), "photo.jpg")
    assert Image.open(io.BytesIO(checked.data)).size == (30, 40)


# --- FILE-7 viruses ---------------------------------------------------------------------------


def test_file7_a_receipt_with_a_virus_is_refused(client, citizen, clamd):
    infected = pdf(content=b"% " + EICAR)  # a real PDF carrying the test virus
    refused(post(client, citizen, "receipt.pdf", infected), INFECTED)
    assert kept(post(client, citizen, "receipt.pdf", A_PDF)).has_receipt


def test_file7_the_eicar_file_itself_is_refused(client, citizen, clamd):
    refused(post(client, citizen, "eicar.pdf", EICAR), receipts.WRONG_TYPE)


def test_file7_with_the_scanner_down_nothing_is_kept(client, citizen, settings, tmp_path):
    settings.CLAMD_SOCKET = str(tmp_path / "no-scanner-here.sock")
    refused(post(client, citizen, "receipt.pdf", A_PDF), SCANNER_DOWN)


# --- Your data: export and erasure ------------------------------------------------------------


def _decide(expense, staff, *, approve=True, paid=False):
    services.expense_decide(expense=expense, approve=approve, reason="Checked", by=staff)
    if paid:
        services.expense_mark_paid(expense=expense, paid_on=timezone.localdate(), by=staff)


def _claim(person, description):
    return services.expense_claim(
        person=person,
        kind="travel",
        description=description,
        amount_pence=480,
        incurred_on=timezone.localdate(),
        by=person,
        receipt=receipts.check_receipt(A_PDF, f"{description}.pdf"),
    )


def test_the_export_lists_each_receipt_and_says_whether_it_is_kept(citizen, staff):
    paid, _ = _claim(citizen, "paid"), _claim(citizen, "waiting")
    _decide(paid, staff, paid=True)
    rows = your_data.export_for(citizen)["sections"]["Expenses you claimed"]
    by_name = {row["receipt"]["name"]: row["receipt"] for row in rows}
    assert by_name["paid.pdf"]["if_you_delete_your_account"] == RECEIPT_KEPT
    assert by_name["waiting.pdf"]["if_you_delete_your_account"] == RECEIPT_ERASED
    assert by_name["paid.pdf"]["download"] == f"/thanks/expenses/{paid.pk}/receipt/"
    assert by_name["waiting.pdf"]["type"] == "application/pdf"
    assert "receipt_stored_name" not in str(rows)  # our own storage name is not theirs


def test_erasing_the_account_deletes_receipts_finance_need_not_keep(
    citizen, staff, django_capture_on_commit_callbacks
):
    paid, approved = _claim(citizen, "paid"), _claim(citizen, "approved")
    waiting, rejected = _claim(citizen, "waiting"), _claim(citizen, "rejected")
    _decide(paid, staff, paid=True)
    _decide(approved, staff)
    _decide(rejected, staff, approve=False)
    # Files go once the erasure is committed, so a failed erasure never loses one.
    with django_capture_on_commit_callbacks(execute=True):
        your_data.account_erase(user=citizen)
    for expense in (paid, approved):
        expense.refresh_from_db()
        assert expense.has_receipt and expense.receipt_stored_name in stored_files()
    for expense in (waiting, rejected):
        expense.refresh_from_db()
        assert not expense.has_receipt and expense.receipt_name == ""
    assert len(stored_files()) == 2


def test_file1_no_temporary_upload_files_are_left(client, citizen, tmp_path, settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    big = A_PDF + b"0" * settings.RECEIPT_MAX_BYTES
    refused(post(client, citizen, "receipt.pdf", big), receipts.too_big_message())
    assert [p for p in tmp_path.iterdir() if ".upload" in p.name] == []


def test_the_receipt_is_offered_on_my_thanks_and_to_staff_deciding_it(client, claimed, staff):
    sign_in(client, claimed.person)
    link = f'href="/thanks/expenses/{claimed.pk}/receipt/"'
    assert link in client.get("/thanks/").content.decode()
    sign_in(client, staff)
    page = client.get("/thanks/staff/expenses/").content.decode()
    assert link in page and "receipt.pdf" in page


def test_a_phone_photo_with_several_pictures_inside_is_kept_as_a_plain_jpeg():
    out = io.BytesIO()
    first, second = Image.new("RGB", (20, 10)), Image.new("RGB", (20, 10))
    first.save(out, format="MPO", save_all=True, append_images=[second])
    checked = receipts.check_receipt(out.getvalue(), "IMG_0001.JPG")
    assert checked.kind == "jpg" and checked.name == "IMG_0001.jpg"
    assert Image.open(io.BytesIO(checked.data)).format == "JPEG"
