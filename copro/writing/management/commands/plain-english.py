"""`copro plain-english FILE [--json]`: check a document from a script.

Exit codes: 0 the text is easy or fairly easy; 1 it is hard (so a script can stop on it);
2 the file could not be read.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from copro.plainenglish import ExtractionError, analyse, extract_text
from copro.plainenglish.extract import MAX_CHARACTERS, too_long_message
from copro.writing.highlight import KIND_NAMES


class Command(BaseCommand):
    help = "Check how easy a .txt, .md, .docx or .odt file is to read. Exits 1 when it is hard."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the file to check, or - to read text from standard input")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument(
            "--long-sentence-words", type=int, default=25, help="flag sentences longer than this"
        )
        parser.add_argument(
            "--standard",
            choices=["plain", "easy_read"],
            default="plain",
            help="easy_read: also check one idea a sentence, numbers as digits, no short forms",
        )

    def handle(self, *args, **options):
        text = self._read(options["file"])
        report = analyse(
            text, long_sentence_words=options["long_sentence_words"], standard=options["standard"]
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        else:
            self._print(report)
        if report.verdict.level == "hard":
            sys.exit(1)

    def _read(self, name: str) -> str:
        if name == "-":
            text = sys.stdin.read(MAX_CHARACTERS + 1)  # never more than the limit (FILE-8)
            if len(text) > MAX_CHARACTERS:
                raise CommandError(
                    f"Cannot check {name}: {too_long_message(MAX_CHARACTERS)}", returncode=2
                )
            return text
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {name}: {error.strerror}", returncode=2) from None
        try:
            return extract_text(data, path.name)
        except ExtractionError as error:
            raise CommandError(f"Cannot check {name}: {error}", returncode=2) from None

    def _print(self, report) -> None:
        r = report.readability
        out = self.stdout.write
        out(f"Verdict: {report.verdict.level}. {report.verdict.reason}")
        if r.flesch_reading_ease is not None:
            out(f"Reading ease: {r.flesch_reading_ease:.0f} out of 100")
            out(f"Flesch-Kincaid grade: {r.flesch_kincaid_grade:.1f}")
        out(f"Words: {r.word_count}  Sentences: {r.sentence_count}")
        out(f"Findings: {len(report.findings)}")
        for finding in report.findings:
            excerpt = finding.text if len(finding.text) <= 60 else finding.text[:57] + "..."
            excerpt = " ".join(excerpt.split())
            out(f'  [{finding.start}-{finding.end}] {KIND_NAMES[finding.kind]}: "{excerpt}"')
            out(f"      {finding.message} {finding.suggestion}".rstrip())
