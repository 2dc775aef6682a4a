"""Every spelling of a record number, and the domain rules of the lookup."""

import pytest

from beian.public.lookup import domain_candidates, domain_of, parse_query, record_digits

DIGITS = "11010502030143"


@pytest.mark.parametrize("text", [
    DIGITS, f"京公网安备 {DIGITS}号", f"京公网安备{DIGITS}号", f"京公网安备{DIGITS}", f"{DIGITS}号",
    f"  京公网安备  {DIGITS} 号 ", "１１０１０５０２０３０１４３", "1101 0502 0301 43", f"公网安备{DIGITS}号",
    f"京公网安备\u3000{DIGITS}号",
])
def test_every_spelling_of_a_record_number(text):
    assert record_digits(text) == DIGITS
    assert parse_query(text).kind == "number" and parse_query(text).value == DIGITS


@pytest.mark.parametrize("text", [
    "1101050203014", "110105020301431", f"沪公网安备 {DIGITS}号", "99010502030143", f"京ICP备{DIGITS}号",
    "", "x" * 500,
])
def test_what_is_not_a_record_number(text):
    assert record_digits(text) is None


@pytest.mark.parametrize(("text", "domain"), [
    ("example.cn", "example.cn"), ("WWW.Example.CN", "www.example.cn"), ("https://www.example.cn/about?x=1",
                                                                        "www.example.cn"),
    ("example.cn:8080", "example.cn"), ("例子.中国", "xn--fsqu00a.xn--fiqs8s"), ("example.cn.", "example.cn"),
    ("shop.example.com.cn/path", "shop.example.com.cn"),
])
def test_domains_are_read_from_what_people_paste(text, domain):
    assert domain_of(text) == domain
    assert parse_query(text) == parse_query(domain)


@pytest.mark.parametrize("text", ["云景科技", "not a domain", "localhost", "127.0.0.1", "example.invalidtld"])
def test_other_text_is_a_name(text):
    assert parse_query(text).kind == "name"


def test_empty_query():
    assert parse_query("   ").kind == "empty"


def test_candidates_try_www_and_the_parent_names_only_down_to_the_registrable_domain():
    assert domain_candidates("www.example.cn") == (["www.example.cn", "example.cn"], [])
    assert domain_candidates("a.b.example.com.cn") == (["a.b.example.com.cn"], ["b.example.com.cn",
                                                                                "example.com.cn"])
    assert domain_candidates("example.com.cn") == (["example.com.cn"], [])
    assert domain_candidates("www.shop.example.cn") == (["www.shop.example.cn", "shop.example.cn"],
                                                       ["example.cn"])
