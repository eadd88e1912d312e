"""`copro demo` step for equality monitoring: the Oxfordshire Census 2021 reference population,
and answers to the equality questions for a few demo citizens.

Call `load(out=...)` from the demo command after the people app's own demo step. Safe to run
again: the figures are replaced with the same file, and the answers are saved again unchanged.
"""

from copro.people.equality import equality_answers_save, equality_consent_give
from copro.people.models import User
from copro.people.reference import CREDIT, OXFORDSHIRE_FILE, reference_import_oxfordshire

# Made up, like the demo people themselves (copro/people/demo.py).
DEMO_ANSWERS = {
    "asha.citizen@demo.example": {
        "age_band": "35_44",
        "sex": "female",
        "gender_identity": "same",
        "sexual_orientation": "straight",
        "ethnic_group": "asian",
        "religion": "hindu",
        "disability": "no",
        "unpaid_carer": "yes",
        "circumstances": ["none"],
    },
    "maggie@demo.example": {
        "age_band": "65_74",
        "sex": "female",
        "gender_identity": "same",
        "sexual_orientation": "straight",
        "ethnic_group": "white",
        "religion": "christian",
        "disability": "no",
        "unpaid_carer": "yes",
    },
    "dev@demo.example": {
        "age_band": "45_54",
        "sex": "male",
        "gender_identity": "same",
        "sexual_orientation": "gay_or_lesbian",
        "ethnic_group": "white",
        "religion": "no_religion",
        "disability": "yes",
        "unpaid_carer": "no",
    },
    "grace@demo.example": {
        "age_band": "55_64",
        "sex": "female",
        "sexual_orientation": "prefer_not_to_say",
        "ethnic_group": "black",
        "religion": "christian",
        "disability": "yes",
        "unpaid_carer": "no",
        "circumstances": ["communicates_differently"],
    },
    "tom@demo.example": {
        "age_band": "25_34",
        "sex": "male",
        "ethnic_group": "white",
        "disability": "yes",
        "circumstances": ["no_organised_group"],
    },
}


def load(*, out) -> None:
    result = reference_import_oxfordshire()
    out.write(
        f"  Reference population: {result.figures} figures from {OXFORDSHIRE_FILE.name}. {CREDIT}."
    )
    people = {u.email: u for u in User.objects.filter(email__in=DEMO_ANSWERS)}
    for email, answers in DEMO_ANSWERS.items():
        if email in people:
            equality_consent_give(user=people[email])
            equality_answers_save(user=people[email], **answers)
    out.write(f"  Equality answers for {len(people)} demo people (only they can see them).")
