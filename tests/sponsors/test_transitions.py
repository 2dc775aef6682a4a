"""Every transition of the sponsor entity from every allowed and refused state (SPEC §5.1)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from beian.core.models import Agency, AuditEntry
from beian.notifications.models import OutboxMessage
from beian.review.models import ReviewEvent, ReviewItem
from beian.review.services import ReviewActionRefused
from beian.sponsors import services
from beian.sponsors.models import SponsorEntity
from tests.factories import make_applicant, make_reviewer, make_staff
from tests.sponsors.helpers import make_reasons, ready_entity, reason_dicts

pytestmark = pytest.mark.django_db

Status = SponsorEntity.Status


def entity_in(status, user=None):
    """An entity brought to `status` through the real transitions."""
    entity = ready_entity(user)
    if status == Status.DRAFT:
        return entity
    services.submit_sponsor_entity(actor=entity.owner)
    if status == Status.SUBMITTED:
        return SponsorEntity.objects.get(pk=entity.pk)
    reviewer = make_reviewer()
    if status == Status.APPROVED:
        return services.approve_sponsor_entity(actor=reviewer, entity=entity)
    return services.return_sponsor_entity(actor=reviewer, entity=entity,
                                          reasons=reason_dicts(make_reasons()[:1]), note="")


def test_the_status_is_protected(reference_data):
    entity = ready_entity()
    with pytest.raises(AttributeError):
        entity.status = Status.APPROVED


def test_submit_from_draft_files_with_the_county_agency_and_counts_working_days(reference_data):
    entity = ready_entity()
    # Monday 2026-03-02 10:00 in Beijing.
    now = datetime.datetime(2026, 3, 2, 2, 0, tzinfo=datetime.UTC)
    item = services.submit_sponsor_entity(actor=entity.owner, now=now)
    entity.refresh_from_db()
    assert entity.status == Status.SUBMITTED
    assert entity.agency.code == "110105" and item.agency == entity.agency
    assert entity.submitted_at == now
    assert item.is_open and item.status == "submitted" and item.kind == "sponsor_entity"
    assert item.due_date == datetime.date(2026, 3, 31)  # 21 working days, no holiday in March 2026
    assert item.due_date_exact
    assert item.search_keys.filter(key=f"certificate:{entity.certificate_hash}").exists()
    assert AuditEntry.objects.filter(action="sponsor_entity_submitted", object_id=str(entity.pk)).exists()
    sms = OutboxMessage.objects.get(user=entity.owner, template="sponsor_submitted")
    assert entity.name in sms.text and "2026-03-31" in sms.text
    assert sms.system_message is not None


def test_the_due_date_is_counted_from_the_local_date_of_submission(reference_data):
    entity = ready_entity()
    # Friday 2026-03-06 23:30 UTC is already Saturday 07:30 in Beijing.
    item = services.submit_sponsor_entity(
        actor=entity.owner, now=datetime.datetime(2026, 3, 6, 23, 30, tzinfo=datetime.UTC))
    assert item.due_date == datetime.date(2026, 4, 7)  # from Saturday 7 March: 21 working days


def test_submit_falls_back_to_the_nearest_agency_above(reference_data):
    Agency.objects.filter(code="110105").update(active=False)
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner)
    entity.refresh_from_db()
    assert entity.agency.code == "110000"  # 市辖区 has no agency of its own: Beijing's corps


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.APPROVED])
def test_submit_is_refused_from(reference_data, status):
    entity = entity_in(status)
    with pytest.raises(services.SponsorActionRefused):
        services.submit_sponsor_entity(actor=entity.owner)


def test_submit_needs_the_documents(reference_data):
    user = make_applicant()
    from tests.sponsors.helpers import enterprise_values

    services.save_sponsor_entity(actor=user, values=enterprise_values())
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.submit_sponsor_entity(actor=user)
    assert blocked.value.missing_documents == ["id_front", "id_back", "licence"]
    assert SponsorEntity.objects.get(owner=user).status == Status.DRAFT
    assert not ReviewItem.objects.exists()


def test_submit_is_blocked_by_rule_errors(reference_data):
    entity = ready_entity(person_name="王先生")
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.submit_sponsor_entity(actor=entity.owner)
    assert [p.rule for p in blocked.value.problems] == ["person_name.placeholder"]
    assert blocked.value.problems[0].field == "sponsor.person_in_charge.name"


def test_submit_stores_warnings_as_findings(reference_data):
    from tests.rules.samples import resident_id

    entity = ready_entity(person_certificate_number=resident_id("99010519850612003"))
    item = services.submit_sponsor_entity(actor=entity.owner)
    assert [f["rule"] for f in item.findings] == ["resident_id.unknown_region"]
    assert set(item.findings[0]) == {"rule", "severity", "field", "params"}


def test_approve_from_submitted(reference_data):
    entity = entity_in(Status.SUBMITTED)
    reviewer = make_reviewer()
    services.approve_sponsor_entity(actor=reviewer, entity=entity)
    entity.refresh_from_db()
    assert entity.status == Status.APPROVED and entity.approved_at
    item = ReviewItem.objects.get(subject_id=entity.pk, kind="sponsor_entity")
    assert not item.is_open and item.status == "approved"
    assert ReviewEvent.objects.filter(item=item, action="approved", actor=reviewer).exists()
    sms = OutboxMessage.objects.get(user=entity.owner, template="sponsor_approved")
    assert "朝阳区" in sms.text


@pytest.mark.parametrize("status", [Status.DRAFT, Status.APPROVED, Status.RETURNED])
def test_approve_is_refused_from(reference_data, status):
    entity = entity_in(status)
    if status == Status.DRAFT:
        entity.agency = Agency.objects.get(code="110105")  # in scope, so that the state decides
        entity.save()
    with translation.override("en"), pytest.raises(ReviewActionRefused, match="decided a moment ago"):
        services.approve_sponsor_entity(actor=make_reviewer(), entity=entity)


def test_return_from_submitted_names_the_reasons(reference_data):
    entity = entity_in(Status.SUBMITTED)
    reasons = reason_dicts(make_reasons()[:2])
    services.return_sponsor_entity(actor=make_reviewer(), entity=entity, reasons=reasons, note="请重新拍照")
    entity.refresh_from_db()
    assert entity.status == Status.RETURNED
    assert [r["code"] for r in entity.return_reasons] == ["sponsor-name-unclear", "photo-unclear"]
    assert entity.return_note == "请重新拍照"
    event = ReviewEvent.objects.get(action="returned")
    assert event.reasons == reasons and event.note == "请重新拍照"
    sms = OutboxMessage.objects.get(user=entity.owner, template="sponsor_returned")
    assert "单位名称与证件不一致" in sms.text and "证件照片不清晰" in sms.text


@pytest.mark.parametrize("status", [Status.APPROVED, Status.RETURNED])
def test_return_is_refused_from(reference_data, status):
    entity = entity_in(status)
    with pytest.raises(ReviewActionRefused):
        services.return_sponsor_entity(actor=make_reviewer(), entity=entity,
                                       reasons=reason_dicts(make_reasons()[:1]))


def test_return_needs_a_reason(reference_data):
    entity = entity_in(Status.SUBMITTED)
    with pytest.raises(ReviewActionRefused):
        services.return_sponsor_entity(actor=make_reviewer(), entity=entity, reasons=[])


def test_a_returned_entity_is_corrected_and_submitted_again(reference_data):
    entity = entity_in(Status.RETURNED)
    from tests.sponsors.helpers import enterprise_values

    services.save_sponsor_entity(actor=entity.owner,
                                 values=enterprise_values(name="北京云景信息科技有限公司"))
    item = services.submit_sponsor_entity(actor=entity.owner)
    entity.refresh_from_db()
    assert entity.status == Status.SUBMITTED and entity.return_reasons == []
    assert item.is_open and item.title == "北京云景信息科技有限公司"
    assert ReviewItem.objects.count() == 1


def test_an_entity_under_review_cannot_be_edited(reference_data):
    entity = entity_in(Status.SUBMITTED)
    from tests.sponsors.helpers import enterprise_values

    with pytest.raises(services.SponsorActionRefused):
        services.save_sponsor_entity(actor=entity.owner, values=enterprise_values(name="别的公司"))


def test_only_a_reviewer_of_the_jurisdiction_decides(reference_data):
    entity = entity_in(Status.SUBMITTED)
    for outsider in (make_reviewer("110108"), entity.owner, make_staff("auditor")):
        with pytest.raises(PermissionDenied):
            services.approve_sponsor_entity(actor=outsider, entity=entity)
    supervisor_above = make_staff("supervisor", "110000")
    services.approve_sponsor_entity(actor=supervisor_above, entity=entity)


def test_one_account_holds_one_entity(reference_data):
    entity = ready_entity()
    from tests.sponsors.helpers import enterprise_values

    services.save_sponsor_entity(actor=entity.owner, values=enterprise_values(name="北京另一家科技有限公司"))
    assert SponsorEntity.objects.filter(owner=entity.owner).count() == 1


def test_submission_time_is_now_by_default(reference_data):
    entity = ready_entity()
    before = timezone.now()
    services.submit_sponsor_entity(actor=entity.owner)
    entity.refresh_from_db()
    assert entity.submitted_at >= before
