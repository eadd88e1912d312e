"""Between meetings in a browser, with axe: a member starts a conversation on a draft paper,
others reply (one without JavaScript), a post is reported and hidden with a reason, and the
thread is summarised into an idea; a time poll picks a meeting time; a safeguarding concern
reaches the lead and nobody else."""

import datetime

import pytest
from django.utils import timezone

from copro.conversations import services
from copro.conversations.models import Moderator, Post, Thread
from copro.meetings.models import Meeting
from copro.projects.models import Contribution
from copro.safeguarding.models import Concern, SafeguardingLead
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import sign_in, sign_out
from tests.meetings.world import a_paper, plan
from tests.people.factories import PASSWORD, UserFactory
from tests.projects.factories import MembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _project():
    project = ProjectFactory(title="Better bus stops")
    lead = UserFactory(display_name="Lou")  # a citizen who runs the project
    asha = UserFactory(display_name="Asha")
    ben = UserFactory(display_name="Ben")
    MembershipFactory(project=project, user=lead, role="lead")
    MembershipFactory(project=project, user=asha)
    MembershipFactory(project=project, user=ben)
    return project, lead, asha, ben


def test_a_conversation_on_a_draft_paper_is_moderated_and_becomes_an_idea(page):
    project, lead, asha, ben = _project()
    meeting = plan(project, lead, None, format="online", online_link="https://meet.example/a")
    paper = a_paper(meeting, lead, title="Draft bus stop plan")
    mo = UserFactory(display_name="Mo")
    Moderator.objects.create(user=mo, project=project)

    sign_in(page, asha)
    page.goto(f"/conversations/project/{project.pk}/?paper={paper.pk}")
    page.get_by_role("heading", name="Conversations").wait_for()
    assert page.get_by_text("It will be about the paper").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Start the conversation").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("What do you want to talk about?").fill("The draft plan")
    page.get_by_label("Your first post").fill("Page 2 is hard to follow. <b>Shorter</b>, please.")
    page.get_by_role("button", name="Start the conversation").click()
    page.get_by_role("heading", name="The draft plan").wait_for()
    assert page.get_by_text("<b>Shorter</b>", exact=False).is_visible()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, ben)
    thread = Thread.objects.get()
    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name="Quote the post by Asha").click()
    page.get_by_label("Your reply").fill("People who cannot read should stay at home.")
    page.get_by_role("button", name="Send your reply").click()
    page.get_by_text("Your reply has been added.").wait_for()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, asha)
    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name="Report the post by Ben").click()
    page.get_by_label("What is wrong with this post?").fill("It puts people down.")
    page.get_by_role("button", name="Send the report").click()
    page.get_by_text("A moderator will look at it.").wait_for()
    sign_out(page)

    sign_in(page, mo)
    page.goto("/conversations/moderation/reports/")
    page.get_by_role("heading", name="Reports to look at").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Look at the post").click()
    page.get_by_role("link", name="Hide the post by Ben").click()
    page.get_by_label("Why are you hiding it?").fill("It puts other members down.")
    page.get_by_role("button", name="Hide it").click()
    page.get_by_text("The post is hidden.").wait_for()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, lead)
    page.goto(thread.get_absolute_url())
    assert page.get_by_text("A moderator has hidden this post").is_visible()
    assert "stay at home" not in page.locator("main").inner_text()
    page.get_by_role("link", name="Close the conversation with a summary").click()
    page.get_by_label("Summary of what was said").fill("Make page 2 shorter, with a table.")
    page.get_by_role("button", name="Close it with this summary").click()
    page.get_by_text("The conversation is closed").wait_for()
    page.get_by_role("button", name="Make the summary an idea").click()
    page.get_by_text("The summary is now an idea").wait_for()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, ben)
    page.goto(thread.get_absolute_url())
    assert page.get_by_text("It puts other members down.").is_visible()  # the author sees why
    assert Post.objects.get(author=ben).status == "hidden"
    assert Thread.objects.get().idea == Contribution.objects.get()


def test_replying_works_without_javascript(page_without_js):
    page = page_without_js
    project, _lead, asha, ben = _project()
    thread = services.thread_start(project=project, title="Shelters", body="Any?", by=asha)
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(ben.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    page.goto(thread.get_absolute_url())
    page.get_by_label("Your reply").fill("The one by the park leaks.")
    page.get_by_role("button", name="Send your reply").click()
    page.get_by_text("Your reply has been added.").wait_for()
    assert thread.posts.count() == 2


def test_a_time_poll_picks_the_meeting_time(page):
    project, lead, asha, ben = _project()
    start = (timezone.now() + datetime.timedelta(days=20)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    poll = services.poll_open(
        project=project,
        question="Next meeting",
        times=[start, start + datetime.timedelta(days=1)],
        closes_at=timezone.now() + datetime.timedelta(days=5),
        by=lead,
    )
    for person, answers in ((asha, ("no", "yes")), (ben, ("yes", "if_need_be"))):
        sign_in(page, person)
        page.goto(poll.get_absolute_url())
        page.get_by_role("heading", name="Next meeting").wait_for()
        assert page.get_by_text("A poll is not a decision.").is_visible()
        assert_accessible(page)
        for fieldset, answer in zip(page.locator("form fieldset").all(), answers, strict=True):
            fieldset.get_by_label({"yes": "Yes", "no": "No"}.get(answer, "If need be")).check()
        page.get_by_role("button", name="Save my answers").click()
        page.get_by_text("Your answers have been saved.").wait_for()
        sign_out(page)

    sign_in(page, lead)
    page.goto(poll.get_absolute_url())
    assert_accessible(page)
    page.get_by_label("Link to join online").fill("https://meet.example/next")
    page.get_by_role("button", name="Plan the meeting at this time").click()
    page.get_by_text("The meeting has been planned at the chosen time.").wait_for()
    assert_accessible(page)
    meeting = Meeting.objects.get()
    # Asha, an expert by experience, can come to the second time; it counts for more.
    assert meeting.starts_at == start + datetime.timedelta(days=1)


def test_a_safeguarding_concern_reaches_the_lead_and_nobody_else(page):
    project, lead, asha, ben = _project()
    sam = UserFactory(display_name="Sam")
    SafeguardingLead.objects.create(user=sam)
    sign_in(page, asha)
    page.get_by_role("link", name="I'm worried about someone").click()
    page.get_by_role("heading", name="I'm worried about someone").wait_for()
    assert_accessible(page)
    page.get_by_label("What worries you?").fill("Ben said he has not eaten for days.")
    page.get_by_role("button", name="Send to the safeguarding team").click()
    page.get_by_text("The safeguarding team has been told.").wait_for()
    assert_accessible(page)
    concern = Concern.objects.get()
    sign_out(page)

    for person in (lead, ben):
        sign_in(page, person)
        response = page.goto(concern.get_absolute_url())
        assert response.status == 404
        sign_out(page)

    sign_in(page, sam)
    page.goto("/safeguarding/concerns/")
    page.get_by_role("heading", name="Safeguarding concerns").wait_for()
    assert_accessible(page)
    assert page.locator(f'a[href="{concern.get_absolute_url()}"]').count() == 1
    page.goto(concern.get_absolute_url())
    page.get_by_text("Ben said he has not eaten for days.").wait_for()
    assert_accessible(page)
    assert concern.views.filter(viewer=sam).exists()
