"""The tips checklist, values and skills check-ins with their chart, and the journal: what a
person sees, how answers change over time, links to more information, bounded queries and
IO-1 (what people write is shown as text)."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from copro.framework.models import LitmusQuestion, Skill, StaircaseStep, Tip, Value
from copro.learning import services_growth
from copro.learning.models import JournalEntry, RecipeCheckIn, TipCheckIn
from tests.learning.world import complete, make_world

PAYLOAD = '"><svg onload=alert(1)><script>alert(2)</script>{{ x }}'


def tips_post(more: set[str]) -> dict:
    return {
        f"tip_{t.pk}": "more_information" if t.slug in more else "confident"
        for t in Tip.objects.all()
    }


def recipe_post(rating_for) -> dict:
    data = {f"value_{v.pk}": str(rating_for(i)) for i, v in enumerate(Value.objects.all())}
    data |= {f"skill_{s.pk}": str(rating_for(i)) for i, s in enumerate(Skill.objects.all())}
    return data


def days_ago(n: int):
    return time_machine.travel(timezone.now() - datetime.timedelta(days=n), tick=False)


# --- Tips -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_tips_check_in_saves_every_answer_and_links_to_matching_resources(client, citizen_a):
    client.force_login(citizen_a)
    assert Tip.objects.count() == 7
    response = client.post(reverse("learning:tips_new"), tips_post({"sharing-power"}))
    check_in = TipCheckIn.objects.get(person=citizen_a)
    assert response["Location"] == check_in.get_absolute_url()
    assert check_in.answers.filter(answer="more_information").get().tip.slug == "sharing-power"
    page = client.get(response["Location"]).content.decode()
    assert 'href="/learn/staircase/"' in page  # the Learn page about sharing power
    assert "Book training: Level 2" in page
    assert "It opens when you complete Level 3" in page  # toolkit not open yet
    assert page.count("To find out more") == 1  # only the tip that asked for more


@pytest.mark.django_db
def test_tips_more_information_shows_toolkit_entries_once_level_3_is_completed(client, citizen_a):
    from copro.learning.models import ToolkitEntry

    world = make_world()
    complete(citizen_a, world.level_3, world.ambassador)
    ToolkitEntry.objects.create(
        title="Sharing power: what it looks like",
        kind="link",
        description="d",
        url="https://example.org/x",
    )
    client.force_login(citizen_a)
    response = client.post(reverse("learning:tips_new"), tips_post({"sharing-power"}), follow=True)
    assert "In the toolkit: Sharing power: what it looks like" in response.content.decode()


@pytest.mark.django_db
def test_tips_form_without_answers_shows_an_error_summary_and_saves_nothing(client, citizen_a):
    client.force_login(citizen_a)
    data = tips_post(set())
    del data[f"tip_{Tip.objects.get(slug='clear-communication').pk}"]
    data[f"tip_{Tip.objects.get(slug='sharing-power').pk}"] = "maybe"
    page = client.post(reverse("learning:tips_new"), data).content.decode()
    assert "There is a problem" in page
    assert "Choose how you feel about clear communication" in page
    assert "Choose one of the answers for being able to share power" in page
    assert TipCheckIn.objects.count() == 0


@pytest.mark.django_db
def test_tips_history_shows_how_answers_changed_across_check_ins(client, citizen_a, citizen_b):
    with days_ago(90):
        services_growth.tips_check_in(
            person=citizen_a,
            answers={t.pk: "more_information" for t in Tip.objects.all()},
        )
    services_growth.tips_check_in(
        person=citizen_a, answers={t.pk: "confident" for t in Tip.objects.all()}
    )
    services_growth.tips_check_in(
        person=citizen_b, answers={t.pk: "confident" for t in Tip.objects.all()}
    )
    client.force_login(citizen_a)
    page = client.get(reverse("learning:tips")).content.decode()
    row = page.split("Being able to share power</th>")[1].split("</tr>")[0]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", row) == [
        "I&#x27;d like more information",
        "I&#x27;m confident",
    ]
    linked = {int(pk) for pk in re.findall(r"/learning/tips/(\d+)/", page)}
    assert linked == set(TipCheckIn.objects.filter(person=citizen_a).values_list("pk", flat=True))


# --- Values and skills ----------------------------------------------------------------------


@pytest.mark.django_db
def test_recipe_check_in_rates_every_value_and_skill(client, citizen_a):
    client.force_login(citizen_a)
    page = client.get(reverse("learning:recipe_new")).content.decode()
    assert page.count('type="radio"') == 3 * (Value.objects.count() + Skill.objects.count())
    response = client.post(reverse("learning:recipe_new"), recipe_post(lambda i: 1 + i % 3))
    check_in = RecipeCheckIn.objects.get(person=citizen_a)
    assert response["Location"] == check_in.get_absolute_url()
    assert check_in.ratings.count() == Value.objects.count() + Skill.objects.count()
    detail = client.get(response["Location"]).content.decode()
    assert "Believing everyone is equal" in detail and "Getting there" in detail


@pytest.mark.django_db
def test_recipe_form_missing_a_rating_saves_nothing(client, citizen_a):
    client.force_login(citizen_a)
    data = recipe_post(lambda i: 2)
    data.pop(f"skill_{Skill.objects.get(slug='resilience').pk}")
    page = client.post(reverse("learning:recipe_new"), data).content.decode()
    assert "Choose how you rate yourself on resilience" in page
    assert RecipeCheckIn.objects.count() == 0


def _grow(person) -> None:
    for ago, rating in ((120, 1), (60, 2), (0, 3)):
        with days_ago(ago):
            services_growth.recipe_check_in(
                person=person,
                values={pk: rating for pk in Value.objects.values_list("pk", flat=True)},
                skills={
                    pk: max(1, rating - 1) for pk in Skill.objects.values_list("pk", flat=True)
                },
            )


@pytest.mark.django_db
def test_growth_chart_is_an_accessible_svg_with_the_same_figures_as_its_table(client, citizen_a):
    _grow(citizen_a)
    client.force_login(citizen_a)
    page = client.get(reverse("learning:recipe")).content.decode()
    svg = page.split("<svg")[1].split("</svg>")[0]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "<script" not in svg
    bars = [int(v) for v in re.findall(r'data-value="(\d+)"', svg)]
    figures = re.findall(r'class="app-chart__figure"[^>]*>([^<]+)<', svg)
    values = Value.objects.count()
    assert bars == [0, 0, values]  # oldest first: confident about every value at the end
    assert figures[-1] == f"{values} of {values + Skill.objects.count()} confident"
    table = page.split("the figures in the chart</caption>")[1].split("</table>")[0]
    confident = [
        int(row.split("</td>")[0].rsplit(">", 1)[1]) for row in table.split("data-check-in=")[1:]
    ]
    assert confident == bars


@pytest.mark.django_db
def test_recipe_page_shows_only_the_persons_own_check_ins(client, citizen_a, citizen_b):
    _grow(citizen_a)
    services_growth.recipe_check_in(
        person=citizen_b,
        values={pk: 3 for pk in Value.objects.values_list("pk", flat=True)},
        skills={pk: 3 for pk in Skill.objects.values_list("pk", flat=True)},
    )
    client.force_login(citizen_a)
    page = client.get(reverse("learning:recipe")).content.decode()
    linked = {int(pk) for pk in re.findall(r"/learning/values-and-skills/(\d+)/", page)}
    assert linked == set(
        RecipeCheckIn.objects.filter(person=citizen_a).values_list("pk", flat=True)
    )


# --- Journal --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_journal_entry_is_written_read_and_deleted_by_its_author(client, citizen_a):
    question = LitmusQuestion.objects.get(slug="my-language")
    client.force_login(citizen_a)
    form = client.get(reverse("learning:journal_new")).content.decode()
    assert "Could anything I say or write be misunderstood?" in form
    response = client.post(
        reverse("learning:journal_new"), {"question": question.pk, "reflection": PAYLOAD}
    )
    entry = JournalEntry.objects.get(person=citizen_a)
    assert response["Location"] == entry.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "<svg onload" not in page and "<script>alert(2)" not in page  # IO-1
    assert "&lt;svg onload=alert(1)&gt;" in page
    client.post(reverse("learning:journal_delete", kwargs={"pk": entry.pk}))
    assert not JournalEntry.objects.exists()


@pytest.mark.django_db
def test_journal_form_refuses_empty_and_unknown_questions(client, citizen_a):
    client.force_login(citizen_a)
    page = client.post(
        reverse("learning:journal_new"), {"question": "999999", "reflection": "   "}
    ).content.decode()
    assert "Choose a question from the list" in page and "Write your reflection" in page
    assert not JournalEntry.objects.exists()


# --- Bounded queries ------------------------------------------------------------------------


def _fill(person, n: int) -> None:
    steps = list(StaircaseStep.objects.order_by("order").values_list("slug", flat=True))
    for i in range(n):
        with days_ago(10 * (n - i)):
            services_growth.tips_check_in(
                person=person, answers={t.pk: "confident" for t in Tip.objects.all()}
            )
            services_growth.recipe_check_in(
                person=person,
                values={pk: 2 for pk in Value.objects.values_list("pk", flat=True)},
                skills={pk: 2 for pk in Skill.objects.values_list("pk", flat=True)},
            )
            services_growth.ordering_submit(person=person, placed=steps)
            services_growth.journal_entry_add(
                person=person, question=LitmusQuestion.objects.first(), reflection=f"Note {i}"
            )


PAGES = ["learning:tips", "learning:recipe", "learning:journal", "learning:ordering"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_growth_pages_use_the_same_number_of_queries_for_1_or_12_check_ins(
    client, citizen_a, citizen_b, django_assert_max_num_queries, name
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _fill(citizen_a, 1)
    _fill(citizen_b, 12)
    counts = []
    for person in (citizen_a, citizen_b):
        client.force_login(person)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    # Session and user (2), the page's own reads (at most 5: rows, their answers, the items).
    with django_assert_max_num_queries(9):
        client.get(reverse(name))


@pytest.mark.django_db
def test_tip_check_in_page_has_a_bounded_number_of_queries(
    client, citizen_a, django_assert_max_num_queries
):
    client.force_login(citizen_a)
    check_in = services_growth.tips_check_in(
        person=citizen_a, answers={t.pk: "more_information" for t in Tip.objects.all()}
    )
    # Session, user, check-in, answers with tips, Learn pages, levels, toolkit check, messages.
    with django_assert_max_num_queries(10):
        assert client.get(check_in.get_absolute_url()).status_code == 200
