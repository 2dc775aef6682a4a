"""Push (issue 7 item 7): a website with a sponsor's certificate reaches that applicant, once."""

import pytest

from beian.core.models import Agency
from beian.notifications.models import OutboxMessage, SystemMessage
from beian.sponsors import services as sponsor_services
from beian.unregistered import selectors
from beian.unregistered.models import UnregisteredWebsite
from beian.unregistered.services import close_when_filed, import_rows, match_sponsor
from tests.factories import make_applicant
from tests.sponsors.helpers import ready_entity
from tests.unregistered.helpers import row

pytestmark = pytest.mark.usefixtures("reference_data")


def _import(*rows):
    return import_rows(actor_label="test", rows=list(rows), allowed_agencies=Agency.objects.all())


def _submitted_applicant():
    applicant = make_applicant()
    ready_entity(applicant)
    sponsor_services.submit_sponsor_entity(actor=applicant)
    return applicant


def _found_sms(user):
    return OutboxMessage.objects.filter(user=user, template="unregistered_found")


def test_push_now_when_the_sponsor_already_exists(django_capture_on_commit_callbacks):
    applicant = _submitted_applicant()
    with django_capture_on_commit_callbacks(execute=True):
        report = _import(row("yunjing.cn", deadline="2026-12-31"))
    assert report.notified == 1
    site = UnregisteredWebsite.objects.get()
    assert site.matched_entity.owner == applicant
    assert list(selectors.for_applicant(applicant)) == [site]
    sms = _found_sms(applicant).get()
    assert "yunjing.cn" in sms.text and "2026-12-31" in sms.text
    assert SystemMessage.objects.filter(user=applicant, template="unregistered_found").count() == 1


def test_push_later_when_the_sponsor_is_submitted():
    _import(row("yunjing.cn"), row("other.cn", certificate_number="", certificate_type=""))
    applicant = make_applicant()
    ready_entity(applicant)
    assert not selectors.for_applicant(applicant).exists()  # a draft entity is not matched
    sponsor_services.submit_sponsor_entity(actor=applicant)
    assert [site.domain for site in selectors.for_applicant(applicant)] == ["yunjing.cn"]
    assert _found_sms(applicant).count() == 1


def test_notified_once_per_website():
    applicant = _submitted_applicant()
    _import(row("yunjing.cn"))
    _import(row("yunjing.cn", ip="61.135.169.122"))
    match_sponsor(entity=UnregisteredWebsite.objects.get().matched_entity)
    assert _found_sms(applicant).count() == 1


def test_a_changed_certificate_is_matched_afresh():
    applicant = _submitted_applicant()
    _import(row("yunjing.cn", certificate_number="", certificate_type=""))
    assert not selectors.for_applicant(applicant).exists()
    _import(row("yunjing.cn"))
    assert selectors.for_applicant(applicant).count() == 1
    assert _found_sms(applicant).count() == 1


def test_another_applicant_never_sees_it():
    _submitted_applicant()
    _import(row("yunjing.cn"))
    assert not selectors.for_applicant(make_applicant()).exists()


def test_close_when_filed_closes_the_entry_and_hides_it():
    applicant = _submitted_applicant()
    _import(row("例子.中国"))
    assert close_when_filed(domain="例子.中国") is True
    site = UnregisteredWebsite.objects.get()
    assert site.status == UnregisteredWebsite.Status.FILED and site.filed_at
    assert not selectors.for_applicant(applicant).exists()
    assert close_when_filed(domain="例子.中国") is False
    assert close_when_filed(domain="unknown.cn") is False
