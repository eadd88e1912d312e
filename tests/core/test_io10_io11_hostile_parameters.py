"""IO-10 parameter pollution and IO-11 injection through query strings: every page, as each
persona, given repeated and hostile parameters, answers without a server error."""

from urllib.parse import urlencode

import pytest

from tests.core.urlwalk import parameterless_paths
from tests.people.mfa_helpers import verify_second_factor

HOSTILE = ["' OR 1=1 --", "%", "_", "\\", "x" * 5000, '"><script>alert(1)</script>', "-1", "0"]
# Names the pages read (search, paging, filters), each repeated with hostile values.
NAMES = ["q", "page", "who", "area", "service_area", "period", "date", "time", "start", "next"]
QUERY = urlencode([(name, value) for name in NAMES for value in HOSTILE])
PATHS = [p for p in parameterless_paths() if not p.startswith("/api/")]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "citizen", "administrator"])
def test_io10_io11_repeated_and_hostile_parameters_never_cause_a_server_error(
    client, persona, citizen_a, administrator
):
    if persona == "citizen":
        client.force_login(citizen_a)
    elif persona == "administrator":
        client.force_login(administrator)
        verify_second_factor(client, administrator)
    failures = {}
    for path in PATHS:
        response = client.get(f"{path}?{QUERY}")
        if response.status_code >= 500:
            failures[path] = response.status_code
        body = response.content.decode(errors="replace")
        assert "<script>alert(1)</script>" not in body, path
    assert failures == {}
