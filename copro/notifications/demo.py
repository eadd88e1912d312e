"""Demo: the demo citizen has a few notifications; Dev hears by text (a text in the local store)
and Maggie by post (a large-print letter in the "to post" queue). Safe to run again."""

from copro.notifications.services import notify
from copro.people.models import Profile, User

TEXTER = ("dev@demo.example", "07700 900123")
WRITER = ("maggie@demo.example", "12 Orchard Close\nBanbury\nOX16 1AB")


def _routes() -> list[User]:
    people = []
    texter = User.objects.filter(email=TEXTER[0]).first()
    if texter is not None:
        Profile.objects.update_or_create(
            user=texter, defaults={"contact_method": "text", "phone": TEXTER[1]}
        )
        people.append(texter)
    writer = User.objects.filter(email=WRITER[0]).first()
    if writer is not None:
        Profile.objects.update_or_create(
            user=writer, defaults={"contact_method": "post", "postal_address": WRITER[1]}
        )
        people.append(writer)
    return people


def load(*, out) -> None:
    citizen = User.objects.filter(email="asha.citizen@demo.example").first()
    people = _routes()
    everyone = [p for p in [citizen, *people] if p is not None]
    notify(
        recipients=everyone,
        kind="service_news",
        event_key="demo:welcome",
        title="Welcome to Working Together",
        body="This is where we tell you about meetings, decisions and thanks. "
        "You choose how we tell you: by email, text message, letter or only here.",
        url="/notifications/how-to-tell-you/",
    )
    if citizen is not None:
        notify(
            recipients=[citizen],
            kind="service_news",
            event_key="demo:how-to-choose",
            title="You can choose how we contact you",
            body="Go to 'How and when we tell you' to choose email, text message or post "
            "for each kind of news, or one summary a day or a week.",
            url="/notifications/how-to-tell-you/",
        )
    out.write(
        "  Notifications: a welcome for the demo citizen, a text to Dev (kept on the "
        "'Text messages' page) and a letter to Maggie in the 'to post' queue."
    )
