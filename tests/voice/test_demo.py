"""`copro demo` shows the members' own word working: records waiting for Asha, records Tom
contested (listed for the lead), check-ins, and outcomes measured before and after. Once."""

import pytest
from django.core.management import call_command

from copro.core.provenance import Confirmation
from copro.people.models import User
from copro.projects.models import Project
from copro.voice import selectors
from copro.voice.models import CheckIn, OutcomeMeasure, RecordEvent


@pytest.mark.django_db
def test_demo_shows_confirmations_contests_check_ins_and_outcomes(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    counts = (RecordEvent.objects.count(), CheckIn.objects.count(), OutcomeMeasure.objects.count())
    call_command("demo")
    assert counts == (
        RecordEvent.objects.count(),
        CheckIn.objects.count(),
        OutcomeMeasure.objects.count(),
    )
    asha = User.objects.get(email="asha.citizen@demo.example")
    mine = selectors.records_to_confirm(viewer=asha)[0]
    assert len(mine.awaiting) >= 2 and all(
        i.confirmation == Confirmation.AWAITING for i in mine.awaiting
    )
    assert mine.answers  # the answer to her idea, to judge
    library = Project.objects.get(title="Library opening hours")
    still_open, _left_out = selectors.contested_for_project(project=library)
    assert len(still_open) == 2
    breaks = Project.objects.get(title="Short breaks for carers")
    assert selectors.checkin_aggregate(project=breaks)["enough"]
    assert len(selectors.outcomes_for(project=breaks)) == 2
