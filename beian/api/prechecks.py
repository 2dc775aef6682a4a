"""POST /api/v1/prechecks — the rule catalogue for integrators (SPEC §7.1). No login; rate-limited."""

from django.utils.translation import get_language
from ninja import Router

from beian.api.limits import limit_client
from beian.api.schemas import PrecheckIn, PrecheckOut
from beian.core.api_schemas import ErrorOut, with_request_errors
from beian.core.prechecks import run_precheck

router = Router()


@router.post("", response=with_request_errors({200: PrecheckOut, 422: ErrorOut, 429: ErrorOut}),
             url_name="prechecks", summary="Check a filing against the rule catalogue",
             description="Only what is present is checked; cross-field rules need both sides (the "
                         "national-prefix rule compares the website name with sponsor.name; "
                         "public-affairs words are a warning for institutions and social organisations). "
                         "Errors block a submission, warnings go to the reviewer.")
def create_precheck(request, payload: PrecheckIn):
    limit_client(request, "prechecks")
    document = payload.model_dump(mode="json", exclude_unset=True, exclude_none=True)
    return run_precheck(document, get_language() or "zh-hans")
