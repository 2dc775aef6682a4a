"""The token-authenticated import endpoint every import kind has (POST /api/v1/unregistered-websites,
/api/v1/legacy-records), written once: an agency's bearer token imports for its agency and every
agency below it. Rows are checked one by one like a CSV upload: the answer is 200 with the counts
and, per rejected row, its number (1 = the first item), field and reason; a row for an agency
outside the token's scope is such a rejected row (ADR 0060, 0061).
"""

from ninja import Field, Router, Schema
from ninja.security import HttpBearer

from beian.core.api_schemas import ErrorOut, with_request_errors
from beian.imports.api_tokens import token_for
from beian.imports.importing import agency_and_below


class TokenAuth(HttpBearer):
    openapi_description = "An agency's API token (create it with `manage.py create_api_token <agency_code>`)."

    def authenticate(self, request, token):
        return token_for(token)


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
    `import_rows` is the kind's import service (e.g. beian.unregistered.services.import_rows)."""
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
