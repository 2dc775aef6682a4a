"""Police agencies generated from the divisions: a 网安总队 per province, a 网安支队 per prefecture
and a 网安大队 per county (SPEC §3). The agency code starts as the division code; administrators may
change it (development zones have police-only codes), which is why agencies are a table of their own.

A division retired since stdnum's table was made gets its agency too, inactive: records filed there
before the change keep an agency (ADR 0091).
"""

from dataclasses import dataclass

from beian.core.reference.divisions import DivisionRow


@dataclass(frozen=True)
class AgencyRow:
    code: str
    division_code: str
    level: str
    parent_code: str | None
    name_zh: str
    name_en: str
    active: bool = True


def _staffed(row: DivisionRow | None) -> bool:
    return row is not None and not row.is_grouping and (row.active or row.retired_recently)


def _province_agency(row: DivisionRow, municipality: bool) -> AgencyRow:
    if municipality:
        zh = f"{row.name_zh}公安局网安总队"
        en = f"Cyber Security Corps, {row.name_en} Municipal Public Security Bureau"
    else:
        zh = f"{row.name_zh}公安厅网安总队"
        en = f"Cyber Security Corps, {row.name_en} Provincial Public Security Department"
    return AgencyRow(row.code, row.code, "province", None, zh, en, row.active)


def _prefecture_agency(row: DivisionRow, parent: str) -> AgencyRow:
    return AgencyRow(row.code, row.code, "prefecture", parent,
                     f"{row.name_zh}公安局网安支队",
                     f"Cyber Security Detachment, {row.name_en} Public Security Bureau", row.active)


def _county_agency(row: DivisionRow, parent: str, place: DivisionRow) -> AgencyRow:
    # The city's name goes first: 朝阳区 exists in Beijing and in Changchun.
    bureau_zh, bureau_en = ("公安分局", "Public Security Sub-bureau") if row.name_zh.endswith("区") \
        else ("公安局", "Public Security Bureau")
    return AgencyRow(row.code, row.code, "county", parent,
                     f"{place.name_zh}{row.name_zh}{bureau_zh}网安大队",
                     f"Cyber Security Brigade, {row.name_en} {bureau_en}, {place.name_en}",
                     row.active)


def generate_agencies(divisions: list[DivisionRow], municipalities: set[str],
                      provinces_with_agencies: set[str]) -> list[AgencyRow]:
    by_code = {row.code: row for row in divisions}
    agencies: list[AgencyRow] = []
    for row in divisions:
        prefix = row.code[:2]
        if not _staffed(row) or prefix not in provinces_with_agencies:
            continue
        province_code = prefix + "0000"
        if row.level == "province":
            agencies.append(_province_agency(row, prefix in municipalities))
        elif row.level == "prefecture":
            agencies.append(_prefecture_agency(row, province_code))
        else:
            prefecture = by_code.get(row.parent_code or "")
            # A county in force reports to a city in force; a retired one may keep a retired city.
            real_prefecture = _staffed(prefecture) and prefecture.level == "prefecture" \
                and (prefecture.active or not row.active)
            parent = prefecture.code if real_prefecture else province_code
            place = prefecture if real_prefecture else by_code[province_code]
            agencies.append(_county_agency(row, parent, place))
    return agencies
