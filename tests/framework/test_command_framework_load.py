"""`copro framework_load`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from copro.framework.models import StaircaseStep, Tip
from tests.framework.helpers import row


@pytest.mark.django_db
def test_command_reports_what_it_did():
    out = StringIO()
    Tip.objects.create(order=99, slug="old-tip", name="An old tip", description="Gone now.")

    call_command("framework_load", stdout=out)

    output = out.getvalue()
    assert "0 created, 0 updated" in output
    assert "1 rows in the database are no longer in the file" in output


@pytest.mark.django_db
def test_command_refuses_bad_content_and_says_nothing_was_loaded(content, write_content):
    row(content, "staircase_steps", "co-produce")["order"] = 8

    with pytest.raises(CommandError, match="Nothing was loaded.*co-produce"):
        call_command("framework_load", file=write_content(content), stdout=StringIO())

    assert StaircaseStep.objects.get(slug="co-produce").order == 7
