"""The applicant's cancellation pages and the workbench detail of a cancellation."""

import pytest
from django.urls import reverse

from beian.cancellations import services
from beian.cancellations.models import CancellationApplication
from beian.filings.models import Website
from beian.notifications.models import OutboxMessage
from beian.review.models import ReturnReason, ReviewItem
from tests.cancellations import helpers
from tests.cancellations.servers import site_server
from tests.factories import make_applicant, make_reviewer, sign_in_verified
from tests.filings import helpers as filing_helpers

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def owner_client(client, website):
    client.force_login(website.sponsor.owner)
    return client


def test_the_filed_website_page_links_to_the_cancellation(owner_client, website):
    page = owner_client.get(reverse("filings:website", args=[website.pk]), **EN).content.decode()
    assert reverse("cancellations:new", args=[website.pk]) in page


def test_the_list_shows_websites_to_cancel_and_requests(owner_client, website):
    page = owner_client.get(reverse("cancellations:list"), **EN).content.decode()
    assert reverse("cancellations:new", args=[website.pk]) in page and "No cancellation requests yet" in page
    helpers.submit(website)
    page = owner_client.get(reverse("cancellations:list"), **EN).content.decode()
    assert "submitted for review" in page and reverse("cancellations:new", args=[website.pk]) not in page


def test_send_the_code_then_submit(owner_client, website):
    url = reverse("cancellations:new", args=[website.pk])
    page = owner_client.get(url, **EN).content.decode()
    assert "Send the code" in page and website.record_number_text in page
    response = owner_client.post(reverse("cancellations:send_code", args=[website.pk]), **EN)
    assert response.status_code == 302 and response["Location"] == url
    page = owner_client.get(url, **EN).content.decode()
    assert "A code was sent to" in page and website.sponsor.owner.mobile not in page  # masked
    response = owner_client.post(url, {"code": helpers.last_code(website.sponsor.owner), "confirm": "on",
                                       "reason": "业务停止"}, **EN)
    cancellation = CancellationApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cancellations:detail", args=[cancellation.pk])
    page = owner_client.get(response["Location"], **EN).content.decode()
    assert "submitted for review" in page and "no connection could be made" in page


def test_sending_the_code_keeps_what_was_typed(owner_client, website):
    """The send-code button submits the confirmation form (issue 13: it used to empty the reason)."""
    url = reverse("cancellations:new", args=[website.pk])
    send_code = reverse("cancellations:send_code", args=[website.pk])
    page = owner_client.get(url).content.decode()
    assert f'form="cancellation-form" formaction="{send_code}"' in page
    form = page[page.index('<form method="post" id="cancellation-form"'):]
    assert 'name="reason"' in form[:form.index("</form>")]
    reason = "公司业务调整，网站已于上月关闭。\n域名不再续费。"
    response = owner_client.post(send_code, {"reason": reason, "confirm": "on", "code": ""})
    assert response.status_code == 302 and response["Location"] == url
    response = owner_client.get(url)
    assert response.context["form"]["reason"].value() == reason
    assert response.context["form"]["confirm"].value() is True
    assert "公司业务调整，网站已于上月关闭。" in response.content.decode()
    assert owner_client.get(url).context["form"]["reason"].value() == reason  # a reload keeps it too
    owner_client.post(url, {"code": helpers.last_code(website.sponsor.owner), "confirm": "on",
                            "reason": reason})
    assert CancellationApplication.objects.get().reason == reason
    assert not [key for key in owner_client.session.keys() if key.startswith("cancellation_typed_")]


def test_a_second_code_too_soon_says_when(owner_client, website):
    owner_client.post(reverse("cancellations:send_code", args=[website.pk]))
    response = owner_client.post(reverse("cancellations:send_code", args=[website.pk]), follow=True, **EN)
    assert "You can request a new code in" in response.content.decode()


def test_a_wrong_code_is_shown_next_to_the_field(owner_client, website):
    owner_client.post(reverse("cancellations:send_code", args=[website.pk]))
    code = helpers.last_code(website.sponsor.owner)
    response = owner_client.post(reverse("cancellations:new", args=[website.pk]),
                                 {"code": "000000" if code != "000000" else "111111", "confirm": "on"}, **EN)
    assert response.status_code == 400
    assert "The code is not correct" in response.content.decode()
    response = owner_client.post(reverse("cancellations:new", args=[website.pk]), {"code": "12"}, **EN)
    page = response.content.decode()
    assert response.status_code == 400 and "6-digit code" in page and "Tick the box" in page
    assert not CancellationApplication.objects.exists()


def test_refused_while_the_website_answers_with_the_finding(owner_client, website, settings):
    owner_client.post(reverse("cancellations:send_code", args=[website.pk]))
    with site_server() as server:
        helpers.point_domains_at(settings, website, f"127.0.0.1:{server.port}")
        code = helpers.last_code(website.sponsor.owner)
        response = owner_client.post(reverse("cancellations:new", args=[website.pk]),
                                     {"code": code, "confirm": "on"}, **EN)
    page = response.content.decode()
    assert response.status_code == 400
    assert f"http://{website.main_domain} answered with HTTP 200" in page
    assert "What the platform found" in page
    assert not CancellationApplication.objects.exists()


def test_someone_elses_website_and_request_are_not_found(client, website):
    cancellation = helpers.submit(website)
    client.force_login(make_applicant())
    assert client.get(reverse("cancellations:new", args=[website.pk])).status_code == 404
    assert client.post(reverse("cancellations:send_code", args=[website.pk])).status_code == 404
    assert client.post(reverse("cancellations:new", args=[website.pk]),
                       {"code": "123456", "confirm": "on"}).status_code == 404
    assert client.get(reverse("cancellations:detail", args=[cancellation.pk])).status_code == 404


def test_an_open_request_blocks_the_form(owner_client, website):
    cancellation = helpers.submit(website)
    page = owner_client.get(reverse("cancellations:new", args=[website.pk]), **EN).content.decode()
    assert "already waiting" in page and reverse("cancellations:detail", args=[cancellation.pk]) in page
    assert 'name="code"' not in page


def test_the_rejected_request_shows_the_reasons_and_apply_again(owner_client, website, reviewer):
    cancellation = helpers.submit(website)
    services.reject_cancellation(actor=reviewer, cancellation=cancellation,
                                 reasons=helpers.reason_dicts(), note="首页仍可访问")
    page = owner_client.get(reverse("cancellations:detail", args=[cancellation.pk]), **EN).content.decode()
    assert "The website can still be reached" in page and "首页仍可访问" in page and "Apply again" in page


# --- the workbench ------------------------------------------------------------------------------

@pytest.fixture
def item(website):
    helpers.submit(website, reason="公司已注销")
    return ReviewItem.objects.get(kind="cancellation")


def test_the_workbench_detail_shows_website_sponsor_and_probe(client, item, reviewer, website):
    sign_in_verified(client, reviewer)
    page = client.get(reverse("review:detail", args=[item.pk]), **EN).content.decode()
    assert website.record_number_text in page and website.sponsor.name in page and "公司已注销" in page
    assert f"https://{website.main_domain}: no connection could be made" in page
    for label in ("Take it and start the review", "Approve: cancel the filing", "Reject"):
        assert label in page
    # The rejection offers the cancellation reasons of the catalogue, not those of website filings.
    reasons = ReturnReason.objects.filter(code__in=["cancellation_website_online", "website_name_improper"])
    by_code = {reason.code: reason for reason in reasons}
    assert f'value="{by_code["cancellation_website_online"].pk}"' in page
    assert f'value="{by_code["website_name_improper"].pk}"' not in page


def test_the_sponsor_box_names_a_unit_by_its_unit_name(client, item, reviewer, website):
    sign_in_verified(client, reviewer)
    page = client.get(reverse("review:detail", args=[item.pk])).content.decode()
    assert filing_helpers.label_of(page, website.sponsor.name) == "单位名称"
    page = client.get(reverse("review:detail", args=[item.pk]), **EN).content.decode()
    assert filing_helpers.label_of(page, website.sponsor.name) == "Unit name"


def test_a_reviewer_of_another_agency_does_not_see_it(client, item):
    sign_in_verified(client, make_reviewer("110108"))
    assert client.get(reverse("review:detail", args=[item.pk])).status_code == 404
    assert client.post(reverse("review:decide", args=[item.pk, "approve"])).status_code == 404


def test_approve_through_the_workbench_and_the_record_says_cancelled(client, item, reviewer,
                                                                     website):
    sign_in_verified(client, reviewer)
    assert client.post(reverse("review:decide", args=[item.pk, "start_review"])).status_code == 302
    assert client.post(reverse("review:decide", args=[item.pk, "approve"]),
                       {"confirmed": "1"}).status_code == 302
    website.refresh_from_db()
    assert website.status == Website.Status.CANCELLED
    client.logout()
    page = client.get(f"/records/{website.record_number}").content.decode()
    assert "已注销" in page


def test_reject_through_the_workbench_needs_a_reason(client, item, reviewer):
    sign_in_verified(client, reviewer)
    url = reverse("review:decide", args=[item.pk, "reject"])
    assert client.post(url, {"note": "x"}).status_code == 400
    reason = ReturnReason.objects.get(code="cancellation_matter_pending")
    assert client.post(url, {"reasons": [reason.pk], "note": "请联系我们"}).status_code == 302
    cancellation = item.subject
    assert cancellation.status == CancellationApplication.Status.REJECTED
    assert cancellation.rejection_reasons[0]["code"] == "cancellation_matter_pending"


def test_from_a_busy_network_the_code_waits_for_the_human_check(owner_client, website, settings):
    settings.SMS_CODE_ADDRESS_HUMAN_CHECK_AFTER = (0, 3600)  # every code from this address needs it
    url = reverse("cancellations:send_code", args=[website.pk])
    owner = website.sponsor.owner
    response = owner_client.post(url, **EN)
    assert response.status_code == 200 and "Answer the check to send the code" in response.content.decode()
    assert not OutboxMessage.objects.filter(to=owner.mobile, template="verification_code").exists()
    response = owner_client.post(url, {"human_check_answered": "1", "captcha_0": "x", "captcha_1": "PASSED"},
                                 **EN)
    assert response.status_code == 302 and helpers.last_code(owner)
