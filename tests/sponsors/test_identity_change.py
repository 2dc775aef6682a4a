"""After approval, a new identity is a reviewed change; the approved data stays in force (ADR 0040)."""

import pytest
from django.core.exceptions import PermissionDenied

from beian.core.models import Division
from beian.notifications.models import OutboxMessage
from beian.review.models import ReviewItem
from beian.review.services import ReviewActionRefused
from beian.sponsors import services
from beian.sponsors.models import SponsorEntity, SponsorIdentityChange
from tests.factories import make_reviewer
from tests.sponsors.helpers import OTHER_USCC, enterprise_values, make_reasons, ready_entity, reason_dicts

pytestmark = pytest.mark.django_db
ChangeStatus = SponsorIdentityChange.Status
NEW_NAME = "北京云景数字科技有限公司"


@pytest.fixture
def approved(reference_data):
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner)
    reviewer = make_reviewer()
    services.approve_sponsor_entity(actor=reviewer, entity=entity)
    entity.refresh_from_db()
    entity.reviewer = reviewer
    return entity


def propose(entity, **changes):
    return services.save_sponsor_entity(actor=entity.owner, values=enterprise_values(**changes)).change


def test_a_new_name_is_proposed_and_the_approved_one_stays(approved):
    change = propose(approved, name=NEW_NAME, certificate_number=OTHER_USCC)
    approved.refresh_from_db()
    assert change.status == ChangeStatus.DRAFT
    assert approved.name == "北京云景科技有限公司" and approved.status == SponsorEntity.Status.APPROVED
    assert change.name == NEW_NAME and change.certificate_number == OTHER_USCC


def test_other_data_changes_at_once(approved):
    change = services.save_sponsor_entity(actor=approved.owner,
                                          values=enterprise_values(address="建国路 99 号")).change
    approved.refresh_from_db()
    assert change is None and approved.address == "建国路 99 号"


def test_moving_to_another_county_moves_the_filing_agency(approved):
    services.save_sponsor_entity(actor=approved.owner,
                                 values=enterprise_values(division=Division.objects.get(code="110108")))
    approved.refresh_from_db()
    assert approved.agency.code == "110108"


def test_going_back_to_the_approved_identity_withdraws_the_draft(approved):
    propose(approved, name=NEW_NAME)
    assert propose(approved) is None
    assert not SponsorIdentityChange.objects.exists()


def test_submit_approve_applies_the_change(approved):
    propose(approved, name=NEW_NAME, certificate_number=OTHER_USCC)
    item = services.submit_sponsor_entity(actor=approved.owner)
    change = SponsorIdentityChange.objects.get()
    assert change.status == ChangeStatus.SUBMITTED and item.kind == "sponsor_entity"
    assert item.title == NEW_NAME and item.agency.code == "110105"
    assert ReviewItem.objects.filter(is_open=True).count() == 1
    services.approve_identity_change(actor=approved.reviewer, change=change)
    approved.refresh_from_db()
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED
    assert approved.name == NEW_NAME and approved.certificate_number == OTHER_USCC
    assert approved.status == SponsorEntity.Status.APPROVED
    assert OutboxMessage.objects.filter(template="sponsor_change_approved").exists()


def test_return_keeps_the_approved_identity_and_the_change_can_be_resubmitted(approved):
    propose(approved, name=NEW_NAME)
    services.submit_sponsor_entity(actor=approved.owner)
    change = SponsorIdentityChange.objects.get()
    services.return_identity_change(actor=approved.reviewer, change=change,
                                    reasons=reason_dicts(make_reasons()[:1]), note="")
    change.refresh_from_db()
    approved.refresh_from_db()
    assert change.status == ChangeStatus.RETURNED and approved.name == "北京云景科技有限公司"
    assert "单位名称与证件不一致" in OutboxMessage.objects.get(template="sponsor_change_returned").text
    propose(approved, name="北京云景网络科技有限公司")
    services.submit_sponsor_entity(actor=approved.owner)
    change.refresh_from_db()
    assert change.status == ChangeStatus.SUBMITTED and change.name == "北京云景网络科技有限公司"


def test_while_a_change_is_under_review_the_identity_is_locked(approved):
    propose(approved, name=NEW_NAME)
    services.submit_sponsor_entity(actor=approved.owner)
    with pytest.raises(services.SponsorActionRefused):
        propose(approved, name="北京又一个科技有限公司")
    # The same proposal with other data changed is fine.
    propose(approved, name=NEW_NAME, address="建国路 100 号")
    with pytest.raises(services.SponsorActionRefused):
        services.submit_sponsor_entity(actor=approved.owner)


def test_a_unit_cannot_become_an_individual(approved):
    from beian.core.models import CertificateType, SponsorType
    from tests.sponsors.helpers import INDIVIDUAL_ID

    with pytest.raises(services.SponsorActionRefused):
        propose(approved, sponsor_type=SponsorType.objects.get(code="individual"), name="王芳",
                certificate_type=CertificateType.objects.get(code="resident_id"),
                certificate_number=INDIVIDUAL_ID)


@pytest.mark.parametrize("status", [ChangeStatus.RETURNED, ChangeStatus.APPROVED])
def test_change_decisions_are_refused_once_decided(approved, status):
    propose(approved, name=NEW_NAME)
    change = SponsorIdentityChange.objects.get()
    services.submit_sponsor_entity(actor=approved.owner)
    if status == ChangeStatus.APPROVED:
        services.approve_identity_change(actor=approved.reviewer, change=change)
    else:
        services.return_identity_change(actor=approved.reviewer, change=change,
                                        reasons=reason_dicts(make_reasons()[:1]))
    with pytest.raises(ReviewActionRefused):
        services.approve_identity_change(actor=approved.reviewer, change=change)
    with pytest.raises(ReviewActionRefused):
        services.return_identity_change(actor=approved.reviewer, change=change,
                                        reasons=reason_dicts(make_reasons()[:1]))


def test_a_draft_change_is_not_the_police_business_yet(approved):
    propose(approved, name=NEW_NAME)
    with pytest.raises(PermissionDenied):
        services.approve_identity_change(actor=approved.reviewer, change=SponsorIdentityChange.objects.get())
