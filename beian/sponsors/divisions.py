"""The address cascade (province → city → county) and the filing agency of an address (SPEC §3).

GB/T 2260 has groupings that are no place of their own (市辖区, 县, 省直辖县级行政区划): a city-level
grouping is offered under its own name, as in every Chinese address form (北京市 → 市辖区 → 朝阳区);
county-level groupings are never offered. A prefecture-level city without counties (东莞市, 儋州市)
is offered as its own "county", so that every address ends at a real place.
"""

from django.db.models import Exists, OuterRef, QuerySet

from beian.core.models import Agency, Division

Level = Division.Level


def _real_counties() -> QuerySet[Division]:
    return Division.objects.filter(level=Level.COUNTY, active=True, is_grouping=False)


def provinces() -> QuerySet[Division]:
    return Division.objects.filter(level=Level.PROVINCE, active=True).order_by("code")


def cities(province_code: str) -> QuerySet[Division]:
    """Prefecture-level children of a province that hold a place: a real city, or a grouping that
    has real counties."""
    has_counties = Exists(_real_counties().filter(parent=OuterRef("pk")))
    return (Division.objects.filter(level=Level.PREFECTURE, active=True, parent_id=province_code)
            .annotate(has_counties=has_counties)
            .exclude(is_grouping=True, has_counties=False).order_by("code"))


def counties(city_code: str) -> list[Division]:
    """Real counties of a city; a city without counties is its own only choice."""
    found = list(_real_counties().filter(parent_id=city_code).order_by("code"))
    if found:
        return found
    city = Division.objects.filter(pk=city_code, level=Level.PREFECTURE, active=True,
                                   is_grouping=False).first()
    return [city] if city else []


def is_address_division(division: Division) -> bool:
    """A current county, or a current city that has no county of its own."""
    if not division.active or division.is_grouping:
        return False
    if division.level == Level.COUNTY:
        return True
    return division.level == Level.PREFECTURE and not _real_counties().filter(parent=division).exists()


def ancestors(division: Division) -> list[Division]:
    """The division and its parents up to the province, nearest first."""
    chain = []
    current = division
    while current is not None:
        chain.append(current)
        current = current.parent
    return chain


def cascade_codes(division: Division | None) -> tuple[str, str, str]:
    """(province, city, county) codes that select `division` in the cascade."""
    if division is None:
        return "", "", ""
    chain = ancestors(division)
    province = next((d.code for d in chain if d.level == Level.PROVINCE), "")
    city = next((d.code for d in chain if d.level == Level.PREFECTURE), "")
    return province, city, division.code


def full_name(division: Division | None) -> str:
    """北京市朝阳区: the places of the chain, without groupings."""
    if division is None:
        return ""
    return "".join(d.name for d in reversed(ancestors(division)) if not d.is_grouping)


def filing_agency_for(division: Division) -> Agency | None:
    """The agency that accepts filings from this address: the generated agency of the division, or —
    when that division has no active agency (a new county not yet staffed) — the nearest ancestor's."""
    for place in ancestors(division):
        agency = (Agency.objects.filter(division=place, active=True)
                  .order_by("-generated", "code").first())
        if agency is not None:
            return agency
    return None
