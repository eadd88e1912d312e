import factory

from copro.frontdoor.models import GetInvolvedRequest


class GetInvolvedRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GetInvolvedRequest

    name = factory.Sequence(lambda n: f"Resident {n}")
    contact_method = GetInvolvedRequest.ContactMethod.EMAIL
    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    what_i_bring = "I use the day centre."
