from __future__ import annotations

import pytest

from beian.rules import Keywords
from beian.rules.keywords import WordMatcher


def test_defaults_are_loaded_once_and_round_trip():
    defaults = Keywords.defaults()
    assert Keywords.defaults() is defaults
    assert Keywords.from_dict(defaults.as_dict()) == defaults
    assert "维权" in defaults.national_words and "China" in defaults.national_prefixes
    assert defaults.sector_keywords["news"] == ("新闻", "news")


def test_from_dict_replaces_given_lists_only():
    keywords = Keywords.from_dict({"address_markers": ["号"], "sector_keywords": {"news": ["资讯"]}})
    assert keywords.address_markers == ("号",)
    assert dict(keywords.sector_keywords) == {"news": ("资讯",)}
    assert keywords.government_words == Keywords.defaults().government_words


@pytest.mark.parametrize("data", [
    {"unknown_list": []}, {"government_words": "政府"}, {"government_words": [""]},
    {"sector_keywords": {"weather": ["天气"]}}, {"sector_keywords": ["新闻"]}, [],
])
def test_from_dict_refuses_bad_lists(data):
    with pytest.raises(ValueError):
        Keywords.from_dict(data)


def test_word_matching():
    matcher = WordMatcher(("news", "Co., Ltd.", "公司", "有限公司"))
    assert matcher.search("City NEWS") == "news"
    assert matcher.search("newsletter") is None
    assert matcher.search("Foo Co.,Ltd") == "Co., Ltd."
    assert matcher.search("某某有限公司") == "有限公司"
    assert WordMatcher(()).search("anything") is None
    ending = WordMatcher(("公司",), anchor="end")
    assert ending.search("云景公司") == "公司" and ending.search("公司云景") is None
