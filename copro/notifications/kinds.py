"""The kinds of event people can be told about. Each app registers its own in AppConfig.ready(),
so this app never imports the apps above it (STYLE.md layering)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str
    label: (
        str  # plain English, shown on the preferences page: "A meeting you are invited to changes"
    )
    urgent: bool = False  # urgent kinds are never held back for a digest


_KINDS: dict[str, Kind] = {}


def register(code: str, label: str, *, urgent: bool = False) -> Kind:
    kind = Kind(code=code, label=label, urgent=urgent)
    existing = _KINDS.get(code)
    if existing is not None and existing != kind:
        raise ValueError(f"notification kind {code!r} registered twice with different details")
    _KINDS[code] = kind
    return kind


def get(code: str) -> Kind:
    try:
        return _KINDS[code]
    except KeyError:
        raise LookupError(f"notification kind {code!r} is not registered") from None


def all_kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.label)
