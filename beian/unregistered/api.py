"""POST /api/v1/unregistered-websites — the import for integrations, with an agency's bearer token.

A token imports for its agency and every agency below it. Rows are checked one by one like a CSV
upload: the answer is 200 with the counts and, per rejected row, its number (1 = the first item),
field and reason; a row for an agency outside the token's scope is such a rejected row (ADR 0060).
The endpoint itself is the one of every import kind (beian.imports.api).
"""

from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from beian.imports.api import import_router
from beian.unregistered import services

Text = Annotated[str, StringConstraints(strict=True, max_length=500)]
MAX_ITEMS = 500


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


router = import_router(
    schema_in=ImportIn, items="websites", import_rows=services.import_rows,
    operation_id="beian_unregistered_api_import_unregistered", url_name="unregistered_websites",
    summary="Import websites found online without a filing",
    description=("Each item is checked completely; valid items are imported (upsert by domain), "
                 "invalid items are reported in `errors` and nothing of them is written. "
                 "An item for an agency outside the token's jurisdiction is such an error."))
