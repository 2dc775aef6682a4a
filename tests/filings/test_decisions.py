"""The reviewer's decisions (SPEC §5.1): every transition allowed and refused, record numbers."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from beian.filings import services
from beian.filings.models import Website, WebsiteApplication
from beian.notifications.models import OutboxMessage
from beian.review.models import ReviewItem
from beian.review.services import ReviewActionRefused
from beian.rules import parse_record_number
from tests.factories import make_reviewer
from tests.filings import helpers

pytestmark = pytest.mark.django_db
Status = WebsiteApplication.Status
REASONS = [{"code": "domain-unreachable", "text_zh": "域名无法访问", "text_en": "The domain does not answer",
            "field": "website.domains[0]"}]


def test_approval_files_the_website_with_a_record_number_and_tells_the_applicant(sponsor,
                                                                                 reviewer):
    sponsor.agency.telephone = "010-85951234"
    sponsor.agency.save()
    application = helpers.submitted_application(sponsor)
    website = services.approve_application(actor=reviewer, application=application)
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert re.fullmatch(r"11010502\d{6}", website.record_number)
    assert website.record_number_text == f"京公网安备 {website.record_number}号"
    assert parse_record_number(website.record_number_text) == website.record_number
    assert website.domains == [application.main_domain] and website.status == Website.Status.FILED
    item = ReviewItem.objects.get(kind="new_website")
    assert not item.is_open and item.search_keys.filter(key=f"record:{website.record_number}").exists()
    sms = OutboxMessage.objects.get(template="website_approved")
    assert website.record_number in sms.text and "010-85951234" in sms.text


def test_without_an_agency_telephone_the_approval_names_the_agency_to_ask(sponsor, reviewer):
    sponsor.agency.telephone = ""
    sponsor.agency.save()
    application = helpers.submitted_application(sponsor)
    website = services.approve_application(actor=reviewer, application=application)
    sms = OutboxMessage.objects.get(template="website_approved")
    assert website.record_number in sms.text
    assert sms.text.endswith(f"如有疑问，请联系{website.agency.name_zh}。")
    assert "咨询电话" not in sms.text and sms.system_message.body == sms.text


def test_serials_are_consecutive_per_agency(sponsor, reviewer):
    applications = [helpers.submitted_application(helpers.approved_sponsor()) for _ in range(3)]
    numbers = [services.approve_application(actor=reviewer, application=application).record_number
               for application in applications]
    serials = [int(number[-6:]) for number in numbers]
    assert serials == [serials[0], serials[0] + 1, serials[0] + 2]


def test_never_before_the_sponsor_entity_is_approved(reference_data, reviewer):
    application = helpers.submitted_application(helpers.submitted_sponsor())
    with pytest.raises(ReviewActionRefused, match="sponsor"), translation.override("en"):
        services.approve_application(actor=reviewer, application=application)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and not Website.objects.exists()


def test_an_interactive_website_needs_a_passed_inspection(sponsor, reviewer):
    application = helpers.submitted_application(sponsor, interactive=True, interactive_services=["comments"])
    with pytest.raises(ReviewActionRefused, match="interactive"), translation.override("en"):
        services.approve_application(actor=reviewer, application=application)
    # The inspection services come later; the states are there: face review → passed → approve.
    application.ask_for_face_review()
    application.pass_inspection()
    application.save()
    website = services.approve_application(actor=reviewer, application=application)
    assert website.interactive


@pytest.mark.parametrize("ask", ["ask_for_face_review", "ask_for_onsite_inspection"])
def test_inspection_states_can_be_returned(sponsor, reviewer, ask):
    application = helpers.submitted_application(sponsor, interactive=True, interactive_services=["comments"])
    getattr(application, ask)()
    application.save()
    services.return_application(actor=reviewer, application=application, reasons=REASONS)
    application.refresh_from_db()
    assert application.status == Status.RETURNED


def test_a_reviewer_of_another_agency_cannot_decide(sponsor):
    application = helpers.submitted_application(sponsor)
    with pytest.raises(PermissionDenied):
        services.approve_application(actor=make_reviewer("110108"), application=application)
    with pytest.raises(PermissionDenied):
        services.approve_application(actor=sponsor.owner, application=application)


def test_return_keeps_reasons_by_field_and_the_applicant_corrects_and_resubmits(sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    with pytest.raises(ReviewActionRefused):
        services.return_application(actor=reviewer, application=application, reasons=[])
    services.return_application(actor=reviewer, application=application, reasons=REASONS,
                                note="请核实")
    application.refresh_from_db()
    assert application.status == Status.RETURNED
    assert application.return_reasons[0]["field"] == "website.domains[0]"
    assert OutboxMessage.objects.filter(template="website_returned").exists()
    saved = services.save_draft_step(actor=sponsor.owner, application=application, step="basic",
                                     data=helpers.basic_data(), version=application.version)
    assert saved.status == Status.DRAFT  # returned → draft on the first correction
    services.submit_application(actor=sponsor.owner, application=saved)
    saved.refresh_from_db()
    assert saved.status == Status.SUBMITTED and saved.return_reasons == []
    assert ReviewItem.objects.get(kind="new_website").is_open


@pytest.mark.parametrize("status", [Status.DRAFT, Status.APPROVED, Status.RETURNED, Status.WITHDRAWN])
def test_decisions_are_refused_outside_review(sponsor, reviewer, status):
    application = helpers.complete_application(sponsor)
    if status != Status.DRAFT:
        application.agency = sponsor.agency
        application.save()
        if status == Status.WITHDRAWN:
            services.withdraw_application(actor=sponsor.owner, application=application)
        else:
            services.submit_application(actor=sponsor.owner, application=application)
            if status == Status.APPROVED:
                services.approve_application(actor=reviewer, application=application)
            else:
                services.return_application(actor=reviewer, application=application, reasons=REASONS)
    else:
        application.agency = sponsor.agency
        application.save()
    with pytest.raises(ReviewActionRefused):
        services.approve_application(actor=reviewer, application=application)
    with pytest.raises(ReviewActionRefused):
        services.return_application(actor=reviewer, application=application, reasons=REASONS)


@pytest.mark.parametrize("status", [Status.APPROVED, Status.RETURNED])
def test_the_applicant_cannot_withdraw_after_a_decision(sponsor, reviewer, status):
    application = helpers.submitted_application(sponsor)
    if status == Status.APPROVED:
        services.approve_application(actor=reviewer, application=application)
    else:
        services.return_application(actor=reviewer, application=application, reasons=REASONS)
    with pytest.raises(services.FilingActionRefused):
        services.withdraw_application(actor=sponsor.owner, application=application)


def test_the_status_field_is_protected(sponsor):
    application = helpers.complete_application(sponsor)
    with pytest.raises(AttributeError):
        application.status = Status.APPROVED


def test_a_returned_application_can_be_resubmitted_unchanged(sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    services.return_application(actor=reviewer, application=application, reasons=REASONS)
    services.submit_application(actor=sponsor.owner, application=application)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_approval_closes_the_unregistered_entry_of_the_domain(sponsor, reviewer):
    from beian.core.models import Agency
    from beian.unregistered.models import UnregisteredWebsite
    from beian.unregistered.services import import_rows
    from tests.unregistered.helpers import row

    application = helpers.submitted_application(sponsor)
    domain = application.domain_list[0]
    import_rows(actor_label="test", rows=[row(domain)], allowed_agencies=Agency.objects.all())
    assert UnregisteredWebsite.objects.get(domain=domain).status == "open"
    services.approve_application(actor=reviewer, application=application)
    assert UnregisteredWebsite.objects.get(domain=domain).status == "filed"
