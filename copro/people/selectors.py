"""Reads of a person's records, shaped for pages and exports."""

from copro.people.models import User
from copro.people.models.profile import Profile
from copro.people.models.support import Supporter


def profile_initial(person: User, profile: Profile) -> dict:
    return {
        "display_name": person.display_name,
        "pronouns": profile.pronouns,
        "takes_part_as": profile.takes_part_as,
        "area_i_work_in": profile.area_i_work_in,
        "bring_tags": profile.bring_tags,
        "what_i_bring": profile.what_i_bring,
        "share_pronouns": profile.share_pronouns,
        "share_area_i_work_in": profile.share_area_i_work_in,
        "share_what_i_bring": profile.share_what_i_bring,
    }


def communication_initial(person: User) -> dict:
    profile = Profile.objects.filter(user=person).first() or Profile(user=person)
    return {
        "contact_method": profile.contact_method,
        "phone": profile.phone,
        "postal_address": profile.postal_address,
        "formats": list(person.formats.values_list("format", flat=True)),
        "needs": list(person.access_needs.values_list("need", flat=True)),
        "access_needs_other": profile.access_needs_other,
    }


def profile_shared(person: User) -> dict:
    """Only what the person chose to show others; never contact details or needs."""
    profile = getattr(person, "profile", None)
    if profile is None:
        return {"bring": [], "what_i_bring": "", "pronouns": "", "area": ""}
    return {
        "pronouns": profile.pronouns if profile.share_pronouns else "",
        "area": profile.area_i_work_in if profile.share_area_i_work_in else "",
        "bring": profile.bring_tag_labels() if profile.share_what_i_bring else [],
        "what_i_bring": profile.what_i_bring if profile.share_what_i_bring else "",
    }


def supporters_current(*, person: User) -> list[Supporter]:
    return list(
        Supporter.objects.filter(person=person, revoked_at__isnull=True).select_related("supporter")
    )


def people_i_support(*, supporter: User) -> list[Supporter]:
    return list(
        Supporter.objects.filter(supporter=supporter, revoked_at__isnull=True).select_related(
            "person"
        )
    )
