"""`copro plain-english FILE [--json]` and its exit codes: 0 easy, 1 hard, 2 unreadable."""

import json

import pytest
from django.core.management import CommandError, call_command

from copro.plainenglish import analyse
from tests.writing import files

EASY = "We meet on Monday. Bring a friend if you like. There will be tea."
HARD = (
    "Notwithstanding the aforementioned considerations, the commissioning organisation shall "
    "endeavour to operationalise multidisciplinary collaborative methodologies facilitating "
    "comprehensive transformational outcomes throughout the organisational infrastructure."
)


def run(*args):
    from io import StringIO

    out = StringIO()
    code = 0
    try:
        call_command("plain-english", *args, stdout=out)
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue()


def test_an_easy_text_exits_0(tmp_path):
    path = tmp_path / "easy.txt"
    path.write_text(EASY)
    code, out = run(str(path))
    assert code == 0
    assert out.startswith("Verdict: easy")


def test_a_hard_text_exits_1(tmp_path):
    path = tmp_path / "hard.md"
    path.write_text(HARD)
    code, out = run(str(path))
    assert code == 1
    assert "Verdict: hard" in out


def test_json_output_is_the_report(tmp_path):
    path = tmp_path / "paper.docx"
    path.write_bytes(files.docx(EASY))
    code, out = run(str(path), "--json")
    assert code == 0
    assert json.loads(out) == analyse(EASY).to_dict()


@pytest.mark.parametrize(("name", "data"), [("missing.txt", None), ("fake.docx", b"not a zip")])
def test_unreadable_files_exit_2_with_a_message(tmp_path, name, data):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(CommandError) as error:
        call_command("plain-english", str(path))
    assert error.value.returncode == 2
    assert "Cannot" in str(error.value)


def test_fmt5_the_command_checks_against_the_easy_read_standard(tmp_path):
    path = tmp_path / "easy.txt"
    path.write_text("We meet on Monday. Bring three friends, and a pen.")
    assert run(str(path))[0] == 0  # plain English: fine
    code, out = run(str(path), "--standard", "easy_read")
    assert code == 1
    assert "This is not Easy Read yet" in out and "Number as a word" in out
