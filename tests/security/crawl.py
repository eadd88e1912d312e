"""The machinery of the authorisation crawl (AZ-1, AZ-11): walk every named route and every API
operation, fill each parameter from the world (tests/security/world.py) and ask as a persona."""

import io
import json
import re

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.people.mfa_helpers import verify_second_factor
from tests.security import world as world_module

PERSONAS = ("anonymous", "citizen", "other_citizen", "staff", "administrator")

# Which world object fills a URL parameter, by the parameter's name. `pk` and `slug` differ
# from route to route, so each route's table entry names the object for them.
PARAMS = {
    "meeting_pk": "meeting",
    "decision_pk": "decision",
    "member_pk": "membership",
    "contribution_pk": "contribution",
    "action_pk": "action",
    "advice_pk": "advice",
    "item_pk": "agenda_item",
    "line_pk": "arrangement",
    "paper_pk": "paper",
    "version_pk": "paper_version",
    "venue_pk": "venue",
    "date_pk": "unavailable_date",
    "supporter_pk": "supporter",
    "post_pk": "thread_post",
    "request_pk": "projects.JoinRequest",
    "token": "token",
    "uidb64": "uidb64",
    # API path parameters
    "project_id": "project",
    "decision_id": "decision",
    "thread_id": "thread",
    "post_id": "thread_post",
    "poll_id": "poll",
    "concern_id": "concern",
    "notification_id": "notification",
    "join_request_id": "join_request",
    "get_involved_id": "get_involved_request",
    "kind": "record_kind",
    "record_id": "membership",
}


class Route:
    """A named route with the parameters of its whole path (includes add their own)."""

    def __init__(self, path: str, params: list[str]):
        self.path = path
        self.params = params


def iter_named_routes(resolver=None, prefix="", namespace="", params=()):
    """(route, "namespace:name", Route) for every named route outside the admin and the API."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            route = prefix + str(entry.pattern)
            if route.startswith(("admin/", "api/")):
                continue
            inner = ":".join(p for p in (namespace, entry.namespace) if p)
            more = (*params, *getattr(entry.pattern, "converters", {}))
            yield from iter_named_routes(entry, route, inner, more)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            path = prefix + str(entry.pattern)
            all_params = [*params, *getattr(entry.pattern, "converters", {})]
            yield path, name, Route(path, all_params)


def route_table() -> dict[str, Route]:
    return {name: route for _path, name, route in iter_named_routes()}


def api_operations() -> dict[str, dict]:
    """ "METHOD /api/v1/path" -> the OpenAPI operation, for every operation the API serves."""
    from copro.api import api

    schema = api.get_openapi_schema(path_prefix="/api/v1")
    operations = {}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations[f"{method.upper()} {path}"] = operation
    return operations


def sign_in(client, world, persona):
    if persona == "anonymous":
        return None
    user = world["owner"] if persona == "citizen" else world[persona]
    client.force_login(user)
    if user.needs_second_factor:
        verify_second_factor(client, user)
    return user


def build_world():
    return world_module.build(io.StringIO())


def object_id(key: str, world: dict):
    """A world entry ("claim"), or "app_label.Model" for the first such row in the demo data
    (so a new app's routes can be added to the table without changing the world)."""
    if key in world:
        return world[key]
    if "." in key:
        from django.apps import apps

        row = apps.get_model(key).objects.order_by("pk").first()
        return row.pk if row is not None else world_module.MISSING
    raise KeyError(f"tests/security/world.py has no object called {key!r}")


def url_for(name: str, route: Route, main: str | dict | None, world: dict) -> str:
    """`main` names the object for <pk> or <slug>; a dict names objects parameter by
    parameter ({"pk": "network_group", "meeting_pk": "group_meeting"})."""
    chosen = main if isinstance(main, dict) else {"pk": main, "slug": main}
    kwargs = {}
    for param in route.params:
        key = chosen.get(param) or PARAMS[param]
        kwargs[param] = object_id(key, world)
    return reverse(name, kwargs=kwargs)


def api_path(path: str, world: dict) -> str:
    return re.sub(r"\{(?:int:)?(\w+)\}", lambda m: str(world[PARAMS[m.group(1)]]), path)


def page_outcome(response) -> str:
    """ "ok", "in" (sent to sign in), "2fa" (sent to the two-step pages) or the status code."""
    code = response.status_code
    if code in (301, 302, 303):
        location = response["Location"]
        if "/account/sign-in/" in location and "/account/sign-in/link/" not in location:
            return "in"
        if "/account/two-step/" in location:
            return "2fa"
        return "ok"
    if 200 <= code < 300:
        return "ok"
    return str(code)


def api_outcome(response) -> str:
    return "ok" if 200 <= response.status_code < 300 else str(response.status_code)


def ask_page(client, name, pattern, entry, world):
    main, _expected, method = (*entry, "GET")[:3]
    url = url_for(name, pattern, main, world)
    if method == "POST":
        return url, client.post(url, {})
    return url, client.get(url)


def ask_api(client, key, world):
    method, path = key.split(" ", 1)
    url = api_path(path, world)
    if method == "GET":
        return client.get(url)
    return client.generic(method, url, json.dumps({}), content_type="application/json")
