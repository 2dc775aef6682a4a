"""Push to the matching applicant (now or when their sponsor entity is submitted later), the exact
search, the claim (a prefilled claim draft) and its approval (the legacy number becomes an alias)."""

import pytest
from django.core.exceptions import PermissionDenied

from beian.filings import services as filing_services
from beian.filings.models import RecordAlias, WebsiteApplication
from beian.legacy import selectors
from beian.legacy.models import LegacyRecord
from beian.legacy.services import ClaimRefused, complete_claim, match_sponsor, start_claim
from beian.notifications.models import OutboxMessage, SystemMessage
from beian.sponsors import services as sponsor_services
from tests.factories import make_applicant, make_reviewer
from tests.legacy.helpers import (
    NUMBER,
    approve_claim,
    import_,
    make_applicant_with_approved_sponsor,
    plain_row,
    row,
    submitted_applicant,
)
from tests.sponsors.helpers import OTHER_USCC, ready_entity

pytestmark = pytest.mark.usefixtures("reference_data")


def _found_sms(user):
    return OutboxMessage.objects.filter(user=user, template="legacy_found")


def test_push_now_when_the_sponsor_already_exists():
    applicant = submitted_applicant()
    report = import_(row(deadline="2026-12-31"))
    assert report.notified == 1
    record = LegacyRecord.objects.get()
    assert record.matched_entity.owner == applicant
    assert list(selectors.for_applicant(applicant)) == [record]
    sms = _found_sms(applicant).get()
    assert "云景旧官网" in sms.text and NUMBER in sms.text and "2026-12-31" in sms.text
    assert SystemMessage.objects.filter(user=applicant, template="legacy_found").count() == 1


def test_push_later_when_the_sponsor_entity_is_submitted():
    import_(row(), plain_row(2))
    applicant = make_applicant()
    ready_entity(applicant)
    assert not selectors.for_applicant(applicant).exists()  # a draft entity is not matched
    sponsor_services.submit_sponsor_entity(actor=applicant)
    assert [record.record_number for record in selectors.for_applicant(applicant)] == [NUMBER]
    assert _found_sms(applicant).count() == 1


def test_notified_once_per_record():
    applicant = submitted_applicant()
    import_(row())
    import_(row(website_name="改名"))
    match_sponsor(entity=LegacyRecord.objects.get().matched_entity)
    assert _found_sms(applicant).count() == 1


def test_another_applicant_never_sees_a_pushed_record():
    submitted_applicant()
    import_(row())
    stranger = submitted_applicant()
    assert not selectors.for_applicant(stranger).exists()
    assert not selectors.find_for_claim(stranger, NUMBER).exists()  # matched to someone else
    assert not selectors.find_for_claim(stranger, "yunjing-old.cn").exists()


@pytest.mark.parametrize("query", [NUMBER, f"京公网安备 {NUMBER}号", "yunjing-old.cn", "YUNJING-OLD.CN",
                                   "京ICP备12345678号-1", "京ICP备12345678号－1"])
def test_search_finds_an_unmatched_record_by_exact_value(query):
    import_(row(certificate_type="", certificate_number=""))
    assert selectors.find_for_claim(make_applicant(), query).count() == 1


@pytest.mark.parametrize("query", ["", "yunjing", "yunjing-old", "old.cn", "1101050203014", "*", "%",
                                   "京ICP备12345678号", "京ICP备12345678号-2", "yunjing-old.cn/x", "110105"])
def test_search_never_browses(query):
    import_(row(certificate_type="", certificate_number=""))
    assert not selectors.find_for_claim(make_applicant(), query).exists()


def test_search_never_shows_claimed_records():
    import_(row(certificate_type="", certificate_number=""))
    approve_claim(make_applicant_with_approved_sponsor(), LegacyRecord.objects.get())
    assert not selectors.find_for_claim(make_applicant(), NUMBER).exists()


def test_claim_opens_a_prefilled_claim_draft_and_remembers_it():
    owner = make_applicant_with_approved_sponsor()
    import_(row())
    record = LegacyRecord.objects.get()
    application = start_claim(actor=owner, record=record)
    assert application.kind == WebsiteApplication.Kind.CLAIM and application.status == "draft"
    assert application.name == "云景旧官网" and application.domain_list == ["yunjing-old.cn"]
    assert application.icp_number == "京ICP备12345678号-1"
    record.refresh_from_db()
    assert record.application == application
    assert start_claim(actor=owner, record=record) == application  # claiming again resumes it


def test_a_claim_of_someone_else_blocks_a_second_and_a_withdrawn_one_does_not():
    import_(row(certificate_type="", certificate_number=""))
    record = LegacyRecord.objects.get()
    first, second = make_applicant_with_approved_sponsor(), make_applicant_with_approved_sponsor()
    application = start_claim(actor=first, record=record)
    with pytest.raises(ClaimRefused, match="Another applicant"):
        start_claim(actor=second, record=record)
    filing_services.withdraw_application(actor=first, application=application)
    assert start_claim(actor=second, record=record).owner == second


def test_a_record_matched_to_another_sponsor_cannot_be_claimed():
    submitted_applicant()
    import_(row())
    with pytest.raises(PermissionDenied):
        start_claim(actor=make_applicant_with_approved_sponsor(), record=LegacyRecord.objects.get())


def test_approval_issues_a_new_number_and_the_legacy_number_becomes_its_alias():
    owner = make_applicant_with_approved_sponsor()
    import_(row())
    record = LegacyRecord.objects.get()
    website = approve_claim(owner, record)
    record.refresh_from_db()
    assert record.status == LegacyRecord.Status.CLAIMED and record.website == website and record.claimed_at
    assert website.record_number != NUMBER
    assert RecordAlias.objects.get(number=NUMBER).website == website
    assert list(selectors.for_applicant(owner)) == [record]  # shown as claimed, with the new number
    with pytest.raises(ClaimRefused):
        start_claim(actor=owner, record=record)


def test_a_new_website_approval_leaves_legacy_records_alone():
    import_(row(certificate_type="", certificate_number=""))
    from tests.filings.helpers import submitted_application

    application = submitted_application(main_domain="yunjing-old.cn")
    filing_services.approve_application(actor=make_reviewer(), application=application)
    assert LegacyRecord.objects.get().status == LegacyRecord.Status.OPEN
    assert not RecordAlias.objects.exists()


def test_complete_claim_is_idempotent():
    owner = make_applicant_with_approved_sponsor()
    import_(row())
    record = LegacyRecord.objects.get()
    website = approve_claim(owner, record)
    record.refresh_from_db()
    assert complete_claim(application=record.application, website=website) is False
    assert RecordAlias.objects.count() == 1


def test_state_changes_only_through_the_transition():
    import_(row())
    record = LegacyRecord.objects.get()
    with pytest.raises(AttributeError):
        record.status = LegacyRecord.Status.CLAIMED


def test_overdue_records_for_staff_in_scope_only(reviewer, other_reviewer):
    import_(plain_row(1, deadline="2020-01-01"), plain_row(2, deadline="2099-01-01"))
    assert [r.domain for r in selectors.for_staff(reviewer, overdue=True)] == ["old1.cn"]
    assert not selectors.for_staff(other_reviewer).exists()


def test_a_changed_certificate_on_reimport_unmatches_the_record():
    applicant = submitted_applicant()
    import_(row())
    import_(row(certificate_number=OTHER_USCC))
    assert not selectors.for_applicant(applicant).exists()
