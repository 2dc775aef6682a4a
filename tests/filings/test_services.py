"""The applicant's actions: start, save steps with the version check, submit, withdraw."""

import pytest

from beian.core.models import CertificateType
from beian.filings import checks, services
from beian.filings.models import DomainHold, WebsiteApplication
from beian.notifications.models import OutboxMessage
from beian.review.models import ReviewItem
from beian.sponsors.documents import clean_image
from tests.factories import make_applicant
from tests.filings import helpers
from tests.sponsors.helpers import INDIVIDUAL_ID, jpeg, ready_entity, upload

pytestmark = pytest.mark.django_db
Status = WebsiteApplication.Status


def test_a_draft_needs_a_submitted_or_approved_sponsor(reference_data):
    draft_sponsor = ready_entity(make_applicant())
    with pytest.raises(services.FilingActionRefused):
        services.start_application(actor=draft_sponsor.owner)
    submitted = helpers.submitted_sponsor()
    assert services.start_application(actor=submitted.owner).status == Status.DRAFT


def test_each_step_saves_and_advances_the_version(sponsor):
    application = services.start_application(actor=sponsor.owner)
    assert application.version == 1
    saved = services.save_draft_step(actor=sponsor.owner, application=application, step="basic",
                                     data=helpers.basic_data(other_domains=["www.yunjing.cn"]), version=1)
    assert saved.version == 2
    saved.refresh_from_db()
    assert saved.name == "云景科技官网" and saved.domain_list[1] == "www.yunjing.cn"
    assert saved.main_domain.startswith("yunjing-tech-")


def test_a_stale_form_is_refused_and_nothing_is_overwritten(sponsor):
    application = services.start_application(actor=sponsor.owner)
    services.save_draft_step(actor=sponsor.owner, application=application, step="basic",
                             data=helpers.basic_data(name="第一个标签页"), version=1)
    with pytest.raises(services.StaleDraft):
        services.save_draft_step(actor=sponsor.owner, application=application, step="basic",
                                 data=helpers.basic_data(name="第二个标签页"), version=1)
    application.refresh_from_db()
    assert application.name == "第一个标签页" and application.version == 2


def test_another_applicant_cannot_save_the_draft(sponsor):
    application = services.start_application(actor=sponsor.owner)
    stranger = helpers.approved_sponsor().owner
    with pytest.raises(WebsiteApplication.DoesNotExist):
        services.save_draft_step(actor=stranger, application=application, step="basic",
                                 data=helpers.basic_data(), version=1)


def test_same_as_person_in_charge_copies_the_data(sponsor):
    application = helpers.complete_application(sponsor)
    leader = application.leaders.get(role="security_leader")
    assert leader.name == sponsor.person_name and leader.mobile == sponsor.mobile
    assert leader.certificate_number == sponsor.person_certificate_number


def test_the_agreement_stores_version_and_time(sponsor):
    application = helpers.complete_application(sponsor)
    assert application.agreement_version == helpers.notice().version
    assert application.agreement_accepted_at is not None


def test_submission_goes_to_the_sponsor_agency_with_due_date_findings_and_sms(sponsor):
    application = helpers.complete_application(sponsor)
    item = services.submit_application(actor=sponsor.owner, application=application)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.agency == sponsor.agency and item.agency.code == "110105"
    assert item.kind == "new_website" and item.title == "云景科技官网"
    assert item.search_keys.filter(key=f"domain:{application.main_domain}").exists()
    assert (item.due_date - application.submitted_at.date()).days >= 21  # 21 working days
    assert isinstance(application.findings, list)
    sms = OutboxMessage.objects.filter(user=sponsor.owner, template="website_submitted").get()
    assert "云景科技官网" in sms.text and sms.system_message is not None


def test_a_submitted_sponsor_is_enough_to_submit(reference_data):
    application = helpers.complete_application(helpers.submitted_sponsor())
    services.submit_application(actor=application.owner, application=application)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_rule_errors_and_missing_answers_block_submission(sponsor):
    application = helpers.complete_application(sponsor, name="中国政府网", ips=[])
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.submit_application(actor=sponsor.owner, application=application)
    rules = {problem.rule for problem in blocked.value.problems}
    assert {"website_name.national_prefix"} <= rules
    assert [missing["field"] for missing in blocked.value.missing] == ["ips"]
    application.refresh_from_db()
    assert application.status == Status.DRAFT and not ReviewItem.objects.filter(kind="new_website").exists()


def test_a_domain_is_filed_only_once(sponsor):
    first = helpers.submitted_application(sponsor)
    second = helpers.complete_application(helpers.approved_sponsor(), main_domain=first.main_domain.upper())
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.submit_application(actor=second.owner, application=second)
    assert [problem.rule for problem in blocked.value.problems] == ["domain.already_filed"]
    assert DomainHold.objects.get(name=first.main_domain).application == first


def test_the_database_refuses_a_second_hold_even_without_the_rule_check(sponsor):
    first = helpers.submitted_application(sponsor)
    second = helpers.complete_application(helpers.approved_sponsor())
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        DomainHold.objects.create(name=first.main_domain, application=second)


def test_withdrawing_frees_the_domains_and_closes_the_queue_row(sponsor):
    application = helpers.submitted_application(sponsor)
    services.withdraw_application(actor=sponsor.owner, application=application)
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN and not DomainHold.objects.exists()
    item = ReviewItem.objects.get(kind="new_website")
    assert not item.is_open and item.status == "withdrawn"
    other = helpers.complete_application(helpers.approved_sponsor(), main_domain=application.main_domain)
    services.submit_application(actor=other.owner, application=other)


def test_a_draft_can_be_withdrawn_but_not_twice(sponsor):
    application = services.start_application(actor=sponsor.owner)
    services.withdraw_application(actor=sponsor.owner, application=application)
    with pytest.raises(services.FilingActionRefused):
        services.withdraw_application(actor=sponsor.owner, application=application)


def test_a_submitted_application_cannot_be_edited_or_submitted_again(sponsor):
    application = helpers.submitted_application(sponsor)
    with pytest.raises(services.FilingActionRefused):
        services.save_draft_step(actor=sponsor.owner, application=application, step="basic",
                                 data=helpers.basic_data(), version=application.version)
    with pytest.raises(services.FilingActionRefused):
        services.submit_application(actor=sponsor.owner, application=application)


def test_a_person_leading_many_websites_of_other_sponsors_is_a_warning(reference_data):
    leader = {"same_as_person_in_charge": False, "name": "李娜", "certificate_type": None,
              "certificate_number": "", "mobile": "13915827461", "office_phone": "010-65871235",
              "email": "lina@example.cn"}
    leader.update(certificate_type=CertificateType.objects.get(code="resident_id"),
                  certificate_number=INDIVIDUAL_ID,
                  documents={kind: clean_image(upload(f"{kind}.jpg", jpeg()))
                             for kind in ("id_front", "id_back")})
    applications = []
    for _ in range(7):
        application = helpers.complete_application(helpers.submitted_sponsor())
        application = services.save_draft_step(
            actor=application.owner, application=application, step="leaders",
            data={"security": leader, "emergency": {"same_as_person_in_charge": True}},
            version=application.version)
        applications.append(application)
    for application in applications[:6]:
        services.submit_application(actor=application.owner, application=application)
    rules = [(problem.rule, problem.field) for problem in checks.application_problems(applications[6])]
    assert ("leader.same_as_many", "leaders[0].certificate_number") in rules
    # The first one sees five others: exactly the limit, no warning.
    assert "leader.same_as_many" not in {p.rule for p in checks.application_problems(applications[0])}
