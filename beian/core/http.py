"""Small request helpers shared by the apps."""

from django.conf import settings


def client_address(request) -> str | None:
    """The client's IP address; X-Forwarded-For is believed only behind a configured proxy."""
    if getattr(settings, "TRUSTED_PROXY_COUNT", 0):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= settings.TRUSTED_PROXY_COUNT:
            return forwarded[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR") or None
