"""Load the reference data of SPEC §3 into the database. Idempotent: running it again updates the
shipped names and adds what is new, and keeps what administrators edited (agency codes, contact
details, keyword lists). Divisions follow the shipped official list (`update_divisions`, ADR 0091).

Apps above core that keep reference data of their own (review's return reasons) register a loader
in `reference_loaders` from their AppConfig.ready(): load_reference_data runs each one, in the same
transaction, with the shipped codes (ADR 0106)."""

import json
from collections.abc import Callable
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
from beian.core.plugins import Registry
from beian.core.reference.current_list import CurrentList, shipped_list
from beian.core.reference.divisions import read_divisions
from beian.core.reference.sync import DivisionChanges, sync_divisions

# Each loader takes the shipped codes (data/codes.json) and returns how many codes it loaded.
reference_loaders: Registry[Callable[[dict], int]] = Registry("reference data loaders")


@dataclass(frozen=True)
class LoadSummary:
    divisions: int
    agencies: int
    code_lists: int
    division_changes: DivisionChanges


def shipped_codes() -> dict:
    return json.loads(files("beian.core.reference").joinpath("data/codes.json").read_text("utf-8"))


@transaction.atomic
def load_reference_data() -> LoadSummary:
    codes = shipped_codes()
    abbreviations = codes["province_abbreviations"]
    for prefix, (abbreviation, icp) in abbreviations.items():
        ProvinceAbbreviation.objects.update_or_create(
            prefix=prefix, defaults={"abbreviation": abbreviation, "icp_abbreviations": icp})
    changes = update_divisions(shipped_list())
    return LoadSummary(Division.objects.count(), Agency.objects.filter(active=True).count(),
                       _load_code_lists(codes), changes)


@transaction.atomic
def update_divisions(current: CurrentList) -> DivisionChanges:
    """Bring divisions and generated agencies to `current` (the official list in force), with
    stdnum's table as the history of retired codes. Idempotent; returns what changed."""
    codes = shipped_codes()
    rows = read_divisions(codes["province_names_en"], current.names)
    return sync_divisions(rows, municipalities=set(codes["municipalities"]),
                          provinces_with_agencies=set(codes["province_abbreviations"]))


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
    return count + sum(load(codes) for load in reference_loaders)
