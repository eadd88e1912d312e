"""The evidence page: who may see it (AZ-1, AZ-11), what it shows, and a query count that does not
grow with the project (3 and 30 members, decisions and ideas)."""

import re

import pytest
from django.test.html import parse_html

from copro.framework.models import StaircaseStep, Statement
from copro.projects.evidence.placement import placement_refresh
from copro.projects.models import Membership, SelfAssessment
from tests.people.factories import UserFactory
from tests.projects.factories import (
    ContributionFactory,
    D,
    DecisionFactory,
    MembershipFactory,
    PositionFactory,
    project_with_history,
)

STAGES = (("idea", D(2026, 1, 12)), ("design", D(2026, 2, 9)), ("delivery", D(2026, 6, 1)))


@pytest.fixture
def consultation(db):
    """Citizens joined after design; staff took every decision; ideas answered, none adopted."""
    project = project_with_history(
        stages=STAGES,
        experts=2,
        experts_join=D(2026, 5, 4),
        decisions=(("design", False), ("delivery", False), ("delivery", False)),
        ideas=(("delivery", "not_adopted"), ("delivery", "not_adopted")),
    )
    project.title = "Library opening hours"
    project.save()
    placement_refresh(project=project)
    return project


def same_page(content: bytes) -> str:
    """The page without what changes on every request (the CSRF token and the CSP nonce)."""
    return re.sub(r'(nonce|content|value)="[^"]*"', r'\1=""', content.decode())


def url(project) -> str:
    return f"/projects/{project.pk}/evidence/"


def member(project, kind=Membership.Kind.EXPERIENCE):
    return project.memberships.filter(kind=kind).first().user


@pytest.mark.django_db
def test_az1_an_outsider_gets_404_identical_to_a_missing_project(client, consultation):
    client.force_login(UserFactory())
    response = client.get(url(consultation))
    assert response.status_code == 404
    assert b"Library opening hours" not in response.content
    missing = client.get("/projects/999999/evidence/")
    assert missing.status_code == 404
    assert same_page(missing.content) == same_page(response.content)


@pytest.mark.django_db
def test_az1_a_member_of_another_project_gets_404(client, consultation):
    other = project_with_history(stages=STAGES)
    client.force_login(member(other))
    assert client.get(url(consultation)).status_code == 404


@pytest.mark.django_db
def test_a_member_sees_the_evidence(client, consultation):
    client.force_login(member(consultation))
    assert client.get(url(consultation)).status_code == 200


@pytest.mark.django_db
def test_az11_anonymous_people_are_asked_to_sign_in_for_a_private_or_missing_project(
    client, consultation
):
    for path in (url(consultation), "/projects/999999/evidence/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/sign-in/")


@pytest.mark.django_db
def test_az11_anonymous_people_see_a_published_project(client, consultation):
    consultation.visibility = "public"
    consultation.save()
    assert client.get(url(consultation)).status_code == 200


@pytest.mark.django_db
def test_post_is_not_allowed(client, consultation):
    client.force_login(member(consultation))
    assert client.post(url(consultation)).status_code == 405


@pytest.mark.django_db
def test_the_page_shows_the_step_signals_warnings_medians_scorecard_and_trend(client, consultation):
    citizen = member(consultation)
    staff = member(consultation, Membership.Kind.QUALIFICATION)
    for user, kind, slug in [
        (citizen, "experience", "consult"),
        (staff, "qualification", "co-produce"),
    ]:
        SelfAssessment.objects.create(
            project=consultation, user=user, kind=kind, step=StaircaseStep.objects.get(slug=slug)
        )
    client.force_login(citizen)
    body = client.get(url(consultation)).content.decode()
    html = parse_html(body)
    current = '<li class="app-staircase__step app-staircase__step--current" aria-current="step">'
    assert body.count(current) == 1
    assert html.count(
        parse_html(
            '<span class="app-staircase__title">'
            '<span class="govuk-visually-hidden">Step 4: </span>Consult</span>'
        )
    )
    assert "The record puts the project here" in body
    assert "step 4 of 7: Consult" in body
    # Signals with value, threshold and reason.
    assert "0 of 3 decisions (0% by weight)" in body
    assert "Most decisions (75% or more, weighed by what they are about) had a real voice" in body
    assert "No data yet: this comes from meetings, and none has been held yet." in body
    # Warnings quote the guidance.
    assert Statement.objects.get(slug="not-consultation").explanation in body
    assert "Co-production is not: <strong>A consultation.</strong>" in body
    # Members' own views, the gap in plain words, the principles and the trend.
    assert "Step 4: Consult" in body and "Step 7: Co-produce" in body
    assert "Staff see this as co-production; citizens see it as consultation." in body
    assert "The four principles" in body and "would come from equality monitoring" in body
    assert "Experts by qualification (staff) put this project at step 7" in body
    assert "Changes over time" in body and "Decisions taken without experts by experience" in body
    assert f'href="/projects/{consultation.pk}/self-assessment/"' in body
    # Rules version 2: how the evidence was entered, and the method in the open.
    assert "How the evidence was entered" in body and "Waiting for their word" in body
    assert 'href="/projects/how-the-step-is-worked-out/"' in body and "rules version 2" in body


@pytest.mark.django_db
def test_the_page_says_not_enough_evidence_yet_and_what_is_missing(client):
    empty = project_with_history(stages=STAGES, visibility="public")
    body = client.get(url(empty)).content.decode()
    assert "Not enough evidence yet." in body
    assert "3 or more decisions that matter" in body
    assert "The record puts this project at" not in body


@pytest.mark.django_db
def test_the_page_says_which_principle_holds_the_project_down_and_what_would_lift_it(client):
    staff_only = project_with_history(
        stages=STAGES, experts=0, visibility="public", decisions=(("design", False),) * 3
    )
    body = client.get(url(staff_only)).content.decode()
    assert "What holds it down" in body
    assert "What would lift it:</strong> More experts by experience as members" in body


@pytest.mark.django_db
def test_io1_titles_from_the_record_are_escaped(client, consultation):
    # Decided first, so it is among the three titles the warning names.
    DecisionFactory(
        project=consultation,
        decided=True,
        decided_on=D(2026, 2, 10),
        stage="design",
        title='<script>alert("x")</script>',
    )
    client.force_login(member(consultation))
    body = client.get(url(consultation)).content.decode()
    assert '<script>alert("x")</script>' not in body
    assert "&lt;script&gt;" in body


@pytest.mark.django_db
def test_the_summary_include_renders_on_its_own(rf, consultation):
    from django.template.loader import render_to_string

    from copro.projects.evidence.placement import project_evidence

    html = render_to_string(
        "projects/evidence/summary.html", {"evidence": project_evidence(project=consultation)}
    )
    assert 'aria-current="step"' in html
    assert "step 4 of 7: Consult" in html
    assert "2 signs of faux-production" in html
    assert f'href="/projects/{consultation.pk}/evidence/"' in html


def grow(project, n):
    lead = project.memberships.get(kind=Membership.Kind.QUALIFICATION)
    for i in range(n):
        citizen = MembershipFactory(project=project, joined_on=D(2026, 1, 12))
        decision = DecisionFactory(project=project, decided=True, stage="design")
        PositionFactory.for_member(decision, citizen)
        PositionFactory.for_member(decision, lead)
        ContributionFactory.for_member(citizen, stage="design", status="adopted")
        SelfAssessment.objects.create(
            project=project,
            user=citizen.user,
            kind=citizen.kind,
            step=StaircaseStep.objects.get(order=1 + i % 7),
        )
    placement_refresh(project=project)


@pytest.mark.django_db
def test_query_count_is_the_same_for_3_and_for_30(client, django_assert_max_num_queries):
    counts = []
    for n in (3, 30):
        project = project_with_history(stages=STAGES, decisions=(("idea", False),))
        grow(project, n)
        client.force_login(member(project, Membership.Kind.QUALIFICATION))
        # 15: session, user, project; the evidence: steps, stage changes, experts, decisions,
        # titles of those taken without experts, participation, ideas, answer times,
        # self-assessments, statements; the trend; the viewer's membership
        with django_assert_max_num_queries(20) as captured:
            assert client.get(url(project)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
