"""The thresholds are one dict of defaults; STAIRCASE_RULES overrides them, and a wrong value
fails loudly."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from copro.projects.evidence.placement import project_evidence
from copro.projects.evidence.thresholds import DEFAULT_RULES, thresholds
from tests.projects.factories import D, project_with_history


def test_rule_settings_defaults_apply_without_the_setting(settings):
    settings.STAIRCASE_RULES = {}
    assert thresholds() == DEFAULT_RULES


@pytest.mark.django_db
def test_rule_settings_override_moves_the_line(settings):
    project = project_with_history(
        stages=(("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2))),
        decisions=(("design", True), ("design", False)),
    )
    assert project_evidence(project=project).step.slug == "co-design"
    settings.STAIRCASE_RULES = {"codesign_shared_decisions": 0.6}
    assert project_evidence(project=project).step.slug == "engage"


@pytest.mark.parametrize(
    "override",
    [
        {"no_such_rule": 1},
        {"balance": 1.5},
        {"balance": "half"},
        {"response_days": 2.5},
        {"codesign_shared_decisions": 0.9},  # above co-produce's 0.75
    ],
)
def test_rule_settings_wrong_values_fail_loudly(settings, override):
    settings.STAIRCASE_RULES = override
    with pytest.raises(ImproperlyConfigured):
        thresholds()
