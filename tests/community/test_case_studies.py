"""Case studies: written by staff who run a published project, stage by stage; the staircase
step and key figures come from the project's own record; two or three side by side."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from copro.community import services
from copro.community.models import CaseStudy
from copro.projects.evidence.placement import placement_refresh, project_evidence
from tests.community.world import make_case_study, make_published_project
from tests.projects.factories import MembershipFactory, ProjectFactory


def test_only_a_published_project_can_become_a_case_study(world):
    private = ProjectFactory(visibility="signed_in")
    with pytest.raises(ValidationError, match="Only a published project"):
        make_case_study(private, world.staff)
    with pytest.raises(ValidationError, match="already has a case study"):
        make_case_study(world.project, world.staff)


def test_a_case_study_needs_at_least_one_stage(world):
    project = make_published_project(world.staff)
    with pytest.raises(ValidationError, match="at least one stage"):
        services.case_study_save(
            project=project, by=world.staff, fields={"summary": "x", "idea": " "}, publish=True
        )


def test_publishing_stamps_the_date_once_and_a_draft_can_follow(world):
    draft = world.draft
    assert draft.published_at is None
    services.case_study_save(
        project=draft.project, case_study=draft, by=world.staff, fields={}, publish=True
    )
    first = CaseStudy.objects.get(pk=draft.pk).published_at
    assert first is not None
    services.case_study_save(
        project=draft.project, case_study=draft, by=world.staff, fields={}, publish=True
    )
    assert CaseStudy.objects.get(pk=draft.pk).published_at == first
    services.case_study_save(
        project=draft.project, case_study=draft, by=world.staff, fields={}, publish=False
    )
    assert CaseStudy.objects.get(pk=draft.pk).status == "draft"


def test_the_service_ignores_fields_it_was_not_offered(world):
    services.case_study_save(
        project=world.project,
        case_study=world.case_study,
        by=world.staff,
        fields={"status": "draft", "project_id": world.other_project.pk, "design": "We voted."},
        publish=True,
    )
    world.case_study.refresh_from_db()
    assert world.case_study.project == world.project
    assert world.case_study.status == "published"
    assert world.case_study.design == "We voted."


def test_the_page_shows_the_step_from_the_record_and_each_stage(client, world, sign_in):
    sign_in(world.practitioner)
    response = client.get(reverse("community:case_study", kwargs={"pk": world.case_study.pk}))
    step = project_evidence(project=world.project).step
    assert f"step {step.order} of 7: {step.name}" in response.text
    assert "We met first." in response.text
    assert "Began 2 March 2026" in response.text  # design, from the project's stage changes
    assert "Key figures" in response.text


def test_staff_write_and_publish_a_case_study_through_the_form(client, world, sign_in):
    project = make_published_project(world.staff, title="Bus stops")
    sign_in(world.staff)
    page = client.get(reverse("community:case_study_new"))
    assert "Bus stops" in page.text and "Short breaks" not in page.text  # already has one
    response = client.post(
        reverse("community:case_study_new"),
        {
            "project": project.pk,
            "summary": "Bus stops for everyone.",
            "design": "Wheelchair users tried out models of the stop.",
            "publish": "publish",
        },
    )
    case_study = CaseStudy.objects.get(project=project)
    assert response.status_code == 302 and response["Location"] == case_study.get_absolute_url()
    assert case_study.is_published and case_study.created_by == world.staff


def test_io9_a_case_study_without_any_stage_is_refused_beside_the_field(client, world, sign_in):
    project = make_published_project(world.staff)
    sign_in(world.staff)
    response = client.post(
        reverse("community:case_study_new"),
        {"project": project.pk, "summary": "", "publish": "maybe"},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Say what the project set out to do" in response.text
    assert "Say what the project did in at least one stage" in response.text
    assert "Select a valid choice" in response.text or "Choose whether" in response.text
    assert response.text.count("govuk-error-message") >= 3
    assert not CaseStudy.objects.filter(project=project).exists()


def _third(world):
    project = make_published_project(world.staff, title="Bus stops")
    return make_case_study(project, world.staff, design="We built models.")


def test_compare_puts_two_or_three_side_by_side_stage_by_stage(client, world, sign_in):
    third = _third(world)
    for project in (world.project, third.project):
        placement_refresh(project=project)
    sign_in(world.practitioner)
    response = client.get(reverse("community:compare"), {"ids": [world.case_study.pk, third.pk]})
    assert response.status_code == 200
    table = response.text.split("<table", 1)[1].split("</table>", 1)[0]
    for label in ("Step on the staircase", "Idea", "Design", "Delivery", "Evaluation"):
        assert f'<th scope="row" class="govuk-table__header">{label}</th>' in table
    assert "Short breaks" in table and "Bus stops" in table
    assert "We built models." in table and "We met first." in table
    assert "The project did not reach this stage." in table  # evaluation, for both


@pytest.mark.parametrize("count", [0, 1, 4])
def test_compare_needs_two_or_three(client, world, sign_in, count):
    others = [_third(world)]
    for title in ("Parks", "Schools"):
        others.append(
            make_case_study(make_published_project(world.staff, title=title), world.staff)
        )
    ids = [world.case_study.pk, *[c.pk for c in others]][:count]
    sign_in(world.practitioner)
    response = client.get(reverse("community:compare"), {"ids": ids} if count else {"ids": ""})
    assert response.status_code == 200
    assert "<table" not in response.text
    assert "Choose" in response.text and "There is a problem" in response.text


def test_io10_compare_with_hostile_ids_never_fails(client, world, sign_in):
    sign_in(world.practitioner)
    for ids in (["x"], ["1 OR 1=1"], ["-1", "-1"], ["9" * 40], [str(world.case_study.pk)] * 3):
        response = client.get(reverse("community:compare"), {"ids": ids})
        assert response.status_code == 200
        assert "<table" not in response.text


def test_compare_without_javascript_is_a_plain_get_form(client, world, sign_in):
    sign_in(world.practitioner)
    page = client.get(reverse("community:case_studies")).text
    assert 'name="ids" type="checkbox"' not in page  # one to compare is not enough
    third = _third(world)
    page = client.get(reverse("community:case_studies")).text
    assert '<form method="get" action="/community/case-studies/compare/"' in page
    for case_study in (world.case_study, third):
        assert f'name="ids" type="checkbox" value="{case_study.pk}"' in page


def _many(world, n):
    studies = []
    for number in range(n):
        project = make_published_project(world.staff, title=f"Project {number}")
        placement_refresh(project=project)
        studies.append(make_case_study(project, world.staff))
    return studies


def test_the_list_has_bounded_queries(client, world, sign_in, django_assert_max_num_queries):
    _many(world, 12)
    sign_in(world.practitioner)
    # Five today (session, user, the Community of Practice check, the case studies with the
    # step of their latest placement, "may this person write one?"), whatever the number.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("community:case_studies"))
    assert response.text.count('name="ids" type="checkbox"') == 13


def test_compare_and_a_case_study_have_bounded_queries(
    client, world, sign_in, django_assert_max_num_queries
):
    small = _many(world, 3)
    big = make_published_project(world.staff, title="Big")
    for _ in range(30):
        MembershipFactory(project=big)
    big_study = make_case_study(big, world.staff)
    sign_in(world.practitioner)
    # The evidence engine reads twelve queries per project, whatever its size, and three
    # projects at most are compared: 42 today for three, 16 for one case study.
    with django_assert_max_num_queries(47):  # + unread notifications, + current reciprocity
        client.get(reverse("community:compare"), {"ids": [s.pk for s in small]})
    with django_assert_max_num_queries(47):  # + unread notifications, + current reciprocity
        client.get(reverse("community:compare"), {"ids": [small[0].pk, small[1].pk, big_study.pk]})
    with django_assert_max_num_queries(18):
        client.get(reverse("community:case_study", kwargs={"pk": big_study.pk}))


def test_the_lead_changes_and_unpublishes_a_case_study(client, world, sign_in):
    sign_in(world.staff)
    url = reverse("community:case_study_edit", kwargs={"pk": world.case_study.pk})
    assert "We met first." in client.get(url).text
    response = client.post(
        url,
        {"summary": "Changed.", "idea": "We met first.", "evaluation": "", "publish": "draft"},
    )
    assert response.status_code == 302
    world.case_study.refresh_from_db()
    assert world.case_study.summary == "Changed." and world.case_study.status == "draft"
    sign_in(world.practitioner)
    page = client.get(reverse("community:case_study", kwargs={"pk": world.case_study.pk}))
    assert page.status_code == 404
