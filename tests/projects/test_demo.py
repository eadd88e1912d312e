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
    # Four projects here, and three for the evidence rules (copro/reciprocity/demo_evidence.py).
    assert counts[0] == 7
    library = Project.objects.get(title="Library opening hours")
    # The consultation case: citizens joined after design began and took no decisions.
    design_began = library.stage_changes.get(stage="design").changed_on
    citizens = library.memberships.filter(kind="experience")
    assert all(m.joined_on > design_began for m in citizens)
    # The only positions of experts by experience are ones the lead typed in for them from phone
    # calls (copro/voice/demo.py), not yet confirmed or contested: none counts as evidence.
    from copro.core.provenance import counted_q
    from copro.projects.models import Position

    citizen_positions = Position.objects.filter(decision__project=library, kind="experience")
    assert citizen_positions.exists() and not citizen_positions.filter(counted_q()).exists()


@pytest.mark.django_db
def test_evd_demo_shows_co_production_reciprocity_holding_down_and_not_enough(settings, tmp_path):
    from copro.projects.evidence.placement import project_evidence

    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")

    def evidence(title):
        return project_evidence(project=Project.objects.get(title=title))

    genuine = evidence("Home from hospital")
    assert genuine.step.slug == "co-produce" and genuine.confidence.enough
    statuses = {p.slug: p.status for p in genuine.scorecard}
    assert statuses == {
        "equality": "shown",
        "diversity": "no_data",
        "access": "shown",
        "reciprocity": "shown",
    }
    assert genuine.warnings == []

    expenses = evidence("Home care visits")
    assert expenses.step.slug == "engage"
    assert [p.slug for p in expenses.held_by] == ["reciprocity"]

    started = evidence("Welcome pack for new tenants")
    assert not started.confidence.enough
