"""Demo safeguarding: Sam (sam.staff) is the council's safeguarding lead, and one concern
raised by a demo citizen, with what Sam did about it. Runs once."""

from copro.people.models import User
from copro.safeguarding import services
from copro.safeguarding.models import Concern, SafeguardingLead


def load(*, out) -> None:
    sam = User.objects.filter(email="sam.staff@demo.example").first()
    raiser = User.objects.filter(email="maggie@demo.example").first()
    if sam is None or raiser is None:
        out.write("  Safeguarding: skipped (the demo people are not there).")
        return
    SafeguardingLead.objects.get_or_create(user=sam)
    if Concern.objects.filter(raised_by=raiser).exists():
        return
    concern = services.concern_raise(
        about="A member of our group",
        what="They said at the end of the last meeting that they had not eaten for two days "
        "and the heating in their flat is broken.",
        by=raiser,
    )
    services.concern_act(
        concern=concern,
        text="Phoned them the next morning; put them in touch with the crisis support team.",
        status=Concern.Status.IN_HAND,
        by=sam,
    )
    out.write("  Safeguarding: Sam is the safeguarding lead; one concern, being dealt with.")
