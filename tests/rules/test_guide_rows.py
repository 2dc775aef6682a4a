"""Rules checked row by row against the filing guide (issue 13, item 6): each case with the guide's
own example, and the near cases that must keep their old answer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beian.rules import Keywords, Severity, UnknownCode, check_filing, check_website
from beian.rules.names import check_website_name, is_placeholder_person_name

from .samples import TODAY

KEYWORDS = Keywords.defaults()


def website_name(name: str, sponsor_type: str, sponsor_name: str | None = None) -> list[tuple[str, str]]:
    return [(p.rule, str(p.severity)) for p in check_website_name(
        name, path="website.name", keywords=KEYWORDS, sponsor_type=sponsor_type, sponsor_name=sponsor_name)]


NATIONAL = [("website_name.national_prefix", "error")]


# --- 中国 / 中华 / 国家: compared with the sponsor's registered name --------------------------------

@pytest.mark.parametrize(("sponsor_type", "sponsor_name", "site"), [
    ("enterprise", "中国移动通信集团有限公司", "中国移动网上营业厅"),
    ("enterprise", "中华书局有限公司", "中华书局古籍网"),
    ("institution", "国家图书馆", "国家数字图书馆"),
    ("social_organization", "中国消费者协会", "中国消费者协会维权平台"),  # a national organisation: 维权 too
    ("enterprise", " 中国 移动通信集团有限公司", "中国移动"),  # spaces as typed
])
def test_a_sponsor_whose_registered_name_begins_with_the_prefix_may_use_it(sponsor_type, sponsor_name, site):
    assert website_name(site, sponsor_type, sponsor_name) == []


@pytest.mark.parametrize(("sponsor_type", "sponsor_name", "site"), [
    ("enterprise", "杭州云景科技有限公司", "中国云景网"),  # not a national name
    ("enterprise", "中国移动通信集团有限公司", "中华美食网"),  # another prefix than its own
    ("social_organization", "中华医学会", "中国医学网"),
    ("enterprise", "云景中国科技有限公司", "中国云景网"),  # 中国 inside the name is not its beginning
    ("enterprise", None, "中国云景网"),  # the name is not known: the rule cannot see a national one
    ("individual", "国家豪", "国家豪的博客"),  # a person's name proves nothing
    ("enterprise", "杭州云景科技有限公司", "云景维权网"),
])
def test_others_are_still_refused_the_prefix(sponsor_type, sponsor_name, site):
    assert website_name(site, sponsor_type, sponsor_name) == NATIONAL


def test_governments_and_the_military_keep_their_way_through():
    assert website_name("全国人口信息网", "government", "杭州市公安局") == []
    assert website_name("中国军网", "military", "某部队") == []


def test_the_guide_example_through_check_filing_and_the_sponsor_name():
    document = {"sponsor": {"type": "enterprise", "name": "中国移动通信集团有限公司"},
                "website": {"name": "中国移动网上营业厅"}}
    assert check_filing(document, today=TODAY) == []
    document["sponsor"]["name"] = "杭州移动通信有限公司"
    assert [p.rule for p in check_filing(document, today=TODAY)] == ["website_name.national_prefix"]


# --- public-affairs words: a warning for institutions and social organisations -------------------

@pytest.mark.parametrize(("sponsor_type", "site"), [
    ("institution", "杭州市公安局交通指挥中心服务网"), ("social_organization", "浙江省税务学会"),
])
def test_authorised_institutions_get_a_warning_the_reviewer_judges(sponsor_type, site):
    assert website_name(site, sponsor_type) == [("website_name.government_words", "warning")]


@pytest.mark.parametrize("sponsor_type", ["enterprise", "individual", "military"])
def test_other_non_government_sponsors_are_still_refused(sponsor_type):
    assert website_name("云景公安服务网", sponsor_type) == [("website_name.government_words", "error")]


def test_a_warning_does_not_block_the_filing():
    document = {"sponsor": {"type": "institution", "name": "杭州市交通事业发展中心"},
                "website": {"name": "杭州公安交通服务网"}}
    problems = check_filing(document, today=TODAY)
    assert [(p.rule, p.severity) for p in problems] == [("website_name.government_words", Severity.WARNING)]


# --- Mr. Wang, Miss Li, Ms. Zhang ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["Mr. Wang", "Miss Li", "Ms. Zhang", "Mrs. Chen", "Mr Wang", "MR. WANG",
                                  "mr wang", "Mr.Wang", "ms zhang", "Mister Wang", "Sir Li"])
@pytest.mark.parametrize("certificate_type", ["passport", "foreign_permanent_id", None])
def test_the_guides_english_forms_of_address_are_placeholders(name, certificate_type):
    assert is_placeholder_person_name(name, certificate_type, KEYWORDS)


@pytest.mark.parametrize("name", ["Missy Elliott", "Msomi Thabo", "Mrinal Sen", "Sirius Black",
                                  "John Smith", "Madison Li"])
def test_real_latin_names_that_begin_like_a_title_stay_names(name):
    assert not is_placeholder_person_name(name, "passport", KEYWORDS)


TITLES = st.sampled_from(["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Miss."])
SURNAME = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12).map(str.capitalize)


@given(TITLES, st.sampled_from([" ", "  ", ". "]), SURNAME, st.sampled_from([str, str.upper, str.lower]))
def test_any_title_before_any_surname_is_a_placeholder(title, gap, surname, case):
    name = case(f"{title}{gap}{surname}".replace(".. ", ". "))
    assert is_placeholder_person_name(name, "passport", KEYWORDS)


def test_a_leader_called_miss_li_is_refused_through_check_filing():
    document = {"leaders": [{"role": "security_leader", "name": "Miss Li", "certificate_type": "passport"}]}
    assert [(p.rule, p.field) for p in check_filing(document, today=TODAY)] == [
        ("person_name.placeholder", "leaders[0].name")]


def test_administrators_edit_the_forms_of_address():
    keywords = Keywords.from_dict({"person_placeholder_latin_titles": ["Dr."]})
    assert is_placeholder_person_name("Dr. Wang", "passport", keywords)
    assert not is_placeholder_person_name("Mr. Wang", "passport", keywords)


# --- a claim (or a change) is not a late first filing -------------------------------------------

OPENED_LONG_AGO = {"website": {"opened_on": "2015-03-01"}}


def test_a_new_website_opened_long_ago_is_late():
    assert [p.rule for p in check_filing(OPENED_LONG_AGO, today=TODAY)] == ["filing.late"]
    assert [p.rule for p in check_filing({**OPENED_LONG_AGO, "kind": "new"}, today=TODAY)] == ["filing.late"]


@pytest.mark.parametrize("kind", ["claim", "change"])
def test_a_claim_of_an_offline_filing_is_never_late(kind):
    assert check_filing({**OPENED_LONG_AGO, "kind": kind}, today=TODAY) == []
    assert check_website(OPENED_LONG_AGO["website"], today=TODAY, kind=kind) == []


def test_an_unknown_kind_is_refused_with_its_path():
    with pytest.raises(UnknownCode) as refused:
        check_filing({**OPENED_LONG_AGO, "kind": "renewal"}, today=TODAY)
    assert refused.value.field == "kind"
