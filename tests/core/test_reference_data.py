import pytest

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
from beian.core.reference.loader import load_reference_data

pytestmark = pytest.mark.django_db


def test_divisions_cover_current_and_retired_codes_with_levels_and_parents(reference_data):
    assert Division.objects.count() > 5000
    chaoyang = Division.objects.get(code="110105")
    assert (chaoyang.name_zh, chaoyang.level, chaoyang.active) == ("朝阳区", "county", True)
    assert chaoyang.parent_id == "110100"
    assert Division.objects.get(code="110100").is_grouping
    chongwen = Division.objects.get(code="110103")
    assert chongwen.name_zh == "崇文区" and not chongwen.active
    assert Division.objects.get(code="330100").parent_id == "330000"
    assert Division.objects.filter(level="province", active=True).count() == 34


def test_an_agency_for_every_current_mainland_division(reference_data):
    current = Division.objects.filter(active=True, is_grouping=False).exclude(
        code__regex=r"^(71|81|82)")
    assert Agency.objects.filter(active=True).count() == current.count()
    west_lake = Agency.objects.get(code="330106")
    assert west_lake.name_zh == "杭州市西湖区公安分局网安大队"
    assert west_lake.name_en == (
        "Cyber Security Brigade, Xihu District Public Security Sub-bureau, Hangzhou City")
    assert west_lake.parent.code == "330100"
    assert west_lake.parent.parent.code == "330000"
    assert Agency.objects.get(code="330000").name_zh == "浙江省公安厅网安总队"
    # Counties of a municipality and of 省直辖 groupings report to the provincial corps.
    assert Agency.objects.get(code="110105").parent.code == "110000"
    assert Agency.objects.get(code="429004").parent.code == "420000"
    assert not Agency.objects.filter(division__is_grouping=True, active=True).exists()


def test_province_abbreviations_including_icp_variants(reference_data):
    assert ProvinceAbbreviation.objects.count() == 31
    sichuan = ProvinceAbbreviation.objects.get(prefix="51")
    assert sichuan.abbreviation == "川" and sichuan.icp_abbreviations == ["蜀"]
    assert ProvinceAbbreviation.objects.get(prefix="11").abbreviation == "京"


def test_code_lists_of_the_spec(reference_data):
    assert set(SponsorType.objects.values_list("code", flat=True)) == {
        "enterprise", "military", "government", "institution", "social_organization", "individual"}
    assert CertificateType.objects.count() == 12
    assert set(SponsorType.objects.get(code="individual").certificate_types.values_list(
        "code", flat=True)) == {"resident_id", "passport", "hk_macao_permit", "taiwan_permit",
                                "hmt_residence_permit", "foreign_permanent_id"}
    assert "business_license" in SponsorType.objects.get(code="enterprise").certificate_types.values_list(
        "code", flat=True)
    assert ServiceType.objects.count() == 10
    assert InteractiveService.objects.count() == 15
    assert PreApproval.objects.get(code="bbs").keywords == ["论坛", "BBS"]


def test_loading_twice_changes_nothing_and_keeps_administrators_edits(reference_data):
    agency = Agency.objects.get(code="330106")
    agency.code = "330197"
    agency.telephone = "0571-87280000"
    agency.save()
    PreApproval.objects.filter(code="news").update(keywords=["新闻", "资讯"])
    before = (Division.objects.count(), Agency.objects.count())
    load_reference_data()
    assert (Division.objects.count(), Agency.objects.count()) == before
    agency.refresh_from_db()
    assert (agency.code, agency.telephone) == ("330197", "0571-87280000")
    assert PreApproval.objects.get(code="news").keywords == ["新闻", "资讯"]


def test_names_follow_the_language(reference_data):
    from django.utils import translation

    sponsor = SponsorType.objects.get(code="enterprise")
    with translation.override("en"):
        assert sponsor.name == "Enterprise"
    with translation.override("zh-hans"):
        assert sponsor.name == "企业单位"


def test_division_names_are_in_simplified_characters_even_where_the_history_is_traditional():
    from beian.core.reference.divisions import read_divisions

    # Without the current list, names come from stdnum's table alone, which writes 香港特別行政區.
    rows = {row.code: row.name_zh for row in read_divisions({}, {})}
    assert rows["810000"] == "香港特别行政区" and rows["820000"] == "澳门特别行政区"
    assert rows["232702"] == "松岭区"
    traditional = set("區別門達嶺員會")
    assert not [name for name in rows.values() if traditional & set(name)]
