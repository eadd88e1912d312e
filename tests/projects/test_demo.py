"""`copro demo` builds four projects with believable records, once."""

import pytest
from django.core.management import call_command

from copro.projects.models import Contribution, Decision, Membership, Project


@pytest.mark.django_db
def test_demo_projects_are_built_once(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    counts = (
        Project.objects.count(),
        Membership.objects.count(),
        Decision.objects.count(),
        Contribution.objects.count(),
    )
    call_command("demo")
    assert counts == (
        Project.objects.count(),
        Membership.objects.count(),
        Decision.objects.count(),
        Contribution.objects.count(),
    )
    assert counts[0] == 4
    library = Project.objects.get(title="Library opening hours")
    # The consultation case: citizens joined after design began and took no decisions.
    design_began = library.stage_changes.get(stage="design").changed_on
    citizens = library.memberships.filter(kind="experience")
    assert all(m.joined_on > design_began for m in citizens)
    assert not library.decisions.filter(positions__kind="experience").exists()
