"""Walk the URL resolver so that tests cover every route, including ones added later."""

from django.urls import URLPattern, URLResolver, get_resolver


def iter_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from iter_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def parameterless_paths() -> list[str]:
    """Concrete paths of routes that take no arguments (admin left out: it has its own test)."""
    paths = []
    for route, _pattern in iter_patterns():
        if "<" in route or "(?P" in route or route.startswith("admin/") or "^" in route:
            continue
        paths.append("/" + route)
    return sorted(set(paths))
