"""Load the reference data of SPEC §3 into the database. Idempotent: running it again updates the
shipped names and adds what is new, and keeps what administrators edited (agency codes, contact
details, keyword lists)."""

import json
from dataclasses import dataclass
from importlib.resources import files

from django.db import transaction

from beian.core.models import (
    Agency,
    CertificateType,
    Division,
    InteractiveService,
    PreApproval,
    ProvinceAbbreviation,
    ServiceType,
    SponsorType,
)
from beian.core.reference.agencies import generate_agencies
from beian.core.reference.divisions import read_divisions


@dataclass(frozen=True)
class LoadSummary:
    divisions: int
    agencies: int
    code_lists: int


def shipped_codes() -> dict:
    return json.loads(files("beian.core.reference").joinpath("data/codes.json").read_text("utf-8"))


@transaction.atomic
def load_reference_data() -> LoadSummary:
    codes = shipped_codes()
    divisions = read_divisions(codes["province_names_en"])
    Division.objects.bulk_create(
        [Division(code=r.code, name_zh=r.name_zh, name_en=r.name_en, level=r.level,
                  parent_id=r.parent_code, active=r.active, is_grouping=r.is_grouping)
         for r in divisions],
        update_conflicts=True, unique_fields=["code"],
        update_fields=["name_zh", "name_en", "level", "parent", "active", "is_grouping"],
        batch_size=1000,
    )
    abbreviations = codes["province_abbreviations"]
    for prefix, (abbreviation, icp) in abbreviations.items():
        ProvinceAbbreviation.objects.update_or_create(
            prefix=prefix, defaults={"abbreviation": abbreviation, "icp_abbreviations": icp})
    agency_count = _load_agencies(divisions, set(codes["municipalities"]), set(abbreviations))
    return LoadSummary(len(divisions), agency_count, _load_code_lists(codes))


def _load_agencies(divisions, municipalities: set[str], provinces: set[str]) -> int:
    rows = generate_agencies(divisions, municipalities, provinces)
    existing = {agency.division_id: agency for agency in Agency.objects.filter(generated=True)}
    new, changed = [], []
    for row in rows:
        agency = existing.get(row.division_code)
        if agency is None:
            new.append(Agency(code=row.code, division_id=row.division_code, level=row.level,
                              name_zh=row.name_zh, name_en=row.name_en, generated=True))
        elif (agency.name_zh, agency.name_en) != (row.name_zh, row.name_en):
            agency.name_zh, agency.name_en = row.name_zh, row.name_en
            changed.append(agency)
    Agency.objects.bulk_create(new, batch_size=1000)
    Agency.objects.bulk_update(changed, ["name_zh", "name_en"], batch_size=1000)
    # A division that was retired or became a grouping keeps its agency for old records, inactive.
    Agency.objects.filter(generated=True).exclude(
        division_id__in=[row.division_code for row in rows]).update(active=False)
    by_division = dict(Agency.objects.filter(generated=True).values_list("division_id", "id"))
    parent_division = {row.division_code: row.parent_code for row in rows}
    with_parent = []
    for agency in Agency.objects.filter(generated=True).only("id", "division_id", "parent_id"):
        parent_id = by_division.get(parent_division.get(agency.division_id))
        if agency.parent_id != parent_id:
            agency.parent_id = parent_id
            with_parent.append(agency)
    Agency.objects.bulk_update(with_parent, ["parent"], batch_size=1000)
    return len(rows)


def _load_code_lists(codes: dict) -> int:
    count = 0
    for position, item in enumerate(codes["certificate_types"]):
        CertificateType.objects.update_or_create(code=item["code"], defaults={
            "name_zh": item["zh"], "name_en": item["en"], "position": position,
            "for_units": item["units"], "for_persons": item["persons"],
            "format_zh": item["format_zh"], "format_en": item["format_en"]})
        count += 1
    certificate_ids = dict(CertificateType.objects.values_list("code", "id"))
    for position, item in enumerate(codes["sponsor_types"]):
        sponsor_type, _ = SponsorType.objects.update_or_create(code=item["code"], defaults={
            "name_zh": item["zh"], "name_en": item["en"], "position": position,
            "is_unit": item["unit"]})
        sponsor_type.certificate_types.set([certificate_ids[c] for c in item["certificates"]])
        count += 1
    for model, key in ((ServiceType, "service_types"), (InteractiveService, "interactive_services")):
        for position, item in enumerate(codes[key]):
            model.objects.update_or_create(code=item["code"], defaults={
                "name_zh": item["zh"], "name_en": item["en"], "position": position})
            count += 1
    for position, item in enumerate(codes["pre_approvals"]):
        # Keywords are only seeded: administrators edit them, a reload must not undo that.
        approval, created = PreApproval.objects.update_or_create(code=item["code"], defaults={
            "name_zh": item["zh"], "name_en": item["en"], "position": position,
            "authority_zh": item["authority_zh"], "authority_en": item["authority_en"]})
        if created:
            approval.keywords = item["keywords"]
            approval.save(update_fields=["keywords"])
        count += 1
    return count + _load_return_reasons(codes["return_reasons"])


def _load_return_reasons(reasons: list[dict]) -> int:
    from beian.review.models import ReturnReason

    for position, item in enumerate(reasons):
        # Only added when missing: administrators word and retire reasons themselves.
        ReturnReason.objects.get_or_create(code=item["code"], defaults={
            "text_zh": item["zh"], "text_en": item["en"], "field": item["field"],
            "kinds": item["kinds"], "position": position})
    return len(reasons)
