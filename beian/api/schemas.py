"""The pre-check document of SPEC §7.1 as API schemas (OpenAPI). Every key is optional; unknown keys
are refused so that a misspelt key is not silently left unchecked. Codes are checked by beian.rules
against SPEC §3 (they are data, so they are plain text here)."""

from datetime import date
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictBool, StringConstraints

Text = Annotated[str, StringConstraints(strict=True, max_length=500)]
Code = Annotated[str, StringConstraints(strict=True, max_length=40)]
ShortList = Annotated[list[Text], Field(max_length=50)]
CodeList = Annotated[list[Code], Field(max_length=30)]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class PersonIn(Strict):
    name: Text | None = None
    certificate_type: Code | None = None
    certificate_number: Text | None = None
    residence: Text | None = None
    mobile: Text | None = None
    office_phone: Text | None = None
    email: Text | None = None


class SponsorIn(Strict):
    type: Code | None = None
    name: Text | None = Field(None, description="the registered name; a website name may begin with 中国, "
                                                "中华 or 国家 only when this name begins with it too")
    certificate_type: Code | None = None
    certificate_number: Text | None = None
    certificate_valid_until: date | Literal["long_term"] | None = Field(
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
    opened_on: date | None = None
    service_types: CodeList | None = None
    interactive: StrictBool | None = None
    interactive_services: CodeList | None = None
    pre_approvals: CodeList | None = None
    agreement_accepted: StrictBool | None = None


class LeaderIn(PersonIn):
    role: Literal["security_leader", "emergency_contact"] | None = None


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


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: list[ErrorDetail]
