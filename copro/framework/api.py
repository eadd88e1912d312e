"""Public, read-only API for the guidance: the staircase, the principles and the glossary."""

from django.http import HttpRequest
from ninja import Router, Schema

from copro.framework import selectors

router = Router(tags=["framework"])


class StaircaseStepOut(Schema):
    order: int
    slug: str
    name: str
    summary: str
    who_has_power: str
    shares_power: bool


class PrincipleOut(Schema):
    order: int
    slug: str
    name: str
    summary: str
    description: str
    in_practice: list[str]


class GlossaryTermOut(Schema):
    slug: str
    term: str
    definition: str
    see_also: list[str]


@router.get(
    "/staircase",
    response=list[StaircaseStepOut],
    auth=None,
    summary="The staircase of interaction, from step 1 (least shared power) to step 7 (most)",
)
def staircase(request: HttpRequest):
    return selectors.staircase_steps()


@router.get(
    "/principles",
    response=list[PrincipleOut],
    auth=None,
    summary="The four principles of co-production",
)
def principles(request: HttpRequest):
    return selectors.principles()


@router.get(
    "/glossary",
    response=list[GlossaryTermOut],
    auth=None,
    summary="Glossary terms in alphabetical order",
)
def glossary(request: HttpRequest):
    return selectors.glossary_terms()
