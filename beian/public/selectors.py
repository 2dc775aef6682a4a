"""Public reads: record pages, the lookup and the open statistics (SPEC §6, ARCHITECTURE "ready to
scale out").

Nothing here is scoped to a user — these are the reads anyone may make — so every query goes to
`public_database()`: the default database unless PUBLIC_READ_DATABASE names a read replica. What a
public read may show is decided here too: `record_data` is the only place that turns a filed website
into public data, and it never reads a person's name or any certificate number (ADR 0080).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from beian.filings.models import RecordAlias, Website
from beian.public.lookup import domain_candidates
from beian.public.models import PublicDomain
from beian.rules.domains import display_domain

NAME_RESULTS = 20
DOMAIN_RESULTS = 20


def public_database() -> str:
    return getattr(settings, "PUBLIC_READ_DATABASE", "") or "default"


def _websites():
    return (Website.objects.using(public_database())
            .select_related("agency", "sponsor__sponsor_type")
            .only("record_number", "name", "domains", "interactive", "status", "filed_at", "cancelled_at",
                  "updated_at", "agency__code", "agency__name_zh", "agency__name_en",
                  "sponsor__name", "sponsor__sponsor_type__code", "sponsor__sponsor_type__name_zh",
                  "sponsor__sponsor_type__name_en", "sponsor__sponsor_type__is_unit"))


def website_by_number(digits: str) -> Website | None:
    # The number is unique: no ORDER BY (first() would sort by the model's ordering for nothing).
    found = list(_websites().filter(record_number=digits).order_by()[:1])
    return found[0] if found else None


def alias_target(digits: str) -> str | None:
    """The current record number a legacy number leads to, or None."""
    return (RecordAlias.objects.using(public_database()).filter(number=digits)
            .values_list("website__record_number", flat=True).first())


def _local_date(moment) -> str | None:
    return timezone.localdate(moment).isoformat() if moment else None


def record_data(website: Website) -> dict:
    """The public record, language-neutral (both names of reference data): what the JSON answers and
    what the page shows. A sponsor that is not a unit is a person: the name is withheld."""
    sponsor_type = website.sponsor.sponsor_type
    is_unit = bool(sponsor_type and sponsor_type.is_unit)
    domains = list(website.domains or [])
    return {
        "record_number": website.record_number,
        "record_number_text": website.record_number_text,
        "website_name": website.name,
        "main_domain": domains[0] if domains else "",
        "other_domains": domains[1:],
        "main_domain_display": display_domain(domains[0]) if domains else "",
        "other_domains_display": [display_domain(domain) for domain in domains[1:]],
        "sponsor_type": {"code": sponsor_type.code if sponsor_type else "",
                         "name_zh": sponsor_type.name_zh if sponsor_type else "",
                         "name_en": sponsor_type.name_en if sponsor_type else ""},
        "sponsor_is_unit": is_unit,
        "sponsor_name": website.sponsor.name if is_unit else None,
        "interactive": bool(website.interactive),
        "filing_agency": {"code": website.agency.code, "name_zh": website.agency.name_zh,
                          "name_en": website.agency.name_en},
        "filed_on": _local_date(website.filed_at),
        "status": website.status,
        "cancelled_on": _local_date(website.cancelled_at),
    }


def numbers_for_domain(domain: str) -> list[str]:
    """Record numbers of the websites a domain belongs to: the name itself (or without www.) as any
    filed domain, else a parent name as a main domain. Filed before cancelled, newest first."""
    exact, parents = domain_candidates(domain)
    rows = PublicDomain.objects.using(public_database())
    found = list(dict.fromkeys(rows.filter(domain__in=exact).order_by("-filed", "-website_id")
                               .values_list("website__record_number", flat=True)[:DOMAIN_RESULTS]))
    if found or not parents:
        return found
    matches = list(rows.filter(domain__in=parents, is_main=True)
                   .values_list("domain", "filed", "website_id", "website__record_number")[:DOMAIN_RESULTS])
    if not matches:
        return []
    # The closest parent wins (x.shop.example.cn belongs to shop.example.cn, not to example.cn).
    closest = min(parents.index(row[0]) for row in matches)
    matches = sorted((row for row in matches if parents.index(row[0]) == closest),
                     key=lambda row: (not row[1], -row[2]))
    return list(dict.fromkeys(row[3] for row in matches))


def websites_by_numbers(numbers: list[str]) -> list[Website]:
    by_number = {website.record_number: website for website in _websites().filter(record_number__in=numbers)}
    return [by_number[number] for number in numbers if number in by_number]


def websites_named(text: str) -> list[Website]:
    """Websites whose name contains `text`, filed before cancelled (a bounded scan; ADR 0080)."""
    return list(_websites().filter(name__icontains=text).order_by("-status", "-filed_at")[:NAME_RESULTS])
