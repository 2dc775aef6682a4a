from __future__ import annotations

import pytest

from beian.rules import Keywords
from beian.rules.names import check_sponsor_name, check_website_name, is_placeholder_person_name

KEYWORDS = Keywords.defaults()


@pytest.mark.parametrize("name", [
    "王先生", "李小姐", "张女士", "欧阳先生", "刘老师", "王总", "某某", "张某某", "个人", "本人", "测试",
    "测试用户", "王2", "李明A", "Li明", "王", "", "  ", "123", "王-明", "Mr",
])
def test_placeholder_names(name: str):
    assert is_placeholder_person_name(name, "resident_id", KEYWORDS)


@pytest.mark.parametrize("name", ["王先生明", "李明", "欧阳娜娜", "阿卜杜拉·买买提", "司马 相如", "张　三"])
def test_real_chinese_names(name: str):
    assert not is_placeholder_person_name(name, "resident_id", KEYWORDS)


def test_latin_names_depend_on_the_certificate():
    assert not is_placeholder_person_name("John O'Brien-Smith", "passport", KEYWORDS)
    assert not is_placeholder_person_name("Anna Müller", "foreign_permanent_id", KEYWORDS)
    assert not is_placeholder_person_name("José M. García", "passport", KEYWORDS)
    assert not is_placeholder_person_name("Jean Dupont", None, KEYWORDS)  # type unknown: benefit of doubt
    assert is_placeholder_person_name("John Smith", "resident_id", KEYWORDS)
    assert is_placeholder_person_name("John Smith 2", "passport", KEYWORDS)
    assert is_placeholder_person_name("test", "passport", KEYWORDS)


def rules(problems) -> list[str]:
    return [p.rule for p in problems]


def test_sponsor_name_rules():
    def check(name, sponsor_type, **kw):
        return rules(check_sponsor_name(name, path="sponsor.name", keywords=KEYWORDS,
                                        sponsor_type=sponsor_type, **kw))
    assert check("https://yunjing.cn", "enterprise") == ["sponsor_name.is_domain"]
    assert check("例子.中国", None) == ["sponsor_name.is_domain"]
    assert check("!!!", None) == ["sponsor_name.not_a_name"]
    assert check("Yunjing Technology Co., Ltd.", "enterprise") == ["sponsor_name.not_a_name"]
    assert check("云景科技", "enterprise", website_name="云景 科技") == ["sponsor_name.not_a_name"]
    assert check("杭州云景科技有限公司", "government") == ["sponsor_name.nature_mismatch"]
    assert check("云景集团", "social_organization") == ["sponsor_name.nature_mismatch"]
    assert check("杭州云景科技有限公司", "enterprise") == []
    assert check("朝阳区教育局", "individual", certificate_type="resident_id") == [
        "sponsor_name.nature_mismatch"]
    assert check("张先生", "individual", certificate_type="resident_id") == ["person_name.placeholder"]
    assert check("张三丰", "individual", certificate_type="resident_id") == []
    assert check("John Smith", "individual", certificate_type="passport") == []


def test_website_name_rules():
    def check(name, sponsor_type="enterprise", pre_approvals=frozenset()):
        return rules(check_website_name(name, path="website.name", keywords=KEYWORDS,
                                        sponsor_type=sponsor_type, pre_approvals=pre_approvals))
    assert check("http://yunjing.cn/") == ["website_name.is_domain"]
    assert check("2048") == ["website_name.not_a_name"]
    assert check("###") == ["website_name.not_a_name"]
    assert check("Yunjing", "individual") == ["website_name.not_a_name"]
    assert check("Yunjing", "enterprise") == []
    assert check("张三有限公司的小站", "individual") == ["website_name.company_for_individual"]
    assert check("Zhang San Studio Co., Ltd. 博客", "individual") == ["website_name.company_for_individual"]
    assert check("云景税务服务", "enterprise") == ["website_name.government_words"]
    assert check("杭州市税务局", "government") == []
    assert check("中华美食网") == ["website_name.national_prefix"]
    assert check("China Daily 中文") == ["website_name.national_prefix"]
    assert check("云景维权网") == ["website_name.national_prefix"]
    assert check("全国人口信息网", "government") == []
    assert check("美食中华") == []
    assert check("云景新闻网") == ["website_name.needs_pre_approval"]
    assert check("云景新闻网", pre_approvals=frozenset({"news"})) == []
    assert check("City News 云景") == ["website_name.needs_pre_approval"]
    assert check("云景健康药房") == ["website_name.needs_pre_approval"] * 2  # health and drugs
    assert check("云景BBS") == ["website_name.forum_without_approval"]
    assert check("云景论坛", pre_approvals=frozenset({"bbs"})) == []
    # Cross-field rules wait for the other side.
    assert check("中国新闻论坛", sponsor_type=None, pre_approvals=None) == []
