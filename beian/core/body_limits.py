"""Bounded request bodies (ADR 0096): a body larger than its page accepts is refused with 413 from its
Content-Length, before anything reads it (the CSRF check reads a posted form, so this runs first).

The limit of a request is, in this order: the one its view declares (`@body_limit("SETTING")`, e.g.
the CSV imports, or the pages that take photos of up to 15 MB each, ADR 0109), the one of its path
prefix (`limit_path`, e.g. /api/ registers API_MAX_BODY_BYTES and its own error shape), else
REQUEST_MAX_BODY_BYTES. Limits are setting names, read per request.

A body without Content-Length (Transfer-Encoding: chunked) is refused with 411: Django's WSGI request
reads no more than Content-Length bytes, so such a body would silently arrive empty. The reverse proxy
in front caps bodies as well (README, production).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_LIMIT_SETTING = "REQUEST_MAX_BODY_BYTES"
# What a multipart form adds to its files: the other fields, the CSRF token, boundaries and headers.
FORM_ALLOWANCE = 256 * 1024

Refuse = Callable[[HttpRequest, int, str], HttpResponse]  # (request, status, message) → response


@dataclass(frozen=True)
class _PathLimit:
    prefix: str
    setting: str
    refuse: Refuse


_path_limits: list[_PathLimit] = []


def limit_path(prefix: str, *, setting: str, refuse: Refuse) -> None:
    """Bodies of requests under `prefix` are limited by settings.<setting> and refused by `refuse`
    (the prefix's own error shape). Called once from the owning app's ready()."""
    if not any(limit.prefix == prefix for limit in _path_limits):
        _path_limits.append(_PathLimit(prefix, setting, refuse))


def body_limit(setting: str, *, allowance: int = FORM_ALLOWANCE):
    """View decorator: this view accepts bodies up to settings.<setting> plus `allowance` bytes (the
    other fields of the form). Apply it outermost, or inside decorators that use functools.wraps."""
    def decorate(view):
        view.body_limit = (setting, allowance)
        return view
    return decorate


def _path_limit(request) -> _PathLimit | None:
    return next((limit for limit in _path_limits if request.path.startswith(limit.prefix)), None)


def limit_for(request, view_func=None) -> int:
    declared = getattr(view_func, "body_limit", None)
    if declared is not None:
        setting, allowance = declared
        return getattr(settings, setting) + allowance
    path_limit = _path_limit(request)
    return getattr(settings, path_limit.setting if path_limit else DEFAULT_LIMIT_SETTING)


def refusal(request, status: int, message: str) -> HttpResponse:
    """The refusal in the shape of the request's path (JSON for the API), else the 413/411 page."""
    path_limit = _path_limit(request)
    if path_limit is not None:
        return path_limit.refuse(request, status, message)
    return render(request, "413.html", {"message": message, "status": status}, status=status)


def too_large(request, limit: int) -> HttpResponse:
    return refusal(request, 413, _(
        "What you sent is larger than %(limit)s, the most this page accepts. Choose smaller files "
        "(photos: JPEG or PNG of at most 15 MB each) and send it again.") % {"limit": filesizeformat(limit)})


def length_required(request) -> HttpResponse:
    return refusal(request, 411, _(
        "Send the request with a Content-Length header: bodies sent in chunks are not accepted."))


def answer_data_too_big(request, exception) -> HttpResponse | None:
    """Django's own RequestDataTooBig (form fields beyond DATA_UPLOAD_MAX_MEMORY_SIZE) as a 413."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return None


class RequestBodyLimitMiddleware:
    """Refuses a body larger than its view accepts, from the Content-Length, before it is read.
    Must come before CsrfViewMiddleware (whose process_view reads posted forms)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        declared = request.META.get("CONTENT_LENGTH")
        if not declared:
            if request.META.get("HTTP_TRANSFER_ENCODING"):
                return length_required(request)
            return None
        try:
            length = int(declared)
        except ValueError:
            return None  # Django reads such a body as empty
        limit = limit_for(request, view_func)
        if length > limit:
            return too_large(request, limit)
        return None
