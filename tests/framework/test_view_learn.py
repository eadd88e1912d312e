"""The public Learn pages: the index, each guidance page, the glossary and the about page."""

import pytest
from django.urls import reverse

from copro.framework.models import GlossaryTerm, LearnPage, StaircaseStep
from copro.framework.selectors import LEARN_PAGE_ORDER
from tests.framework.helpers import attr, find_all, find_one, page_tree, text

# (url, h1, number of SQL queries). Every page reads all the Learn pages in one query, for its
# title, body and "Previous"/"Next" links; the rest is one query per list the page shows.
PAGES = [
    # learn pages
    (reverse("framework:learn"), "Learn about co-production", 1),
    # learn pages; people kinds
    (reverse("framework:page", args=["what-is-co-production"]), "What is co-production?", 2),
    # learn pages; principles
    (reverse("framework:page", args=["principles"]), "The four principles", 2),
    # learn pages; staircase steps
    (reverse("framework:page", args=["staircase"]), "The staircase of interaction", 2),
    # learn pages; statements (both kinds)
    (reverse("framework:page", args=["is-and-is-not"]), "What co-production is and is not", 2),
    # learn pages; litmus questions (both areas); environment values; values; skills
    (reverse("framework:page", args=["right-environment"]), "The right environment", 5),
    # learn pages; seven steps; tips
    (reverse("framework:page", args=["seven-steps"]), "Getting started: seven steps", 3),
    # learn pages; glossary terms
    (reverse("framework:glossary"), "Words explained", 2),
    # learn pages; network groups
    (reverse("framework:about"), "About this service", 2),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "h1", "queries"), PAGES)
def test_anonymous_reader_sees_the_page_with_one_h1(
    client, django_assert_num_queries, url, h1, queries
):
    with django_assert_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200
    tree = page_tree(response)
    assert [text(heading) for heading in find_all(tree, "h1")] == [h1]
    assert text(find_one(tree, "title")) == f"{h1} - Working Together"


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "h1", "queries"), PAGES)
def test_post_is_not_allowed(client, url, h1, queries):
    assert client.post(url).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["no-such-page", "learn", "staircase-of-interaction"])
def test_unknown_page_gives_404(client, slug):
    response = client.get(reverse("framework:page", args=[slug]))

    assert response.status_code == 404


@pytest.mark.django_db
def test_learn_index_links_to_every_page_in_reading_order_with_its_summary(client):
    tree = page_tree(client.get(reverse("framework:learn")))

    cards = find_all(tree, "li", "app-card")
    pages = {page.slug: page for page in LearnPage.objects.all()}
    assert [attr(find_one(card, "a"), "href") for card in cards] == [
        pages[slug].get_absolute_url() for slug in LEARN_PAGE_ORDER
    ]
    assert text(cards[2]) == f"{pages['staircase'].title} {pages['staircase'].summary}"


@pytest.mark.django_db
def test_page_has_breadcrumbs_home_learn_page(client):
    tree = page_tree(client.get(reverse("framework:page", args=["principles"])))

    crumbs = find_all(find_one(tree, "nav", "govuk-breadcrumbs"), "li")
    assert [text(crumb) for crumb in crumbs] == ["Home", "Learn", "The four principles"]
    assert attr(crumbs[2], "aria-current") == "page"
    assert attr(find_one(crumbs[1], "a"), "href") == reverse("framework:learn")


@pytest.mark.django_db
def test_body_is_split_into_escaped_paragraphs(client):
    LearnPage.objects.filter(slug="seven-steps").update(
        body="First <b>line</b>\nstill first.\n\n  \nSecond & last."
    )

    response = client.get(reverse("framework:page", args=["seven-steps"]))

    content = response.content.decode()
    assert '<p class="govuk-body">First &lt;b&gt;line&lt;/b&gt; still first.</p>' in content
    assert '<p class="govuk-body">Second &amp; last.</p>' in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "previous", "next_"),
    [
        (reverse("framework:page", args=["what-is-co-production"]), None, "principles"),
        (reverse("framework:page", args=["staircase"]), "principles", "is-and-is-not"),
        (reverse("framework:page", args=["seven-steps"]), "right-environment", "glossary"),
        (reverse("framework:glossary"), "seven-steps", "about"),
        (reverse("framework:about"), "glossary", None),
    ],
)
def test_previous_and_next_links_follow_the_reading_order(client, url, previous, next_):
    tree = page_tree(client.get(url))

    nav = find_one(tree, "nav", "govuk-pagination--block")
    for rel, slug in (("prev", previous), ("next", next_)):
        links = find_all(nav, "a", rel=rel)
        if slug is None:
            assert links == []
        else:
            page = LearnPage.objects.get(slug=slug)
            assert [attr(link, "href") for link in links] == [page.get_absolute_url()]
            assert page.title in text(links[0])


@pytest.mark.django_db
def test_what_is_co_production_shows_both_kinds_of_expert_and_links_to_principles(client):
    response = client.get(reverse("framework:page", args=["what-is-co-production"]))

    tree = page_tree(response)
    assert [text(h) for h in find_all(tree, "h3")] == [
        "Expert by experience",
        "Expert by qualification",
    ]
    main_links = [attr(a, "href") for a in find_all(find_one(tree, "main"), "a")]
    assert reverse("framework:page", args=["principles"]) in main_links


@pytest.mark.django_db
def test_principles_page_shows_each_principle_with_in_practice_list(client):
    tree = page_tree(client.get(reverse("framework:page", args=["principles"])))

    headings = [text(h) for h in find_all(find_one(tree, "main"), "h2")]
    assert headings == ["1. Equality", "2. Diversity", "3. Access", "4. Reciprocity"]
    assert [text(h) for h in find_all(tree, "h3")] == ["In practice"] * 4
    access = find_one(tree, "div", "app-card", id="access")
    assert "Meet in places with step-free access and a hearing loop" in text(access)


@pytest.mark.django_db
def test_staircase_lists_the_seven_steps_in_order_inside_the_staircase(client):
    tree = page_tree(client.get(reverse("framework:page", args=["staircase"])))

    staircase = find_one(tree, "ol", "app-staircase")
    steps = find_all(staircase, "li", "app-staircase__step")
    assert [text(find_one(step, "h3")) for step in steps] == [
        f"Step {step.order}: {step.name}" for step in StaircaseStep.objects.order_by("order")
    ]
    assert [text(find_one(step, "h3")).split(": ")[1] for step in steps] == [
        "Coerce",
        "Educate",
        "Inform",
        "Consult",
        "Engage",
        "Co-design",
        "Co-produce",
    ]


@pytest.mark.django_db
def test_staircase_says_in_words_which_steps_share_power_and_which_is_the_top(client):
    tree = page_tree(client.get(reverse("framework:page", args=["staircase"])))

    steps = find_all(find_one(tree, "ol", "app-staircase"), "li", "app-staircase__step")
    labels = [text(find_one(step, "strong", "govuk-tag")) for step in steps]
    assert labels == ["Power not shared"] * 5 + ["Shares power"] * 2
    assert "This is the top step" in text(steps[6])
    assert "This is the bottom step" in text(steps[0])
    assert "Who has power:" in text(steps[3])
    assert "Example:" in text(steps[3])
    intro = text(find_one(tree, "main"))
    assert "Step 7 is the top of the staircase" in intro
    assert "Only step 6 (Co-design) and step 7 (Co-produce) really share power" in intro


@pytest.mark.django_db
def test_is_and_is_not_shows_two_lists_with_explanations(client):
    tree = page_tree(client.get(reverse("framework:page", args=["is-and-is-not"])))

    main = find_one(tree, "main")
    assert [text(h) for h in find_all(main, "h2")] == [
        "Co-production is",
        "Co-production is not",
    ]
    lists = find_all(main, "ul", "govuk-list--bullet")
    assert [len(find_all(each, "li")) for each in lists] == [9, 9]
    assert "Co-production takes time." in text(find_one(main, "li", id="not-a-quick-fix"))


@pytest.mark.django_db
def test_right_environment_shows_values_then_recipe_then_litmus_questions(client):
    tree = page_tree(client.get(reverse("framework:page", args=["right-environment"])))

    main = find_one(tree, "main")
    assert [text(h) for h in find_all(main, "h2")] == [
        "What the right environment looks like",
        "The recipe for good co-production",
        "The litmus test",
    ]
    assert [text(h) for h in find_all(main, "h3")] == [
        "Values: the ingredients",
        "Skills: the method",
        "Questions about your values",
        "Questions about your skills",
    ]


@pytest.mark.django_db
def test_glossary_gives_every_term_an_anchor_in_alphabetical_order(client):
    tree = page_tree(client.get(reverse("framework:glossary")))

    keys = find_all(tree, "dt", "govuk-summary-list__key")
    assert [attr(key, "id") for key in keys] == [
        term.slug for term in sorted(GlossaryTerm.objects.all(), key=lambda t: t.term.casefold())
    ]
    assert [text(key) for key in keys] == sorted((text(key) for key in keys), key=str.casefold)


@pytest.mark.django_db
def test_glossary_see_also_links_point_at_anchors_on_the_page(client):
    tree = page_tree(client.get(reverse("framework:glossary")))

    anchors = {attr(element, "id") for element in find_all(tree, "dt")}
    anchors |= {attr(element, "id") for element in find_all(tree, "h2")}
    links = [attr(a, "href") for a in find_all(find_one(tree, "main"), "a")]
    in_page = [href[1:] for href in links if href.startswith("#")]
    assert len(in_page) > GlossaryTerm.objects.count()  # the A to Z and the see-also links
    assert set(in_page) <= anchors


@pytest.mark.django_db
def test_about_page_gives_the_credit(client):
    response = client.get(reverse("framework:about"))

    assert "Co-production Oxfordshire, funded by Oxfordshire County Council" in text(
        find_one(page_tree(response), "main")
    )


@pytest.mark.django_db
def test_a_page_added_by_an_administrator_shows_its_body(client, django_assert_num_queries):
    LearnPage.objects.create(
        slug="history",
        title="Where co-production came from",
        summary="A short history.",
        body="It began.",
    )

    with django_assert_num_queries(1):  # learn pages
        response = client.get(reverse("framework:page", args=["history"]))

    assert response.status_code == 200
    assert "It began." in text(find_one(page_tree(response), "main"))
    # It comes last in the reading order, after the about page.
    about = page_tree(client.get(reverse("framework:about")))
    next_link = find_one(find_one(about, "nav", "govuk-pagination--block"), "a", rel="next")
    assert attr(next_link, "href") == reverse("framework:page", args=["history"])
