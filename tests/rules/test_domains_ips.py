from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beian.rules import CheckContext, check_domain, check_ip, normalize_domain
from beian.rules.domains import display_domain, looks_like_domain_or_url
from beian.rules.ips import parse_ip_range


@pytest.mark.parametrize(("value", "normalized"), [
    ("example.cn", "example.cn"),
    ("WWW.Example.COM.CN.", "www.example.com.cn"),
    ("例子.中国", "xn--fsqu00a.xn--fiqs8s"),
    ("xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s"),
    ("bbs。example。cn", "bbs.example.cn"),  # ideographic full stops
    ("my-site.github.io", "my-site.github.io"),
])
def test_valid_domains(value: str, normalized: str):
    assert normalize_domain(value) == normalized


@pytest.mark.parametrize("value", [
    "http://example.cn", "example.cn/index.html", "example.cn:8080", "user@example.cn", "com.cn", "cn",
    "example.notatld", "localhost", "121.40.18.7", "exa_mple.cn", "-example.cn", "a..cn", "ex ample.cn", "",
    "xn--abc.cn", "a" * 64 + ".cn",
])
def test_invalid_domains(value: str):
    assert normalize_domain(value) is None
    assert [p.rule for p in check_domain(value, path="d")] == ["domain.invalid"]


def test_display_domain():
    assert display_domain("xn--fsqu00a.xn--fiqs8s") == "例子.中国"


def forum_rules(domain: str, pre_approvals=frozenset()) -> list[str]:
    return [p.rule for p in check_domain(domain, path="d", pre_approvals=pre_approvals)]


def test_bbs_label_needs_the_approval_only_when_approvals_are_known():
    assert forum_rules("bbs.example.cn") == ["domain.bbs_needs_approval"]
    assert forum_rules("bbs.example.cn", frozenset({"bbs"})) == []
    assert check_domain("bbs.example.cn", path="d") == []


@pytest.mark.parametrize("domain", ["xixibbs.cn", "bbsx.example.cn", "www.my-bbs.com.cn", "XixiBBS.cn",
                                    "论坛bbs.中国", "bbs。example。cn"])
def test_a_domain_containing_bbs_is_a_forum(domain: str):
    """The guide: "Domain names containing bbs are regarded as forums" — not only a "bbs." label."""
    assert forum_rules(domain) == ["domain.bbs_needs_approval"]
    assert forum_rules(domain, frozenset({"bbs"})) == []


@pytest.mark.parametrize("domain", ["xixi.cn", "b-b-s.cn", "bb-s.example.cn", "例子.中国"])
def test_a_domain_without_bbs_is_not_a_forum(domain: str):
    assert forum_rules(domain) == []


@pytest.mark.parametrize(("domain", "ascii_name"), [("矯願撢長.cn", "xn--o6uo34bbsvgsc.cn"),
                                                   ("腇崒煪輈.cn", "xn--dmt668bbslqmn.cn")])
def test_the_xn_encoding_of_a_chinese_label_is_not_read_for_bbs(domain: str, ascii_name: str):
    assert normalize_domain(domain) == ascii_name  # "bbs" only in the encoding, not in the name
    assert forum_rules(domain) == [] and forum_rules(ascii_name) == []


LABEL = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=0, max_size=20)


@given(LABEL, LABEL, st.sampled_from(["bbs", "BBS", "Bbs"]), st.sampled_from(["cn", "com.cn", "net"]))
def test_bbs_anywhere_in_a_label_is_a_forum(before: str, after: str, marker: str, suffix: str):
    domain = f"{before}{marker}{after}.{suffix}"
    assert forum_rules(domain) == ["domain.bbs_needs_approval"]


@given(st.lists(LABEL.filter(lambda label: label and "bbs" not in label), min_size=1, max_size=3),
       st.sampled_from(["cn", "com.cn", "org"]))
def test_no_bbs_no_forum(labels: list[str], suffix: str):
    # "site" first: a bare label such as "gov" or "ac" would make a public suffix, not a domain.
    assert forum_rules(".".join([f"site{labels[0]}", *labels[1:], suffix])) == []


def test_already_filed_gets_the_ascii_form():
    asked = []
    context = CheckContext(domain_already_filed=lambda domain: asked.append(domain) or True)
    problems = check_domain("例子.中国", path="d", context=context)
    assert asked == ["xn--fsqu00a.xn--fiqs8s"]
    assert problems[0].rule == "domain.already_filed" and problems[0].params["domain"] == "例子.中国"


def test_looks_like_domain_or_url():
    assert looks_like_domain_or_url("www.yunjing")
    assert looks_like_domain_or_url("yunjing.cn/about")
    assert not looks_like_domain_or_url("云景科技")
    assert not looks_like_domain_or_url("Co., Ltd.")


@pytest.mark.parametrize("value", [
    "121.40.18.7", "47.96.10.1-47.96.10.9", "47.96.10.1 - 47.96.10.9", "2400:3200::1",
    "1.0.0.0-1.0.255.255", "240e:1:2::1-240e:1:2::ff",
])
def test_public_addresses(value: str):
    assert check_ip(value, path="ip") == []


@pytest.mark.parametrize("value", [
    "300.1.1.1", "47.96.10.9-47.96.10.1", "1.2.3.4-::1", "1.0.0.0-1.1.0.0", "10.0.0.0/8", "", "a-b-c",
    "1.2.3.4-", "fe80::1%eth0",
])
def test_invalid_addresses(value: str):
    assert [p.rule for p in check_ip(value, path="ip")] == ["ip.invalid"]


@pytest.mark.parametrize("value", [
    "10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.1.1", "100.64.0.1", "0.0.0.0", "224.0.0.1",
    "255.255.255.255", "192.0.2.10", "::1", "::", "fe80::1", "fc00::1", "ff02::1", "2001:db8::1",
    "::ffff:8.8.8.8", "9.255.255.250-10.0.0.5", "223.255.255.250-224.0.0.3",
])
def test_non_public_addresses(value: str):
    assert [p.rule for p in check_ip(value, path="ip")] == ["ip.not_public"]


def test_range_size_limit():
    assert parse_ip_range("1.0.0.0-1.0.255.255").size == 65_536
    assert parse_ip_range("1.0.0.0-1.1.0.0") is None
