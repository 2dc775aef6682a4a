"""The badge checker against small sites on 127.0.0.1: the five outcomes, the page reading, limits."""

import pytest

from beian.badge_checks import services
from beian.badge_checks.analysis import read_page
from beian.badge_checks.models import BadgeCheck, Outcome
from tests.badge_checks.sites import closed_port, loopback_sites
from tests.public import helpers

pytestmark = pytest.mark.django_db
HOSTS = {"beian.example.gov.cn"}


def footer(number: str, *, link_to: str | None = None, text: str | None = None) -> str:
    shown = text if text is not None else f"京公网安备 {number}号"
    if link_to is None:
        return f"<html><body><p>首页</p><footer>{shown}</footer></body></html>"
    return (f'<html><body><footer><a href="https://beian.example.gov.cn/records/{link_to}" target="_blank">'
            f'<img src="https://beian.example.gov.cn/static/public/badge-v1-20.png" alt=""> {shown}</a>'
            f"</footer></body></html>")


@pytest.fixture
def record_hosts(settings):
    settings.BADGE_CHECK_RECORD_HOSTS = sorted(HOSTS)
    settings.BADGE_CHECK_TIMEOUT_SECONDS = 2


def test_the_five_outcomes_against_loopback_sites(settings, record_hosts, reference_data):
    sites = {name: helpers.file_website(main_domain=f"{name}.badge-test.cn")
             for name in ("good", "missing", "wrong", "nolink", "down", "broken")}
    good, missing, wrong = sites["good"].record_number, sites["missing"], sites["wrong"]
    pages = {
        "good.badge-test.cn": footer(good, link_to=good),
        "missing.badge-test.cn": "<html><body><p>欢迎光临</p><p>电话 010-12345678901234</p></body></html>",
        "wrong.badge-test.cn": footer("11010502999999", link_to="11010502999999"),
        "nolink.badge-test.cn": footer(sites["nolink"].record_number),
        "broken.badge-test.cn": (500, "oops"),
    }
    with loopback_sites(pages) as address:
        settings.BADGE_CHECK_RESOLVE = {f"{name}.badge-test.cn": address for name in sites if name != "down"}
        settings.BADGE_CHECK_RESOLVE["down.badge-test.cn"] = f"127.0.0.1:{closed_port()}"
        summary = services.check_agency(actor=None, agency=missing.agency)
    outcomes = {name: BadgeCheck.objects.get(website=website).outcome for name, website in sites.items()}
    assert outcomes == {"good": Outcome.OK, "missing": Outcome.NUMBER_MISSING, "wrong": Outcome.WRONG_NUMBER,
                        "nolink": Outcome.NO_LINK, "down": Outcome.UNREACHABLE, "broken": Outcome.UNREACHABLE}
    assert summary[Outcome.UNREACHABLE] == 2 and summary[Outcome.OK] == 1
    wrong_check = BadgeCheck.objects.get(website=wrong)
    assert wrong_check.found_numbers == ["11010502999999"]
    assert BadgeCheck.objects.get(website=sites["broken"]).detail == "HTTP 500"
    assert BadgeCheck.objects.get(website=sites["good"]).url == "http://good.badge-test.cn/"


def test_a_redirect_is_followed_and_a_new_check_replaces_the_old(settings, record_hosts, reference_data):
    website = helpers.file_website(main_domain="moved.badge-test.cn")
    number = website.record_number
    pages = {"moved.badge-test.cn": (302, "http://www.moved.badge-test.cn/home"),
             "www.moved.badge-test.cn": footer(number, link_to=number)}
    with loopback_sites(pages) as address:
        settings.BADGE_CHECK_RESOLVE = {"moved.badge-test.cn": address, "www.moved.badge-test.cn": address}
        check = services.check_website(actor=None, website=website)
        assert check.outcome == Outcome.OK and check.final_url.endswith("/home")
        pages["www.moved.badge-test.cn"] = "<html><body>改版中</body></html>"
        assert services.check_website(actor=None, website=website).outcome == Outcome.NUMBER_MISSING
    assert BadgeCheck.objects.filter(website=website).count() == 1


def test_unmapped_names_pointing_into_the_private_network_are_not_fetched(settings, record_hosts,
                                                                         reference_data):
    website = helpers.file_website(main_domain="localhost-test.cn")
    settings.BADGE_CHECK_RESOLVE = {}
    check = services.check_websites([website])[0]
    assert check.outcome == Outcome.UNREACHABLE


@pytest.mark.parametrize(("html", "outcome"), [
    ('<a href="https://beian.example.gov.cn/records/{n}">京公网安备{n}号</a>', "ok"),
    ('<a href="https://BEIAN.example.gov.cn/records/{n}/">备案号 {n}</a>', "ok"),
    ('<a href="https://beian.example.gov.cn/records/%E4%BA%AC%E5%85%AC%E7%BD%91%E5%AE%89%E5%A4%87{n}">'
     '京公网安备 {n}号</a>', "ok"),
    ('<a href="https://elsewhere.example/records/{n}">京公网安备 {n}号</a>', "no_link"),
    ("<p>京公网安备 {n}号</p>", "no_link"),
    ('<a href="https://beian.example.gov.cn/records/{n}"><img alt="京公网安备 {n}号" src="b.png"></a>', "ok"),
    ("<script>var x = '{n}'</script><p>nothing</p>", "number_missing"),
    ("<p>订单号 20260101123456</p>", "number_missing"),
    ("<p>京公网安备 33010602000001号</p>", "wrong_number"),
    ('<a href="https://beian.example.gov.cn/records/33010602000001">备案</a>', "wrong_number"),
    ("<p>京公网安备 １１０１０５０２０００００１号</p>"
     "<a href='https://beian.example.gov.cn/records/{n}'>x</a>", "ok"),
])
def test_reading_a_page(html, outcome):
    number = "11010502000001"
    assert read_page(html.format(n=number), number, HOSTS).outcome == outcome


def test_a_gbk_page_without_a_charset_header_is_read_by_its_meta(settings, record_hosts, reference_data):
    website = helpers.file_website(main_domain="gbk.badge-test.cn")
    number = website.record_number
    html = (f'<html><head><meta charset="gbk"></head><body><p>京公网安备 {number}号</p></body></html>')
    with loopback_sites({"gbk.badge-test.cn": html.encode("gbk")}) as address:
        settings.BADGE_CHECK_RESOLVE = {"gbk.badge-test.cn": address}
        check = services.check_website(actor=None, website=website)
    # Read as GBK, the prefix 公网安备 is recognised: the number is shown, only the link is missing.
    assert check.outcome == Outcome.NO_LINK and check.found_numbers == [number]
