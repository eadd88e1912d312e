"""Easy Read versions of the public guidance (issue 19).

Easy Read conventions (Mencap, "Am I making myself clear?"; the Department of Health's
"Making written information easier to understand"): short sentences with one idea each,
large text, a picture beside each point, no figures of speech, numbers as digits, no short
forms, and the harder words explained at the end. Every sentence here passes the Easy Read
standard of copro.plainenglish (tests/framework/test_fmt5_easy_read.py checks it).

Pictures: OpenMoji (https://openmoji.org), CC BY-SA 4.0, copied from the npm package
`openmoji` into copro/framework/static/framework/easy-read/ (PICTURES says which file each
name is). A page's `standard` is the address name of the page it is the Easy Read version of.
"""

from dataclasses import dataclass

# Our name for a picture -> the OpenMoji file it was copied from (node_modules/openmoji/color/svg/).
PICTURES = {
    "working-together": "1F91D",
    "people": "1F465",
    "idea": "1F4A1",
    "talking": "1F4AC",
    "equal": "2696",
    "agree": "1F44D",
    "access": "267F",
    "thanks": "1F381",
    "steps": "1FA9C",
    "no": "1F6AB",
    "listen": "1F5E3",
    "question": "2753",
    "yes": "2705",
    "raise-hand": "1F64B",
    "phone": "260E",
    "letter": "2709",
    "calendar": "1F4C5",
    "money": "1F4B7",
    "coin": "1FA99",
    "warning": "26A0",
    "lock": "1F512",
    "folder": "1F4C1",
    "look": "1F50D",
    "bin": "1F5D1",
    "computer": "1F4BB",
    "bus": "1F68F",
}


@dataclass(frozen=True)
class Point:
    picture: str  # a key of PICTURES
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class KeyWord:
    word: str
    meaning: str


@dataclass(frozen=True)
class EasyReadPage:
    slug: str
    title: str
    standard: tuple[str, ...]  # the page it is a version of: url name and its arguments
    standard_title: str
    points: tuple[Point, ...]
    key_words: tuple[KeyWord, ...]

    def text(self) -> str:
        """All the words on the page, one sentence a line, for the Easy Read check."""
        lines = [self.title + "."]
        for point in self.points:
            lines.extend(point.sentences)
        for key in self.key_words:
            lines.append(f"{key.word}.")
            lines.append(key.meaning)
        return "\n\n".join(lines)


def _p(picture: str, *sentences: str) -> Point:
    return Point(picture, sentences)


CO_PRODUCTION = KeyWord("Co-production", "People and the council plan services together as equals.")
COUNCIL = KeyWord("Council", "The people who run local services in your area.")
SERVICE = KeyWord("Service", "Help from the council. For example, help at home.")

PAGES = (
    EasyReadPage(
        slug="what-is-co-production",
        title="What co-production is",
        standard=("framework:page", "what-is-co-production"),
        standard_title="What is co-production?",
        points=(
            _p("working-together", "Co-production means working together."),
            _p("people", "People who use services work with the council."),
            _p("idea", "You know what it is like to use a service.", "That helps us."),
            _p("talking", "Your ideas help make services better."),
            _p("equal", "Everyone is equal in co-production."),
            _p("agree", "We make the decisions together."),
        ),
        key_words=(CO_PRODUCTION, COUNCIL, SERVICE),
    ),
    EasyReadPage(
        slug="principles",
        title="Our 4 rules for working together",
        standard=("framework:page", "principles"),
        standard_title="The four principles",
        points=(
            _p("equal", "Rule 1 is about being equal.", "Your ideas matter as much as anyone's."),
            _p(
                "people",
                "Rule 2 is about lots of different people.",
                "People of all ages and backgrounds should take part.",
            ),
            _p(
                "access",
                "Rule 3 is about making it easy to take part.",
                "We help with travel and rooms.",
                "We give you papers you can read.",
            ),
            _p(
                "thanks",
                "Rule 4 is about saying thank you.",
                "We can pay you for your time.",
                "Or you can get time credits.",
            ),
        ),
        key_words=(
            KeyWord("Rule", "Something we always do."),
            KeyWord("Time credits", "Points you can swap for things to do. For example, a swim."),
            CO_PRODUCTION,
        ),
    ),
    EasyReadPage(
        slug="staircase",
        title="The staircase",
        standard=("framework:page", "staircase"),
        standard_title="The staircase of participation",
        points=(
            _p("steps", "The staircase has 7 steps.", "It shows how much people share power."),
            _p(
                "no",
                "On the bottom steps the council tells people what will happen.",
                "People cannot change it.",
            ),
            _p("listen", "On the middle steps the council asks what people think."),
            _p("talking", "Higher up people help plan the service."),
            _p("working-together", "At the top people and the council share all the power."),
            _p("yes", "We want to be at the top."),
        ),
        key_words=(
            KeyWord("Staircase", "A picture of steps. Higher steps mean more shared power."),
            KeyWord("Power", "Being able to decide what happens."),
            COUNCIL,
        ),
    ),
    EasyReadPage(
        slug="get-involved",
        title="How to get involved",
        standard=("framework:learn",),
        standard_title="Learn about co-production",
        points=(
            _p("raise-hand", "You can help us make services better."),
            _p("computer", "You can make an account on this website."),
            _p("phone", "Or you can phone us."),
            _p("letter", "Or you can write to us."),
            _p("calendar", "We will invite you to meetings."),
            _p("access", "Tell us what help you need.", "For example, large print or a helper."),
            _p("question", "You can stop at any time."),
        ),
        key_words=(
            KeyWord("Account", "Your own space on this website. You sign in to use it."),
            KeyWord("Large print", "Papers with big writing."),
            SERVICE,
        ),
    ),
    EasyReadPage(
        slug="being-paid",
        title="Getting paid and your benefits",
        standard=("reciprocity:mine",),
        standard_title="My thanks",
        points=(
            _p("thanks", "We want to thank you for your time."),
            _p("money", "We can pay you money."),
            _p("coin", "Or you can get time credits instead."),
            _p("bus", "We pay for your travel too."),
            _p("warning", "Money can change your benefits."),
            _p("phone", "Ask for advice before you choose.", "Citizens Advice can help for free."),
            _p("yes", "You choose what is best for you."),
        ),
        key_words=(
            KeyWord("Benefits", "Money from the government to help you live."),
            KeyWord("Time credits", "Points you can swap for things to do. For example, a swim."),
            KeyWord("Advice", "Help to choose what is best for you."),
        ),
    ),
    EasyReadPage(
        slug="your-data",
        title="Your information",
        standard=("accounts:your_data",),
        standard_title="Everything we hold about you",
        points=(
            _p("folder", "We keep some information about you."),
            _p("lock", "We keep it safe."),
            _p("people", "Only the staff who work with you can see it."),
            _p("look", "You can see all of it on this website."),
            _p("talking", "Tell us if something is wrong.", "We will change it."),
            _p("bin", "You can ask us to delete it."),
        ),
        key_words=(
            KeyWord("Information", "Things we know about you. For example, your name."),
            KeyWord("Delete", "Get rid of it for good."),
            KeyWord("Staff", "People who work for the council."),
        ),
    ),
)
BY_SLUG = {page.slug: page for page in PAGES}
# Standard page (url name and arguments) -> its Easy Read version, for the link back and forth.
BY_STANDARD = {page.standard: page for page in PAGES}
