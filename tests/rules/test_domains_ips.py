from __future__ import annotations

import pytest

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


def test_bbs_label_needs_the_approval_only_when_approvals_are_known():
    assert [p.rule for p in check_domain("bbs.example.cn", path="d", pre_approvals=frozenset())] == [
        "domain.bbs_needs_approval"]
    assert check_domain("bbs.example.cn", path="d", pre_approvals=frozenset({"bbs"})) == []
    assert check_domain("bbs.example.cn", path="d") == []
    assert check_domain("bbsx.example.cn", path="d", pre_approvals=frozenset()) == []


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
