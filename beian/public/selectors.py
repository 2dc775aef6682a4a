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
from beian.public import record_query
from beian.public.lookup import domain_candidates
from beian.public.models import PublicDomain
from beian.rules import format_record_number
from beian.rules.domains import display_domain

NAME_RESULTS = 20
DOMAIN_RESULTS = 20


def public_database() -> str:
    return getattr(settings, "PUBLIC_READ_DATABASE", "") or "default"


# What a public read may take from the register: these columns only (a person's name and certificate
# numbers are not among them; record_data decides whether the sponsor's name may be shown).
PUBLIC_COLUMNS = ("record_number", "name", "domains", "interactive", "status", "filed_at", "cancelled_at",
                  "agency__code", "agency__name_zh", "agency__name_en", "sponsor__name",
                  "sponsor__sponsor_type__code", "sponsor__sponsor_type__name_zh",
                  "sponsor__sponsor_type__name_en", "sponsor__sponsor_type__is_unit")


def _websites():
    """Public rows of filed websites, as dicts of PUBLIC_COLUMNS."""
    return Website.objects.using(public_database()).values(*PUBLIC_COLUMNS)


def _by_number_query():
    # The number is unique: no ORDER BY (first() would sort by the model's ordering for nothing).
    return Website.objects.filter(record_number="").order_by().values_list(*PUBLIC_COLUMNS)[:1]


def website_by_number(digits: str, database: str | None = None) -> dict | None:
    """The public row of one record number: the hottest read, so a statement compiled once."""
    row = record_query.fetch_one(database or public_database(), _by_number_query, digits)
    return None if row is None else dict(zip(PUBLIC_COLUMNS, row, strict=True))


def alias_target(digits: str, database: str | None = None) -> str | None:
    """The current record number a legacy number leads to, or None."""
    return (RecordAlias.objects.using(database or public_database()).filter(number=digits)
            .values_list("website__record_number", flat=True).first())


def _local_date(moment) -> str | None:
    return timezone.localdate(moment).isoformat() if moment else None


def record_data(row: dict) -> dict:
    """The public record, language-neutral (both names of reference data): what the JSON answers and
    what the page shows. A sponsor that is not a unit is a person: the name is withheld."""
    is_unit = bool(row["sponsor__sponsor_type__is_unit"])
    domains = list(row["domains"] or [])
    return {
        "record_number": row["record_number"],
        "record_number_text": format_record_number(row["record_number"]),
        "website_name": row["name"],
        "main_domain": domains[0] if domains else "",
        "other_domains": domains[1:],
        "main_domain_display": display_domain(domains[0]) if domains else "",
        "other_domains_display": [display_domain(domain) for domain in domains[1:]],
        "sponsor_type": {"code": row["sponsor__sponsor_type__code"] or "",
                         "name_zh": row["sponsor__sponsor_type__name_zh"] or "",
                         "name_en": row["sponsor__sponsor_type__name_en"] or ""},
        "sponsor_is_unit": is_unit,
        "sponsor_name": row["sponsor__name"] if is_unit else None,
        "interactive": bool(row["interactive"]),
        "filing_agency": {"code": row["agency__code"], "name_zh": row["agency__name_zh"],
                          "name_en": row["agency__name_en"]},
        "filed_on": _local_date(row["filed_at"]),
        "status": row["status"],
        "cancelled_on": _local_date(row["cancelled_at"]),
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


def websites_named(text: str) -> list[dict]:
    """Websites whose name contains `text`, filed before cancelled (a bounded scan; ADR 0080)."""
    return list(_websites().filter(name__icontains=text).order_by("-status", "-filed_at")[:NAME_RESULTS])
