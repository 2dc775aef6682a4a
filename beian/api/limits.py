"""Per-client limits of the public API, and the API's answer to a refused body (the body limit itself
is beian.core.body_limits, with API_MAX_BODY_BYTES for /api/), in the API's error shape."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from beian.api.errors import error_body
from beian.core.http import client_address
from beian.core.ratelimit import Limit, hit_counter


class TooManyRequests(HttpError):
    def __init__(self, retry_after: int):
        super().__init__(429, _("Too many requests. Try again in %(seconds)d seconds.") % {
            "seconds": retry_after})
        self.retry_after = retry_after


def limit_client(request, scope: str) -> None:
    """Raise TooManyRequests when this client exceeded the limits configured for `scope`."""
    limit = Limit(settings.API_RATE_LIMITS[scope], 60)
    verdict = hit_counter(f"api:{scope}:{client_address(request)}", limit)
    if not verdict.allowed:
        raise TooManyRequests(verdict.retry_after)


def refuse_body(request, status: int, message: str) -> JsonResponse:
    """Oversized or length-less API bodies (beian.core.body_limits) in the API's error shape."""
    return JsonResponse(error_body("", message), status=status)
