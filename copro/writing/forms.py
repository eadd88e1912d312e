from django import forms
from django.core.exceptions import ValidationError

from copro.plainenglish import ExtractionError, extract_text
from copro.plainenglish.extract import MAX_CHARACTERS

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_TEXT_CHARACTERS = MAX_CHARACTERS
ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".odt")


class CheckWritingForm(forms.Form):
    text = forms.CharField(
        label="Paste your text",
        required=False,
        strip=False,
        max_length=MAX_TEXT_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
        help_text="For example a letter, a project summary or the papers for a meeting.",
        error_messages={
            "max_length": (
                f"The text is too long. Check up to {MAX_TEXT_CHARACTERS:,} characters at a "
                "time, or split it into parts."
            )
        },
    )
    upload = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text="A Word (.docx), OpenDocument (.odt), text (.txt) or Markdown (.md) file, "
        "smaller than 2 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
        error_messages={
            "empty": "The file is empty. Choose a file with some text in it.",
            "invalid": "Choose a file to upload.",
        },
    )

    standard = forms.ChoiceField(
        label="Which standard should we check it against?",
        choices=[
            ("plain", "Plain English, for everyone"),
            ("easy_read", "Easy Read, for people with a learning disability"),
        ],
        initial="plain",
        required=False,
        widget=forms.RadioSelect,
        help_text="Easy Read is stricter: short sentences with one idea each, numbers as "
        "digits and no short forms.",
    )

    def __init__(self, *args, upload_too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload_too_big = upload_too_big
        self.extracted_from: str | None = None

    def clean_upload(self):
        if self.upload_too_big:
            raise ValidationError("The file is too big. It must be smaller than 2 MB.")
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        name = upload.name or ""
        if not name.lower().endswith(ALLOWED_SUFFIXES):
            raise ValidationError("The file must be a .docx, .odt, .txt or .md file.")
        data = upload.read()
        if not data:
            raise ValidationError("The file is empty. Choose a file with some text in it.")
        try:
            # reading stops at the limit, however much the file would expand (FILE-8)
            text = extract_text(data, name, max_characters=MAX_TEXT_CHARACTERS)
        except ExtractionError as error:
            raise ValidationError(str(error)) from None
        self.extracted_from = name
        return text

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        text = cleaned.get("text") or ""
        uploaded = cleaned.get("upload")
        if uploaded and text.strip():
            raise ValidationError("Paste some text or upload a file, not both.", code="both")
        if not uploaded and not text.strip():
            self.add_error("text", "Paste some text or upload a file to check")
        cleaned["to_check"] = uploaded or text
        cleaned["standard"] = cleaned.get("standard") or "plain"
        return cleaned
