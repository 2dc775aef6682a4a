"""The pre-check document of SPEC §7.1 as API schemas (OpenAPI). Every key is optional; unknown keys
are refused so that a misspelt key is not silently left unchecked. Codes are checked by beian.rules
against SPEC §3 (they are data, so they are plain text here)."""

from datetime import date
from typing import Annotated, Literal

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field, StrictBool, StringConstraints
from pydantic_core import PydanticCustomError

from beian.rules import codes

Text = Annotated[str, StringConstraints(strict=True, max_length=500)]
ShortList = Annotated[list[Text], Field(max_length=50)]


def _written_date(value):
    """A date is text (YYYY-MM-DD): pydantic would also read 0 as 1970-01-01."""
    if isinstance(value, str | date):
        return value
    raise PydanticCustomError("date_type", "expected a date written YYYY-MM-DD")


WrittenDate = Annotated[date, BeforeValidator(_written_date)]
ValidUntil = Annotated[date | Literal["long_term"], BeforeValidator(_written_date)]
# The codes of SPEC §3 are part of the contract (beian.rules.codes): the schema lists them, so a
# document the schema accepts is one the rules can check.
SponsorType = Literal[codes.SPONSOR_TYPES]
CertificateType = Literal[codes.CERTIFICATE_TYPES]
ServiceTypes = Annotated[list[Literal[codes.SERVICE_TYPES]], Field(max_length=30)]
InteractiveServices = Annotated[list[Literal[codes.INTERACTIVE_SERVICES]], Field(max_length=30)]
PreApprovals = Annotated[list[Literal[codes.PRE_APPROVALS]], Field(max_length=30)]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class PersonIn(Strict):
    name: Text | None = None
    certificate_type: CertificateType | None = None
    certificate_number: Text | None = None
    residence: Text | None = None
    mobile: Text | None = None
    office_phone: Text | None = None
    email: Text | None = None


class SponsorIn(Strict):
    type: SponsorType | None = None
    name: Text | None = Field(None, description="the registered name; a website name may begin with 中国, "
                                                "中华 or 国家 only when this name begins with it too")
    certificate_type: CertificateType | None = None
    certificate_number: Text | None = None
    certificate_valid_until: ValidUntil | None = Field(
        None, description="YYYY-MM-DD, or long_term")
    address: Text | None = None
    office_phone: Text | None = None
    mobile: Text | None = None
    email: Text | None = None
    person_in_charge: PersonIn | None = None


class WebsiteIn(Strict):
    name: Text | None = None
    domains: ShortList | None = None
    ips: ShortList | None = Field(None, description="single addresses or start-end ranges")
    icp_number: Text | None = None
    opened_on: WrittenDate | None = Field(None, description="YYYY-MM-DD")
    service_types: ServiceTypes | None = None
    interactive: StrictBool | None = None
    interactive_services: InteractiveServices | None = None
    pre_approvals: PreApprovals | None = None
    agreement_accepted: StrictBool | None = None


class LeaderIn(PersonIn):
    role: Literal[codes.LEADER_ROLES] | None = None


class PrecheckIn(Strict):
    kind: Literal["new", "change", "claim"] | None = Field(
        None, description="what is filed: a new website (default), a change of a filed one, or the claim "
                          "of a website filed offline; only a new website can be filed late (filing.late)")
    sponsor: SponsorIn | None = None
    website: WebsiteIn | None = None
    leaders: Annotated[list[LeaderIn], Field(max_length=10)] | None = None


class ProblemOut(Schema):
    rule: str = Field(description="stable rule id of SPEC §7, e.g. person_name.placeholder")
    severity: Literal["error", "warning"]
    field: str = Field(description="dotted path in the document, e.g. website.domains[0]")
    message: str = Field(description="what is wrong and what to do, in the request's language")


class PrecheckOut(Schema):
    ok: bool = Field(description="true when there is no error (warnings allowed)")
    problems: list[ProblemOut]
