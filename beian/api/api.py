"""The JSON API for integrators (django-ninja): thin routers that call the same code as the pages.

Every error answer has one shape, `{"detail": [{"field": "<dotted path>", "message": "…"}]}`, in the
request's language (Accept-Language; Chinese by default). A malformed request is a 4xx, never a 500.
"""

from typing import Literal

from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from beian.api.docs import AccessibleSwagger
from beian.api.errors import error_body, validation_details
from beian.api.limits import TooManyRequests
from beian.api.prechecks import router as prechecks_router
from beian.api.public_register import router as records_router
from beian.core.api_schemas import with_request_errors
from beian.legacy.api import router as legacy_router
from beian.rules import InputError, UnknownCode
from beian.unregistered.api import router as unregistered_router

api = NinjaAPI(
    title="Beian API",
    version="1",
    description=(
        "Website Security Filing Platform (公安联网备案平台). Pre-checks of filings against the rule "
        "catalogue; public records. Answers follow the Accept-Language header (zh-Hans default, en)."),
    urls_namespace="api-v1",
    docs=AccessibleSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    return api.create_response(request, {"detail": validation_details(exc.errors)}, status=422)


@api.exception_handler(InputError)
def _uncheckable(request, exc: InputError):
    if isinstance(exc, UnknownCode):
        message = _("Unknown code %(value)s. Allowed codes: %(allowed)s.") % {
            "value": exc.value, "allowed": ", ".join(exc.allowed)}
    else:
        message = _("This value has the wrong type or format: %(detail)s.") % {"detail": exc.detail}
    return api.create_response(request, error_body(exc.field, message), status=422)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    if exc.status_code == 400 and isinstance(exc.__cause__, ValueError):
        # ninja wraps every body-parsing failure; say plainly what was wrong with it.
        message = _("The request body is not valid JSON (UTF-8).")
    else:
        message = str(exc)
    response = api.create_response(request, error_body("", message), status=exc.status_code)
    if isinstance(exc, TooManyRequests):
        response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc: AuthenticationError):
    return api.create_response(request, error_body("", _("Authentication is required.")), status=401)


class PingOut(Schema):
    status: Literal["ok"]


@api.get("/ping", response=with_request_errors({200: PingOut}), tags=["service"], url_name="ping",
         summary="Is the API answering?")
def ping(request):
    """The cheapest answer of the API, through the whole stack but without database or cache: for
    monitors, and the baseline the benchmarks compare the record reads with."""
    return {"status": "ok"}


def _add_routers() -> None:
    api.add_router("/prechecks", prechecks_router, tags=["pre-checks"])
    api.add_router("/unregistered-websites", unregistered_router, tags=["unregistered websites"])
    api.add_router("/records", records_router, tags=["public records"])
    api.add_router("/legacy-records", legacy_router, tags=["legacy records"])


_add_routers()
