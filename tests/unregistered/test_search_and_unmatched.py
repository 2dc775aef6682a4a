"""Unregistered websites imported without a certificate (issue 13, item 6): the applicant finds one
by its exact domain (rate-limited, never a browse, nothing of another sponsor shown) and files it;
the agency lists what nobody has been matched to."""

import pytest
from django.urls import reverse

from beian.core.models import Agency, AuditEntry
from beian.filings.models import WebsiteApplication
from beian.sponsors import services as sponsor_services
from beian.unregistered import selectors
from beian.unregistered.models import UnregisteredWebsite
from beian.unregistered.services import import_rows
from tests.factories import make_applicant
from tests.filings.helpers import approved_sponsor
from tests.imports.exporting import content, export
from tests.sponsors.helpers import OTHER_USCC, ready_entity
from tests.unregistered.helpers import row

pytestmark = pytest.mark.usefixtures("reference_data")
NO_CERTIFICATE = {"certificate_type": "", "certificate_number": ""}


def _import(*rows):
    import_rows(actor_label="test", rows=list(rows), allowed_agencies=Agency.objects.all())


def _site(domain):
    return UnregisteredWebsite.objects.get(domain=domain)


def _search(client, query):
    return client.get(reverse("unregistered:search"), {"domain": query})


def _filing_applicant():
    return approved_sponsor(make_applicant()).owner


# --- the selector: exact domain only, only websites imported without a certificate --------------

@pytest.mark.parametrize("query", ["xixibbs.cn", "XIXIBBS.CN", " xixibbs.cn ", "xixibbs.cn."])
def test_an_uncertified_website_is_found_by_its_exact_domain(query):
    _import(row("xixibbs.cn", sponsor_name="西溪某某", **NO_CERTIFICATE))
    assert [site.domain for site in selectors.find_by_domain(query)] == ["xixibbs.cn"]


def test_a_chinese_domain_is_found_in_either_spelling():
    _import(row("例子.中国", **NO_CERTIFICATE))
    assert selectors.find_by_domain("例子.中国").count() == 1
    assert selectors.find_by_domain("xn--fsqu00a.xn--fiqs8s").count() == 1


@pytest.mark.parametrize("query", ["", "xixibbs", "bbs.cn", "ixibbs.cn", "www.xixibbs.cn", "*", "%", "%.cn",
                                   "xixibbs.c%", "http://xixibbs.cn/", "xixibbs.cn/x", "61.135.169.121"])
def test_the_search_never_browses(query):
    _import(row("xixibbs.cn", **NO_CERTIFICATE))
    assert not selectors.find_by_domain(query).exists()


def test_a_website_with_a_certificate_waits_for_its_sponsor_and_is_not_found():
    _import(row("yunjing.cn"))  # ENTERPRISE_USCC: pushed when that sponsor entity is submitted
    assert not selectors.find_by_domain("yunjing.cn").exists()


def test_a_filed_or_closed_website_is_not_found():
    _import(row("filed.cn", **NO_CERTIFICATE), row("closed.cn", **NO_CERTIFICATE))
    UnregisteredWebsite.objects.filter(domain="filed.cn").update(status="filed")
    UnregisteredWebsite.objects.filter(domain="closed.cn").update(status="closed")
    assert not selectors.find_by_domain("filed.cn").exists()
    assert not selectors.find_by_domain("closed.cn").exists()


# --- the applicant's page --------------------------------------------------------------------------

def test_the_applicant_finds_it_sees_only_what_filing_needs_and_files_it(client):
    _import(row("xixibbs.cn", ip="61.135.169.121", found_where="巡查发现：西溪论坛首页",
                sponsor_name="西溪某某文化工作室", deadline="2026-12-31", **NO_CERTIFICATE))
    site = _site("xixibbs.cn")
    applicant = _filing_applicant()
    client.force_login(applicant)
    file_it = reverse("unregistered:file_it", args=[site.pk])
    page = client.get(reverse("unregistered:mine")).content.decode()
    assert "xixibbs.cn" not in page and f'action="{reverse("unregistered:search")}"' in page
    assert client.post(file_it).status_code == 404  # no guessing ids before finding it

    response = _search(client, "xixibbs")
    assert response.status_code == 200 and "xixibbs.cn" not in response.content.decode()
    page = _search(client, "XixiBBS.cn").content.decode()
    assert "xixibbs.cn" in page and "2026-12-31" in page and site.agency.name in page
    assert f'action="{file_it}"' in page
    for police_note in ("西溪某某文化工作室", "巡查发现", "61.135.169.121"):
        assert police_note not in page  # the sponsor the police noted, where and how they found it
    assert AuditEntry.objects.filter(action="unregistered_searched", actor=applicant).count() == 2

    response = client.post(file_it)
    application = WebsiteApplication.objects.get(owner=applicant)
    assert response["Location"] == reverse("filings:step", args=[application.pk, "basic"])
    assert application.kind == WebsiteApplication.Kind.NEW
    assert application.domain_list == ["xixibbs.cn"] and application.ips == ["61.135.169.121"]


def test_finding_it_is_personal(client):
    _import(row("xixibbs.cn", **NO_CERTIFICATE))
    site = _site("xixibbs.cn")
    client.force_login(_filing_applicant())
    _search(client, "xixibbs.cn")
    client.force_login(_filing_applicant())  # another applicant, another session
    assert client.post(reverse("unregistered:file_it", args=[site.pk])).status_code == 404


def test_a_website_filed_since_the_search_cannot_be_filed_from_it(client):
    _import(row("xixibbs.cn", **NO_CERTIFICATE))
    site = _site("xixibbs.cn")
    client.force_login(_filing_applicant())
    _search(client, "xixibbs.cn")
    UnregisteredWebsite.objects.filter(pk=site.pk).update(status="filed")
    assert client.post(reverse("unregistered:file_it", args=[site.pk])).status_code == 404


def test_a_website_pushed_to_someone_else_is_not_found_by_another(client):
    owner = make_applicant()
    ready_entity(owner)
    sponsor_services.submit_sponsor_entity(actor=owner)
    _import(row("yunjing.cn"))
    client.force_login(_filing_applicant())
    page = _search(client, "yunjing.cn").content.decode()
    assert "yunjing.cn" in page  # the query is shown back in the search field …
    assert reverse("unregistered:file_it", args=[_site("yunjing.cn").pk]) not in page  # … but nothing found


def test_the_search_is_rate_limited(client):
    client.force_login(make_applicant())
    statuses = [_search(client, f"site{n}.cn").status_code for n in range(11)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429


def test_a_malformed_search_is_a_422_with_a_message_and_staff_get_403(client, signed_in, reviewer):
    client.force_login(make_applicant())
    response = client.get(reverse("unregistered:search"), {"domain": "x" * 300})
    assert response.status_code == 422 and "域名最多 253 个字符。" in response.content.decode()
    response = client.get(reverse("unregistered:search"), {"domain": ""})
    assert response.status_code == 422 and "请填写网站的完整域名再查询。" in response.content.decode()
    assert client.get(reverse("unregistered:search")).status_code == 200  # the empty form
    signed_in(reviewer)
    assert _search(client, "xixibbs.cn").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = _search(client, "xixibbs.cn")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- the agency's list of unmatched websites -------------------------------------------------------

def _unmatched_fixture():
    owner = make_applicant()
    ready_entity(owner)
    sponsor_services.submit_sponsor_entity(actor=owner)
    _import(row("matched.cn"),  # ENTERPRISE_USCC: the owner's
            row("nocert.cn", **NO_CERTIFICATE),
            row("stranger.cn", certificate_number=OTHER_USCC),  # no sponsor entity carries it yet
            row("filed-nocert.cn", **NO_CERTIFICATE))
    UnregisteredWebsite.objects.filter(domain="filed-nocert.cn").update(status="filed")


def test_the_selector_lists_open_websites_nobody_was_matched_to(reviewer):
    _unmatched_fixture()
    assert _site("matched.cn").matched_entity is not None
    unmatched = {site.domain for site in selectors.for_staff(reviewer, unmatched=True)}
    assert unmatched == {"nocert.cn", "stranger.cn"}
    assert {site.domain for site in selectors.for_staff(reviewer)} == {
        "matched.cn", "nocert.cn", "stranger.cn", "filed-nocert.cn"}


def test_the_workbench_filters_unmatched_websites_and_marks_those_without_a_certificate(
        client, signed_in, reviewer, django_capture_on_commit_callbacks):
    _unmatched_fixture()
    signed_in(reviewer)
    page = client.get(reverse("unregistered:workbench")).content.decode()
    assert 'name="unmatched"' in page
    page = client.get(reverse("unregistered:workbench"), {"unmatched": "on"}).content.decode()
    assert "nocert.cn" in page and "stranger.cn" in page
    assert ">matched.cn</a>" not in page and "filed-nocert.cn" not in page
    assert page.count("无证件号码，仅能通过域名查询找到") == 1  # nocert.cn only (staff read Chinese)
    download = export(client, reverse("unregistered:export", args=["csv"]), {"unmatched": "on"},
                      capture=django_capture_on_commit_callbacks)
    text = content(download).decode("utf-8-sig")
    assert "nocert.cn" in text and "stranger.cn" in text and "filed-nocert.cn" not in text


def test_the_unmatched_filter_keeps_to_the_jurisdiction(client, signed_in, other_reviewer):
    _unmatched_fixture()
    signed_in(other_reviewer)
    page = client.get(reverse("unregistered:workbench"), {"unmatched": "on"}).content.decode()
    assert "nocert.cn" not in page
