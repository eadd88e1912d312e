"""Needless "co-" prefixes, and the co- words the product defines or English has long used."""

import pytest

from copro.plainenglish import analyse
from copro.plainenglish.co_prefix import plain_version

from .helpers import of_kind


@pytest.mark.parametrize(
    "word",
    [
        "co-create",
        "co-created",
        "co-creation",
        "co-deliver",
        "co-delivery",
        "co-evaluate",
        "co-evaluation",
        "co-host",
        "co-hosting",
        "co-facilitate",
        "co-commission",
        "co-own",
        "co-learning",
        "Co-Create",
        "CO-DELIVER",
        "co\u2011create",  # non-breaking hyphen
        "co\u2010create",  # hyphen
    ],
)
def test_needless_co_prefix_is_found(word):
    assert of_kind(f"We will {word} the plan.", "co_prefix") == [word]


@pytest.mark.parametrize(
    "word",
    [
        "co-production",
        "Co-production",
        "co-produce",
        "co-produced",
        "co-producing",
        "co-produces",
        "co-pro",
        "co-design",
        "co-designed",
        "co-designing",
        "co-operate",
        "co-operation",
        "co-operative",
        "co-op",
        "co-ordinate",
        "co-ordinator",
        "co-exist",
        "co-author",
        "co-worker",
        "co-founder",
        "co-opted",
        "co-chair",
        "co-chairs",
    ],
)
def test_defined_and_established_co_words_are_not_flagged(word):
    assert of_kind(f"We will {word} it.", "co_prefix") == []


@pytest.mark.parametrize(
    "text",
    [
        "We cooperate well.",  # no hyphen
        "Bring a coat.",
        "Eco-friendly cups.",  # "co-" inside another word
        "Disco-dancing night.",
        "Call 01865-co-op.",
    ],
)
def test_co_inside_other_words_is_not_flagged(text):
    assert of_kind(text, "co_prefix") == []


def test_message_and_suggestion():
    (finding,) = analyse("We will co-deliver the sessions.").findings
    assert finding.kind == "co_prefix"
    assert finding.text == "co-deliver"
    assert '"co-"' in finding.message
    assert finding.suggestion == 'Try "deliver together", or say who you will do it with.'


@pytest.mark.parametrize(
    ("rest", "plain"),
    [
        ("create", "create together"),
        ("evaluation", "reviewing together"),
        ("ownership", "shared ownership"),
        ("review", "review together"),
        ("assessment", "joint assessment"),
    ],
)
def test_plain_versions(rest, plain):
    assert plain_version(rest) == plain


def test_co_words_inside_a_web_address_are_left_alone():
    assert of_kind("See www.example.gov.uk/co-create-guide for more.", "co_prefix") == []
