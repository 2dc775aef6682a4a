"""Per-client limits of the public API and the body-size guard, answered in the API's error shape."""

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


class ApiBodyLimitMiddleware:
    """Refuses oversized API bodies with 413 before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.API_MAX_BODY_BYTES:
                message = _("The request body is larger than %(limit)d KB.") % {
                    "limit": settings.API_MAX_BODY_BYTES // 1024}
                return JsonResponse(error_body("", message), status=413)
        return self.get_response(request)
