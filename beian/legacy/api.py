"""POST /api/v1/legacy-records — the import of legacy (offline) records for integrations, with an
agency's bearer token (the same tokens as /unregistered-websites: `manage.py create_api_token`).

A token imports for its agency and every agency below it. Rows are checked one by one like a CSV
upload: the answer is 200 with the counts and, per rejected row, its number (1 = the first item),
field and reason; a row for an agency outside the token's scope is such a rejected row (ADR 0061).
"""

from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from beian.imports.api import import_router
from beian.legacy import services

Text = Annotated[str, StringConstraints(strict=True, max_length=500)]
MAX_ITEMS = 500


class LegacyRecordIn(Schema):
    model_config = ConfigDict(extra="forbid")

    record_number: Text = Field(description="the 14-digit public-security record number given offline "
                                            "(京公网安备 …号 accepted); re-sending it updates the record")
    domain: Text = Field(description="domain name, e.g. example.cn (IDN allowed)")
    website_name: Text = Field(description="the website's name")
    agency_code: Text = Field(description="6-digit code of the agency that filed it (the token's or below)")
    icp_number: Text | None = Field(None, description="MIIT ICP record number, e.g. 京ICP备12345678号-1")
    sponsor_name: Text | None = Field(None, description="sponsor unit or person name")
    certificate_type: Text | None = Field(None, description="sponsor certificate type code, e.g. uscc")
    certificate_number: Text | None = Field(None, description="sponsor certificate number")
    deadline: Text | None = Field(None, description="YYYY-MM-DD to claim it by; default 30 days after the "
                                                    "import")


class LegacyImportIn(Schema):
    model_config = ConfigDict(extra="forbid")

    records: Annotated[list[LegacyRecordIn], Field(min_length=1, max_length=MAX_ITEMS)]


router = import_router(
    schema_in=LegacyImportIn, items="records", import_rows=services.import_rows,
    operation_id="beian_legacy_api_import_legacy", url_name="legacy_records",
    summary="Import legacy records (websites filed offline)",
    description=("Each item is checked completely; valid items are imported (upsert by record "
                 "number), invalid items are reported in `errors` (row = position in `records`) "
                 "and nothing of them is written. An item for an agency outside the token's "
                 "jurisdiction is such an error. `imported` counts new records, `updated` "
                 "records already known."))
