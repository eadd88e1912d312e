"""The report's JSON shape, its schema, and the package staying free of Django."""

import json
import re
import subprocess
import sys
from pathlib import Path

from copro.plainenglish import FINDING_KINDS, REPORT_VERSION, analyse, schema

from .jsonschema_lite import errors

PACKAGE = Path(__file__).resolve().parents[2] / "copro" / "plainenglish"
TEXT = (
    "We will utilise the DWP's help. The plan was agreed.\n\n- co-create it\n"
    + " ".join(["word"] * 30)
    + "."
)


def test_to_dict_has_a_stable_documented_shape():
    data = analyse(TEXT).to_dict()
    assert list(data) == [
        "version",
        "settings",
        "verdict",
        "readability",
        "finding_counts",
        "findings",
        "sentences",
    ]
    assert data["version"] == REPORT_VERSION == "1.1"
    assert data["settings"] == {"long_sentence_words": 25, "standard": "plain"}
    assert list(data["finding_counts"]) == list(FINDING_KINDS)
    assert data["finding_counts"] == {
        "abbreviation": 0,  # the Easy Read kinds count only under standard="easy_read"
        "acronym": 1,
        "co_prefix": 1,
        "jargon": 1,
        "long_sentence": 1,
        "number_word": 0,
        "passive": 1,
        "two_ideas": 0,
    }
    assert list(data["findings"][0]) == ["kind", "start", "end", "text", "message", "suggestion"]
    assert list(data["sentences"][0]) == ["start", "end", "text", "word_count"]
    assert errors(data, schema()) == []
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_empty_text_report_matches_the_schema():
    data = analyse("").to_dict()
    assert errors(data, schema()) == []
    assert data["findings"] == data["sentences"] == []
    assert data["readability"]["flesch_reading_ease"] is None


def test_the_schema_catches_a_wrong_shape():
    data = analyse(TEXT).to_dict()
    data["findings"][0]["kind"] = "spelling"
    del data["verdict"]
    data["extra"] = 1
    assert len(errors(data, schema())) == 3


def test_schema_is_a_fresh_copy_and_is_json():
    first = schema()
    first["title"] = "changed"
    assert schema()["title"] == "Plain English report"
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    json.dumps(schema())


def test_schema_md_documents_every_field():
    document = (PACKAGE / "SCHEMA.md").read_text("utf-8")
    names = set(re.findall(r'"([a-z_$]+)"\s*:', json.dumps(schema(), indent=1)))
    names -= {"$schema", "type", "properties", "required", "additionalProperties", "items"}
    names -= {"enum", "const", "minimum", "description", "title"}
    for name in names:
        assert f"`{name}`" in document, name


def test_the_package_imports_no_django():
    code = (
        "import sys, copro.plainenglish, copro.plainenglish.extract;"
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    root = str(PACKAGE.parents[1])
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_source_file_imports_django():
    importing = re.compile(r"^\s*(?:import|from)\s+django\b", re.MULTILINE)
    for path in PACKAGE.rglob("*.py"):
        assert not importing.search(path.read_text("utf-8")), path
