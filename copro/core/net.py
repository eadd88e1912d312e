"""The client's address, trusting X-Forwarded-For only as far as our own proxies (API-5)."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part
    ]
    # Each trusted proxy appends the address it saw, so the client is `hops` from the right;
    # anything further left was written by the client and cannot be trusted.
    if len(forwarded) >= hops:
        return forwarded[-hops]
    return remote
