"""GET /api/v1/records/<14 digits> and GET /api/v1/records?domain=… — the public register as JSON
(SPEC §6). No login. A record by number is served from the cache (one cache read when warm) with a
strong ETag and a public Cache-Control, so a CDN can hold it; a legacy number redirects (301) to the
current record. The domain lookup is rate-limited per client like the lookup page (ADR 0080)."""

import json

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from beian.api.errors import error_body
from beian.api.limits import TooManyRequests
from beian.core.api_schemas import ErrorOut, with_request_errors
from beian.public import http_cache, messages, record_cache
from beian.public.limits import limit_lookup
from beian.public.lookup import domain_of, record_digits

router = Router()


class NamedCode(Schema):
    code: str
    name_zh: str
    name_en: str


class RecordOut(Schema):
    record_number: str = Field(description="14 digits")
    record_number_text: str = Field(description="as displayed, e.g. 京公网安备 11010502030143号")
    website_name: str
    main_domain: str = Field(description="ASCII (IDNA) form")
    other_domains: list[str]
    main_domain_display: str = Field(description="Unicode form for people")
    other_domains_display: list[str]
    sponsor_type: NamedCode
    sponsor_is_unit: bool = Field(description="false: the sponsor is an individual")
    sponsor_name: str | None = Field(description="the unit's name; null for an individual (withheld)")
    interactive: bool
    filing_agency: NamedCode
    filed_on: str = Field(description="YYYY-MM-DD (China Standard Time)")
    status: str = Field(description="filed or cancelled")
    cancelled_on: str | None = Field(description="YYYY-MM-DD when cancelled")


class RecordListOut(Schema):
    domain: str = Field(description="the domain looked up, normalised")
    records: list[RecordOut]


def _error(status: int, field: str, message: str) -> HttpResponse:
    return HttpResponse(json.dumps(error_body(field, message), ensure_ascii=False), status=status,
                        content_type="application/json")


@router.get("/{digits}", response=with_request_errors({200: RecordOut, 301: None, 304: None, 404: ErrorOut}),
            url_name="record", summary="One public record by its number",
            description=("Any spelling of the number is accepted in the path once URL-encoded (with the "
                         "province prefix, spaces, 号); the answer for another spelling or a legacy number "
                         "is a 301 to /api/v1/records/<14 digits>. Sends ETag; If-None-Match gives 304."))
def record(request, digits: str):
    parsed = record_digits(digits)
    if parsed is None:
        return _error(404, "digits", messages.not_a_record_number())
    entry = record_cache.entry(parsed)
    if entry["kind"] == "alias" or parsed != digits:
        return HttpResponsePermanentRedirect(reverse("api-v1:record", args=[entry.get("to", parsed)]))
    if entry["kind"] == "missing":
        return _error(404, "digits", messages.no_such_record(parsed))
    etag = http_cache.json_etag(entry["etag"])
    cached = http_cache.not_modified(request, etag)
    if cached is not None:
        return cached
    response = HttpResponse(entry["json"], content_type="application/json")
    return http_cache.mark(response, request, etag)


@router.get("", response=with_request_errors({200: RecordListOut, 404: ErrorOut, 422: ErrorOut,
                                              429: ErrorOut}),
            url_name="records", summary="Public records of a domain",
            description=("The websites a domain belongs to: the name itself or without www. as any filed "
                         "domain, else a parent name as the main domain of a website (sub-domains). Filed "
                         "before cancelled. A text that is no domain name or URL is 404 (nothing can be "
                         "filed under it); an empty one 422. Rate-limited per client."))
def records_by_domain(request, domain: str = Query(..., min_length=1, max_length=300,
                                                   description="a domain or URL, e.g. www.example.cn")):
    normalised = domain_of(domain)
    if normalised is None:
        # The schema accepts any text, so a text that is no domain is "not found", not malformed.
        return _error(404, "domain", messages.not_a_domain())
    wait = limit_lookup(request)
    if wait:
        raise TooManyRequests(wait)
    found = [record_cache.entry(number) for number in record_cache.numbers_for_domain(normalised)]
    return {"domain": normalised, "records": [entry["data"] for entry in found if entry["kind"] == "record"]}
