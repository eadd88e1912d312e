"""Subject access and erasure: every model that holds data about a person says how it is
exported and how it is erased (PRIV-9, PRIV-10).

Apps add their models with `register(...)` or `exempt(...)` in their AppConfig.ready(); a test
fails when a model that points at a person is in neither list.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.utils import timezone

from copro.people.models import User


@dataclass(frozen=True)
class Handler:
    label: str  # the heading in the export
    export: Callable[[User], list[dict]]
    erase: Callable[[User], None]


_HANDLERS: dict[type[models.Model], Handler] = {}
_EXEMPT: dict[type[models.Model], str] = {}


def register(model: type[models.Model], *, label: str, export, erase) -> None:
    _HANDLERS[model] = Handler(label=label, export=export, erase=erase)


def exempt(model: type[models.Model], *, reason: str) -> None:
    _EXEMPT[model] = reason


def registered() -> dict:
    return dict(_HANDLERS)


def exemptions() -> dict:
    return dict(_EXEMPT)


def rows(queryset, *fields: str) -> list[dict]:
    """Plain values for an export, with dates as ISO text."""
    result = []
    for item in queryset.values(*fields):
        result.append({k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in item.items()})
    return result


def delete_rows(model: type[models.Model], field: str = "user") -> Callable[[User], None]:
    return lambda user: model.objects.filter(**{field: user}).delete()


PURPOSES = (
    "We use this information to run projects with you, to make meetings accessible, to thank "
    "and pay you, and to check that the people taking part reflect the people who live here."
)
RECIPIENTS = (
    "Council staff who organise the projects and meetings you take part in. Other members see "
    "only what you choose to share on your profile. We do not sell or share it for marketing."
)
RETENTION = (
    "We keep it while you take part. Payment records are kept for as long as tax law needs. "
    "When you delete your account we erase the rest."
)
RIGHTS = (
    "You can ask us to correct anything that is wrong, to delete your account, or to stop "
    "using some information. You can complain to the Information Commissioner's Office (ICO)."
)


def export_for(user: User) -> dict:
    """Everything held about `user`, and only about them, as plain JSON-ready data."""
    sections = {}
    for handler in _HANDLERS.values():
        sections[handler.label] = handler.export(user)
    return {
        "exported_at": timezone.now().isoformat(),
        "about_this_export": {
            "purposes": PURPOSES,
            "who_sees_it": RECIPIENTS,
            "how_long_we_keep_it": RETENTION,
            "your_rights": RIGHTS,
        },
        "sections": sections,
    }


@transaction.atomic
def account_erase(*, user: User) -> None:
    """Erase a person's data. Records others depend on (attendance, votes, ledger entries) stay,
    linked to this row, which becomes an anonymous placeholder that cannot sign in."""
    for handler in _HANDLERS.values():
        handler.erase(user)
    keys = list(user.signed_in_sessions.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    user.signed_in_sessions.all().delete()
    user.email = None
    user.display_name = "Former member"
    user.set_unusable_password()
    user.password = f"!erased-{secrets.token_hex(8)}"
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
