from copro.notifications import kinds
from copro.people.models import FormatNeed, Profile
from tests.people.factories import UserFactory

kinds.register("test_event", "Something in a test happens")
kinds.register("test_urgent", "Something urgent in a test happens", urgent=True)

MOBILE = "07700 900982"
ADDRESS = "1 High Street\nOxford\nOX1 1AA"


def person(*, contact="email", email=True, phone=MOBILE, address=ADDRESS, large_print=False, **kw):
    user = UserFactory(**({} if email else {"email": None}), **kw)
    Profile.objects.create(
        user=user, contact_method=contact, phone=phone or "", postal_address=address or ""
    )
    if large_print:
        FormatNeed.objects.create(user=user, format=FormatNeed.Format.LARGE_PRINT)
    return user
