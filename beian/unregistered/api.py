"""POST /api/v1/unregistered-websites — the import for integrations, with an agency's bearer token.

A token imports for its agency and every agency below it. Rows are checked one by one like a CSV
upload: the answer is 200 with the counts and, per rejected row, its number (1 = the first item),
field and reason; a row for an agency outside the token's scope is such a rejected row (ADR 0060).
"""

from typing import Annotated

from ninja import Field, Router, Schema
from ninja.security import HttpBearer
from pydantic import ConfigDict, StringConstraints

from beian.core.api_schemas import ErrorOut, with_request_errors
from beian.unregistered import services
from beian.unregistered.importing import agency_and_below

Text = Annotated[str, StringConstraints(strict=True, max_length=500)]
MAX_ITEMS = 500


class TokenAuth(HttpBearer):
    openapi_description = "An agency's API token (create it with `manage.py create_api_token <agency_code>`)."

    def authenticate(self, request, token):
        return services.token_for(token)


class UnregisteredWebsiteIn(Schema):
    model_config = ConfigDict(extra="forbid")

    domain: Text = Field(description="domain name, e.g. example.cn (IDN allowed); re-sending it updates")
    ip: Text = Field(description="public IPv4/IPv6 address or start-end range")
    found_where: Text = Field(description="where the website was found")
    found_at: Text = Field(description="YYYY-MM-DD or YYYY-MM-DD HH:MM (China Standard Time)")
    agency_code: Text = Field(description="6-digit code of the responsible agency (the token's or below)")
    certificate_type: Text | None = Field(None, description="sponsor certificate type code, e.g. uscc")
    certificate_number: Text | None = Field(None, description="sponsor certificate number")
    sponsor_name: Text | None = Field(None, description="sponsor unit or person name")
    deadline: Text | None = Field(None, description="YYYY-MM-DD; default 30 days after the import")


class ImportIn(Schema):
    model_config = ConfigDict(extra="forbid")

    websites: Annotated[list[UnregisteredWebsiteIn], Field(min_length=1, max_length=MAX_ITEMS)]


class RowErrorOut(Schema):
    row: int = Field(description="position of the item in the list sent, starting at 1")
    field: str
    message: str


class ImportOut(Schema):
    imported: int = Field(description="new items (websites, records)")
    updated: int = Field(description="items already known (same domain / record number), updated")
    errors: list[RowErrorOut] = Field(description="rows not imported, each with its reason")


def import_router(*, schema_in: type[Schema], items: str, import_rows, operation_id: str, url_name: str,
                  summary: str, description: str) -> Router:
    """The token-authenticated import endpoint of one kind: `schema_in` holds the list `items`,
    `import_rows` is the kind's import service (beian.unregistered.services.import_rows)."""
    router = Router(auth=TokenAuth())

    @router.post("", response=with_request_errors({200: ImportOut, 401: ErrorOut, 422: ErrorOut}),
                 operation_id=operation_id, url_name=url_name, summary=summary, description=description)
    def import_items(request, payload: schema_in):
        token = request.auth
        rows = [item.model_dump(exclude_none=True) for item in getattr(payload, items)]
        report = import_rows(
            actor_label="api", rows=rows, allowed_agencies=agency_and_below(token.agency),
            details={"token": token.prefix, "agency": token.agency.code})
        return {"imported": report.imported, "updated": report.updated,
                "errors": [{"row": e.row, "field": e.field, "message": e.reason} for e in report.errors]}

    return router


router = import_router(
    schema_in=ImportIn, items="websites", import_rows=services.import_rows,
    operation_id="beian_unregistered_api_import_unregistered", url_name="unregistered_websites",
    summary="Import websites found online without a filing",
    description=("Each item is checked completely; valid items are imported (upsert by domain), "
                 "invalid items are reported in `errors` and nothing of them is written. "
                 "An item for an agency outside the token's jurisdiction is such an error."))
