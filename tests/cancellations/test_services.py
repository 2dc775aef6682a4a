"""Website cancellation (SPEC §4.6): the applicant's submission with SMS code and probe, the reviewer's
decisions, every transition allowed and refused."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from beian.accounts.sms_codes import CodeNotSent
from beian.cancellations import services
from beian.cancellations.models import CancellationApplication
from beian.cancellations.probe import Outcome
from beian.filings import changes
from beian.filings import services as filing_services
from beian.filings.models import DomainHold, Website, WebsiteApplication
from beian.notifications.models import OutboxMessage, SystemMessage
from beian.review.models import ReviewItem
from beian.review.services import ReviewActionRefused
from tests.cancellations import helpers
from tests.cancellations.servers import site_server
from tests.factories import make_applicant, make_reviewer

pytestmark = pytest.mark.django_db
Status = CancellationApplication.Status


# --- the applicant ------------------------------------------------------------------------------

def test_a_closed_website_is_submitted_with_the_probe_results(website):
    cancellation = helpers.submit(website, reason="业务已停止")
    assert cancellation.status == Status.SUBMITTED and cancellation.reason == "业务已停止"
    assert cancellation.agency == website.agency and cancellation.owner == website.sponsor.owner
    domain = website.main_domain
    assert [(r["url"], r["outcome"]) for r in cancellation.probe_results] == [
        (f"https://{domain}", Outcome.NO_CONNECTION), (f"http://{domain}", Outcome.NO_CONNECTION)]
    item = ReviewItem.objects.get(kind="cancellation")
    assert item.subject == cancellation and item.is_open and item.agency == website.agency
    assert item.status == "submitted" and item.title == website.name and item.due_date > timezone.localdate()
    assert item.search_keys.filter(key=f"record:{website.record_number}").exists()
    assert item.search_keys.filter(key=f"domain:{domain}").exists()
    sms = OutboxMessage.objects.get(template="cancellation_submitted")
    assert sms.to == website.sponsor.owner.mobile and website.record_number in sms.text
    assert SystemMessage.objects.filter(user=website.sponsor.owner,
                                        template="cancellation_submitted").exists()


def test_refused_while_a_domain_still_answers_and_the_code_stays_valid(website, settings):
    code = helpers.send_code(website)
    with site_server() as server:
        helpers.point_domains_at(settings, website, f"127.0.0.1:{server.port}")
        with pytest.raises(services.WebsiteStillOnline) as refused, translation.override("en"):
            helpers.submit(website, code)
        assert f"http://{website.main_domain} answered with HTTP 200" in str(refused.value.message)
        assert [r.url for r in refused.value.results if r.answered] == [f"http://{website.main_domain}"]
    assert not CancellationApplication.objects.exists() and not ReviewItem.objects.filter(
        kind="cancellation").exists()
    helpers.close(settings, website)  # the server is stopped: the same code now works
    assert helpers.submit(website, code).status == Status.SUBMITTED


@pytest.mark.parametrize(("shift", "reason"), [(datetime.timedelta(0), "wrong"),
                                               (datetime.timedelta(minutes=11), "expired")])
def test_a_wrong_or_expired_code_is_refused(website, shift, reason):
    code = helpers.send_code(website)
    typed = "000000" if code != "000000" else "111111"
    if reason == "expired":
        typed = code
    with pytest.raises(services.CancellationRefused) as refused, translation.override("en"):
        helpers.submit(website, typed, now=timezone.now() + shift)
    assert refused.value.field == "code"
    assert {"wrong": "not correct", "expired": "expired"}[reason] in refused.value.message
    assert not CancellationApplication.objects.exists()


def test_a_used_code_is_refused_when_applying_again(website, reviewer):
    code = helpers.send_code(website)
    cancellation = helpers.submit(website, code)
    services.reject_cancellation(actor=reviewer, cancellation=cancellation,
                                 reasons=helpers.reason_dicts())
    with pytest.raises(services.CancellationRefused, match="already been used"), translation.override("en"):
        helpers.submit(website, code)


def test_a_malformed_code_is_refused_before_probing(website, monkeypatch):
    monkeypatch.setattr("beian.cancellations.probe.probe_website",
                        lambda *a, **k: pytest.fail("probed with a malformed code"))
    with pytest.raises(services.CancellationRefused, match="6-digit"), translation.override("en"):
        helpers.submit(website, "12ab")


def test_a_second_open_cancellation_is_refused(website):
    helpers.submit(website)
    with pytest.raises(services.CancellationRefused, match="already waiting"), translation.override("en"):
        services.request_code(actor=website.sponsor.owner, website=website, client_address=None)
    with pytest.raises(services.CancellationRefused, match="already waiting"), translation.override("en"):
        helpers.submit(website, "123456")
    assert CancellationApplication.objects.count() == 1


def test_the_database_allows_one_open_cancellation_per_website(website):
    first = helpers.submit(website)
    with pytest.raises(IntegrityError), transaction.atomic():
        CancellationApplication.objects.create(website=website, owner=first.owner, agency=first.agency,
                                               probed_at=timezone.now(), submitted_at=timezone.now())


def test_someone_elses_website_is_not_found(website):
    stranger = make_applicant()
    with pytest.raises(Website.DoesNotExist):
        services.request_code(actor=stranger, website=website, client_address=None)
    with pytest.raises(Website.DoesNotExist):
        services.submit_cancellation(actor=stranger, website=website, code="123456")


def test_only_applicants_apply(website, reviewer):
    with pytest.raises(PermissionDenied):
        services.submit_cancellation(actor=reviewer, website=website, code="123456")


def test_codes_are_rate_limited(website):
    helpers.send_code(website)
    with pytest.raises(CodeNotSent) as refused, translation.override("en"):
        services.request_code(actor=website.sponsor.owner, website=website, client_address=None)
    assert "second" in refused.value.message


def test_an_account_without_a_confirmed_mobile_gets_no_code(website):
    owner = website.sponsor.owner
    owner.mobile_verified_at = None
    owner.save()
    with pytest.raises(services.CancellationRefused, match="mobile"), translation.override("en"):
        services.request_code(actor=owner, website=website, client_address=None)


def test_probes_are_rate_limited(website, monkeypatch):
    monkeypatch.setattr(services, "PROBE_LIMITS", [services.Limit(1, 3600)])
    with pytest.raises(services.CancellationRefused, match="not correct"), translation.override("en"):
        helpers.submit(website, "000000" if helpers.send_code(website) != "000000" else "111111")
    with pytest.raises(services.CancellationRefused, match="checked too often"), translation.override("en"):
        helpers.submit(website, "123456")


# --- the reviewer -------------------------------------------------------------------------------

def test_approval_cancels_the_record_and_frees_its_domains(website, reviewer):
    cancellation = helpers.submit(website)
    assert DomainHold.objects.filter(application=website.application).exists()
    cancelled = services.approve_cancellation(actor=reviewer, cancellation=cancellation)
    website.refresh_from_db()
    cancellation.refresh_from_db()
    assert cancelled == website and website.status == Website.Status.CANCELLED
    assert website.cancelled_at is not None and website.record_number == cancelled.record_number
    assert cancellation.status == Status.APPROVED and cancellation.decided_by == reviewer
    assert not DomainHold.objects.filter(application=website.application).exists()
    item = ReviewItem.objects.get(kind="cancellation")
    assert not item.is_open and item.status == "approved"
    sms = OutboxMessage.objects.get(template="cancellation_approved")
    assert website.record_number in sms.text and "注销" in sms.text


def test_approve_or_reject_twice_is_refused(website, reviewer):
    cancellation = helpers.submit(website)
    services.approve_cancellation(actor=reviewer, cancellation=cancellation)
    with pytest.raises(ReviewActionRefused):
        services.approve_cancellation(actor=reviewer, cancellation=cancellation)
    with pytest.raises(ReviewActionRefused):
        services.reject_cancellation(actor=reviewer, cancellation=cancellation,
                                     reasons=helpers.reason_dicts())


def test_reject_tells_the_reason_and_the_applicant_applies_again(website, reviewer):
    cancellation = helpers.submit(website)
    with pytest.raises(ReviewActionRefused):
        services.reject_cancellation(actor=reviewer, cancellation=cancellation, reasons=[])
    services.reject_cancellation(actor=reviewer, cancellation=cancellation,
                                 reasons=helpers.reason_dicts(), note="首页仍可访问")
    cancellation.refresh_from_db()
    assert cancellation.status == Status.REJECTED
    assert cancellation.rejection_reasons[0]["code"] == "cancellation_website_online"
    with pytest.raises(ReviewActionRefused):
        services.reject_cancellation(actor=reviewer, cancellation=cancellation,
                                     reasons=helpers.reason_dicts())
    sms = OutboxMessage.objects.get(template="cancellation_rejected")
    assert "网站仍可访问" in sms.text and "首页仍可访问" in sms.text
    website.refresh_from_db()
    assert website.status == Website.Status.FILED
    cache.clear()  # later: the one-code-a-minute limit is behind us
    again = helpers.submit(website)
    assert again.status == Status.SUBMITTED and again.pk != cancellation.pk
    item = ReviewItem.objects.get(kind="cancellation", subject_id=again.pk)
    assert item.is_open


def test_taking_the_request_starts_the_review(website, reviewer):
    cancellation = helpers.submit(website)
    services.start_review(actor=reviewer, cancellation=cancellation)
    cancellation.refresh_from_db()
    item = ReviewItem.objects.get(kind="cancellation")
    assert cancellation.status == Status.IN_REVIEW and item.status == "in_review"
    assert item.assignee == reviewer and item.is_open
    with pytest.raises(ReviewActionRefused):
        services.start_review(actor=reviewer, cancellation=cancellation)
    services.approve_cancellation(actor=reviewer, cancellation=cancellation)
    cancellation.refresh_from_db()
    assert cancellation.status == Status.APPROVED


def test_a_reviewer_outside_the_jurisdiction_is_refused(website):
    cancellation = helpers.submit(website)
    outsider = make_reviewer("110108")
    for decide in (lambda: services.approve_cancellation(actor=outsider, cancellation=cancellation),
                   lambda: services.reject_cancellation(actor=outsider, cancellation=cancellation,
                                                        reasons=helpers.reason_dicts()),
                   lambda: services.start_review(actor=outsider, cancellation=cancellation),
                   lambda: services.approve_cancellation(actor=website.sponsor.owner,
                                                         cancellation=cancellation)):
        with pytest.raises(PermissionDenied):
            decide()
    cancellation.refresh_from_db()
    assert cancellation.status == Status.SUBMITTED


def test_the_number_of_a_cancelled_record_is_never_reused(website, reviewer):
    services.approve_cancellation(actor=reviewer, cancellation=helpers.submit(website))
    later = helpers.filed_website()
    assert later.agency == website.agency
    assert int(later.record_number[-6:]) == int(website.record_number[-6:]) + 1
    assert Website.objects.get(pk=website.pk).record_number == website.record_number


def test_a_cancelled_website_cannot_be_cancelled_again(website, reviewer):
    services.approve_cancellation(actor=reviewer, cancellation=helpers.submit(website))
    website.refresh_from_db()
    with pytest.raises(services.CancellationRefused, match="already cancelled"), translation.override("en"):
        services.request_code(actor=website.sponsor.owner, website=website, client_address=None)


def test_the_status_field_is_protected(website):
    cancellation = helpers.submit(website)
    with pytest.raises(AttributeError):
        cancellation.status = Status.APPROVED


# --- cancellations and changes of the same website ----------------------------------------------

def _submitted_change(website):
    from tests.filings.test_changes import resubmit_with

    change = changes.start_change(actor=website.sponsor.owner, website=website)
    return resubmit_with(change, name="改名的网站")


def test_a_change_waiting_for_the_police_keeps_the_website_from_being_cancelled(website):
    change = _submitted_change(website)
    assert change.status == WebsiteApplication.Status.SUBMITTED
    with pytest.raises(services.CancellationRefused) as refused, translation.override("en"):
        helpers.send_code(website)
    assert "A change of this website is waiting" in str(refused.value.message)
    filing_services.withdraw_application(actor=website.sponsor.owner, application=change)
    assert helpers.submit(website).status == Status.SUBMITTED  # withdrawn: the cancellation may go


def test_a_waiting_cancellation_keeps_changes_from_starting_and_being_submitted(website, reviewer):
    from tests.filings.test_changes import save

    draft = changes.start_change(actor=website.sponsor.owner, website=website)  # a draft does not block
    cancellation = helpers.submit(website)
    with pytest.raises(changes.ChangeRefused) as refused, translation.override("en"):
        changes.start_change(actor=website.sponsor.owner, website=website)
    assert "A cancellation of this website is waiting" in str(refused.value)
    draft = save(save(draft, "basic", {"name": "改名的网站"}), "prompt", {"agreement_accepted": True})
    with pytest.raises(filing_services.FilingActionRefused, match="注销"):
        filing_services.submit_application(actor=website.sponsor.owner, application=draft)
    services.approve_cancellation(actor=reviewer, cancellation=cancellation)
    with pytest.raises(filing_services.FilingActionRefused, match="已注销"):
        filing_services.submit_application(actor=website.sponsor.owner, application=draft)
    draft.refresh_from_db()
    assert draft.status == WebsiteApplication.Status.DRAFT
    assert not ReviewItem.objects.filter(kind="change").exists()
