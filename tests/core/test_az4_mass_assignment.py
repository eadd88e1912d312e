"""AZ-4: nobody can set a field they were not offered. Every form names its fields; extra keys
in a form post or an API body change nothing."""

import ast
from pathlib import Path

import pytest
from django.test import Client

from copro.people.models import User
from copro.projects.models import Contribution, Project
from tests.projects.world import make_world

SOURCE = Path(__file__).resolve().parents[2] / "copro"


def _meta_problems(tree: ast.AST, path: Path) -> list[str]:
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef) or node.name != "Meta":
            continue
        for statement in node.body:
            if not isinstance(statement, ast.Assign):
                continue
            names = {t.id for t in statement.targets if isinstance(t, ast.Name)}
            if "exclude" in names:
                problems.append(f"{path}: Meta.exclude (name the fields instead)")
            value = statement.value
            if "fields" in names and isinstance(value, ast.Constant) and value.value == "__all__":
                problems.append(f"{path}: fields = '__all__'")
    return problems


def test_az4_the_checker_finds_all_and_exclude():
    code = (
        "class F:\n class Meta:\n  fields = '__all__'\nclass G:\n class Meta:\n  exclude = ['x']\n"
    )
    assert len(_meta_problems(ast.parse(code), Path("x.py"))) == 2


def test_az4_no_form_or_schema_takes_all_fields_or_excludes_some():
    problems = []
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        problems += _meta_problems(ast.parse(path.read_text()), path.relative_to(SOURCE))
    assert problems == []


@pytest.fixture
def world(db):
    return make_world()


def test_az4_extra_keys_in_a_form_post_change_nothing(world):
    client = Client()
    client.force_login(world.citizen_a)
    project = world.project_a
    response = client.post(
        f"/projects/{project.pk}/you-said-we-did/",
        {
            "kind": "idea",
            "text": "Meet in the evening.",
            # Not offered on the form:
            "status": "adopted",
            "response": "Done already.",
            "raised_by": world.lead_a.pk,
            "project": world.project_b.pk,
            "is_staff": "on",
        },
    )
    assert response.status_code == 302
    idea = Contribution.objects.get(text="Meet in the evening.")
    assert idea.status == "waiting" and idea.response == ""
    assert idea.raised_by == world.citizen_a and idea.project == project
    assert not User.objects.get(pk=world.citizen_a.pk).is_staff


def test_az4_extra_keys_in_an_api_body_change_nothing(world):
    client = Client()
    client.force_login(world.citizen_a)
    response = client.post(
        f"/api/v1/projects/{world.project_a.pk}/contributions",
        {
            "kind": "concern",
            "text": "The room is too far.",
            "status": "adopted",
            "raised_by": world.lead_a.pk,
            "project_id": world.project_b.pk,
        },
        content_type="application/json",
    )
    assert response.status_code in {201, 422}
    if response.status_code == 201:
        concern = Contribution.objects.get(text="The room is too far.")
        assert concern.status == "waiting" and concern.raised_by == world.citizen_a
        assert concern.project == world.project_a
    assert not Contribution.objects.filter(project=world.project_b).exists()


def test_az4_a_member_cannot_change_the_projects_visibility_or_stage_by_posting(world):
    client = Client()
    client.force_login(world.citizen_a)  # a member, but not the person running it
    project = world.project_a
    before = Project.objects.values("visibility", "stage", "title").get(pk=project.pk)
    for path, data in [
        (f"/projects/{project.pk}/edit/", {"title": "Taken over", "visibility": "public"}),
        (f"/projects/{project.pk}/stage/", {"stage": "closed", "changed_on": "2026-11-01"}),
    ]:
        assert client.post(path, data).status_code == 404
    assert Project.objects.values("visibility", "stage", "title").get(pk=project.pk) == before
