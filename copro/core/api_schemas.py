"""Schemas every API router shares."""

from ninja import Schema


class Problem(Schema):
    """What the API answers when it refuses: a sentence, or (422) the list of what was wrong."""

    detail: str | list[dict]


# The answers an operation on someone's object can give besides success: 401 signed out, 404
# missing or not theirs (the same answer for both, AZ-1), 422 input that does not fit.
REFUSALS = {401: Problem, 404: Problem, 422: Problem}

# A write can also get 400: a body that is not JSON at all.
WRITE_REFUSALS = {400: Problem, **REFUSALS}
