"""Public record data (language-neutral, as cached) prepared for a page in the active language."""

from __future__ import annotations

from beian.core.models.bilingual import pick_language


def for_page(data: dict) -> dict:
    shown = dict(data)
    sponsor_type, agency = data["sponsor_type"], data["filing_agency"]
    shown["sponsor_type_name"] = pick_language(sponsor_type["name_zh"], sponsor_type["name_en"])
    shown["agency_name"] = pick_language(agency["name_zh"], agency["name_en"])
    shown["is_filed"] = data["status"] == "filed"
    shown["domains_display"] = [d for d in [data["main_domain_display"], *data["other_domains_display"]] if d]
    return shown
