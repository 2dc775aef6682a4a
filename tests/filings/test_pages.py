"""The wizard and the applicant's pages through the test client: steps, version check, live checks,
check-your-answers, submission, lists, the filed website's filing code, scope."""

import re

import pytest
from django.urls import reverse

from beian.filings import services
from beian.filings.models import WebsiteApplication
from tests.factories import make_applicant, sign_in_verified
from tests.filings import helpers
from tests.public import helpers as public_helpers

pytestmark = pytest.mark.django_db


def basic_post(version, **changes):
    data = {"version": version, "name": "云景科技官网", "has_own_domain": "yes",
            "main_domain": "yunjing-web.cn", "other_domains": "www.yunjing-web.cn",
            "home_url": "https://yunjing-web.cn/", "ips": "121.40.18.7",
            "icp_number": "京ICP备12345678号-1", "opened_on": "2026-11-20", "access_provider": "阿里云",
            "access_provider_region": "330000", "registrar": "阿里云", "hosting": "cloud_server",
            "service_types": ["company_portal"], "interactive": "no", "controlled_goods": "no",
            "languages": ["zh_hans"], "action": "continue"}
    data.update(changes)
    return data


@pytest.fixture
def applicant_client(client, sponsor):
    client.force_login(sponsor.owner)
    return client


def test_the_whole_wizard_from_an_empty_draft_to_submission(applicant_client, sponsor):
    client = applicant_client
    assert client.get(reverse("filings:new")).status_code == 200
    response = client.post(reverse("filings:new"))
    application = WebsiteApplication.objects.get(owner=sponsor.owner)
    assert response["Location"] == reverse("filings:step", args=[application.pk, "basic"])
    page = client.get(response["Location"]).content.decode()
    assert 'aria-current="step"' in page and 'list="access-providers"' in page and "hx-post" in page
    response = client.post(reverse("filings:step", args=[application.pk, "basic"]), basic_post(1))
    assert response["Location"] == reverse("filings:step", args=[application.pk, "leaders"])
    response = client.post(reverse("filings:step", args=[application.pk, "leaders"]), {
        "version": 2, "security_same_as_person_in_charge": "on", "emergency_same_as_person_in_charge": "on"})
    assert response["Location"] == reverse("filings:step", args=[application.pk, "prompt"])
    helpers.notice()
    assert "version" in client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    response = client.post(reverse("filings:step", args=[application.pk, "prompt"]),
                           {"version": 3, "agreement_accepted": "on"})
    assert response["Location"] == reverse("filings:check", args=[application.pk])
    page = client.get(response["Location"]).content.decode()
    assert reverse("filings:submit", args=[application.pk]) in page and "yunjing-web.cn" in page
    response = client.post(reverse("filings:submit", args=[application.pk]))
    assert response["Location"] == reverse("filings:application", args=[application.pk])
    application.refresh_from_db()
    assert application.status == "submitted" and application.domain_list == ["yunjing-web.cn",
                                                                               "www.yunjing-web.cn"]
    page = client.get(reverse("filings:under_review"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "云景科技官网" in page and "The police review the application" in page


def test_a_stale_tab_is_refused_with_a_clear_message(applicant_client, sponsor):
    application = services.start_application(actor=sponsor.owner)
    url = reverse("filings:step", args=[application.pk, "basic"])
    applicant_client.post(url, basic_post(1, name="第一个标签页"))
    response = applicant_client.post(url, basic_post(1, name="第二个标签页"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409
    page = response.content.decode()
    assert "changed in another tab" in page and "第二个标签页" in page  # the typed answer is still there
    application.refresh_from_db()
    assert application.name == "第一个标签页"


def test_back_and_save_and_leave(applicant_client, sponsor):
    application = services.start_application(actor=sponsor.owner)
    url = reverse("filings:step", args=[application.pk, "basic"])
    response = applicant_client.post(url, basic_post(1, action="leave"))
    assert response["Location"] == reverse("filings:under_review")
    response = applicant_client.post(url, basic_post(2, action="back"))
    assert response["Location"] == reverse("filings:new")
    application.refresh_from_db()
    assert application.version == 3


def test_live_check_returns_the_findings_of_one_field(applicant_client, sponsor):
    application = services.start_application(actor=sponsor.owner)
    response = applicant_client.post(reverse("filings:check_field", args=[application.pk, "basic"]),
                                     basic_post(1, name="中国新闻网"), HTTP_HX_REQUEST="true",
                                     HTTP_HX_TRIGGER_NAME="name", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200 and 'id="findings-name"' in page
    assert "Only national organisations" in page
    response = applicant_client.post(reverse("filings:check_field", args=[application.pk, "basic"]),
                                     basic_post(1, ips="10.0.0.1"), HTTP_HX_REQUEST="true",
                                     HTTP_HX_TRIGGER_NAME="ips", HTTP_ACCEPT_LANGUAGE="en")
    assert "private, loopback" in response.content.decode()


def test_live_check_answers_already_filed_domains_from_the_database(applicant_client, sponsor):
    filed = helpers.submitted_application(helpers.approved_sponsor())
    application = services.start_application(actor=sponsor.owner)
    response = applicant_client.post(reverse("filings:check_field", args=[application.pk, "basic"]),
                                     basic_post(1, main_domain=filed.main_domain), HTTP_HX_REQUEST="true",
                                     HTTP_HX_TRIGGER_NAME="main_domain", HTTP_ACCEPT_LANGUAGE="en")
    assert "already has a filing" in response.content.decode()


def test_live_check_of_an_unknown_field_is_a_400(applicant_client, sponsor):
    application = services.start_application(actor=sponsor.owner)
    response = applicant_client.post(reverse("filings:check_field", args=[application.pk, "basic"]),
                                     {}, HTTP_HX_TRIGGER_NAME="nonsense")
    assert response.status_code == 400


def test_the_check_page_lists_findings_and_errors_block_submission(applicant_client, sponsor):
    application = helpers.complete_application(sponsor, name="中国政府网")
    page = applicant_client.get(reverse("filings:check", args=[application.pk]),
                                HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-rule="website_name.national_prefix"' in page  # for scripts and tests, not shown
    assert reverse("filings:submit", args=[application.pk]) not in page
    response = applicant_client.post(reverse("filings:submit", args=[application.pk]))
    assert response["Location"] == reverse("filings:check", args=[application.pk])
    application.refresh_from_db()
    assert application.status == "draft"


def test_return_reasons_appear_next_to_their_field(applicant_client, sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    services.return_application(actor=reviewer, application=application, reasons=[
        {"code": "x", "text_zh": "主域名无法访问", "text_en": "The main domain does not answer",
         "field": "website.domains[0]"}])
    page = applicant_client.get(reverse("filings:step", args=[application.pk, "basic"]),
                                HTTP_ACCEPT_LANGUAGE="en").content.decode()
    reason_at, field_at = page.index("The main domain does not answer"), page.index('id="id_main_domain"')
    assert 0 < field_at - reason_at < 1000


def test_the_filed_website_shows_the_filing_code(applicant_client, sponsor, reviewer):
    # The public record page itself is tested in tests/public/test_record_pages.py.
    website = services.approve_application(actor=reviewer,
                                           application=helpers.submitted_application(sponsor))
    page = applicant_client.get(reverse("filings:filed")).content.decode()
    assert website.record_number_text in page
    page = applicant_client.get(reverse("filings:website", args=[website.pk])).content.decode()
    assert f"/records/{website.record_number}" in page and "public/badge-v1" in page
    assert "data-copy-from" in page and "download=" in page


def test_the_applicant_sees_the_contact_details_of_the_filing_agency(applicant_client, sponsor,
                                                                     reviewer):
    agency = sponsor.agency
    agency.telephone, agency.address = "010-85951234", "朝阳区示例路 1 号"
    agency.office_hours = "工作日 9:00–17:00"
    agency.save()
    application = helpers.submitted_application(sponsor)
    page = applicant_client.get(reverse("filings:application", args=[application.pk]),
                                HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Telephone: 010-85951234" in page and "Office hours: 工作日 9:00–17:00" in page
    website = services.approve_application(actor=reviewer, application=application)
    page = applicant_client.get(reverse("filings:website", args=[website.pk])).content.decode()
    assert "电话：010-85951234" in page and "地址：朝阳区示例路 1 号" in page


def test_another_applicant_gets_404_and_staff_403(client, sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    website = services.approve_application(actor=reviewer, application=application)
    client.force_login(make_applicant())
    for url in (reverse("filings:application", args=[application.pk]),
                reverse("filings:step", args=[application.pk, "basic"]),
                reverse("filings:check", args=[application.pk]),
                reverse("filings:website", args=[website.pk])):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("filings:withdraw", args=[application.pk])).status_code == 404
    sign_in_verified(client, reviewer)
    for url in (reverse("filings:new"), reverse("filings:under_review"), reverse("filings:filed"),
                reverse("filings:application", args=[application.pk])):
        assert client.get(url).status_code == 403, url


def test_an_unknown_step_is_a_404(applicant_client, sponsor):
    application = services.start_application(actor=sponsor.owner)
    assert applicant_client.get(reverse("filings:step", args=[application.pk, "nonsense"])).status_code == 404


def test_the_account_menu_links_the_filing_pages(applicant_client):
    page = applicant_client.get(reverse("accounts:menu")).content.decode()
    for name in ("filings:new", "filings:under_review", "filings:filed"):
        assert f'href="{reverse(name)}"' in page


def test_a_saved_opening_date_is_offered_back_in_the_date_input_format(client, sponsor):
    """A type=date input takes only YYYY-MM-DD: a localised 2026/11/23 would empty the field."""
    from django.urls import reverse

    from tests.filings import helpers

    application = helpers.complete_application(sponsor)
    client.force_login(application.owner)
    page = client.get(reverse("filings:step", args=[application.pk, "basic"])).content.decode()
    assert f'value="{application.opened_on.isoformat()}"' in page


@pytest.mark.parametrize(("language", "unit_label", "person_label"), [("zh-hans", "单位名称", "姓名"),
                                                                     ("en", "Unit name", "Full name")])
def test_the_sponsor_summary_names_a_unit_by_its_unit_name(client, sponsor, language, unit_label,
                                                            person_label):
    """A company's name is not a person's name (issue 13): 单位名称 for units, 姓名 for individuals."""
    client.force_login(sponsor.owner)
    page = client.get(reverse("filings:new"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert helpers.label_of(page, sponsor.name) == unit_label
    individual = public_helpers.individual_sponsor()
    client.force_login(individual.owner)
    page = client.get(reverse("filings:new"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert helpers.label_of(page, public_helpers.PERSON_NAME) == person_label


def test_a_name_over_the_limit_is_refused_in_our_words_and_never_cut(applicant_client, sponsor):
    """A pasted 300-character name was cut to 100 by the maxlength attribute without a word, and sent
    in full it met Django's stock text (issue 13). Now nothing is cut and the limit is said."""
    client = applicant_client
    application = services.start_application(actor=sponsor.owner)
    basic = reverse("filings:step", args=[application.pk, "basic"])
    leaders = reverse("filings:step", args=[application.pk, "leaders"])
    for url in (basic, leaders):  # no text field of the wizard cuts what is pasted
        fields = re.findall(r"<(?:input|textarea)\b[^>]*>", client.get(url).content.decode())
        assert fields and not [field for field in fields if "maxlength" in field]
    long_name = "云景科技" * 75
    response = client.post(basic, basic_post(application.version, name=long_name))
    assert response.status_code == 400
    assert response.context["form"].errors["name"] == ["最多 100 个字，您填写了 300 个。"]
    assert "确保该值不超过" not in response.content.decode()
    application.refresh_from_db()
    assert application.name == ""  # nothing saved, nothing cut
    response = client.post(basic, basic_post(application.version, name=long_name), HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["form"].errors["name"] == ["At most 100 characters; you entered 300."]
    # The live check says it as soon as the field is left.
    response = client.post(reverse("filings:check_field", args=[application.pk, "basic"]),
                           basic_post(application.version, name=long_name), HTTP_HX_REQUEST="true",
                           HTTP_HX_TRIGGER_NAME="name")
    assert "最多 100 个字，您填写了 300 个。" in response.content.decode()
    response = client.post(leaders, {"version": application.version, "security_name": "王" * 51})
    assert response.context["form"].errors["security_name"] == ["最多 50 个字，您填写了 51 个。"]
