"""The filing rules the guide words differently from the first version (issue 13, item 6), through
the application: what the wizard, the submission and the reviewer's findings see."""

import datetime

import pytest

from beian.core.models import SponsorType
from beian.filings import changes, checks, services
from beian.filings.models import WebsiteApplication
from beian.sponsors import services as sponsor_services
from beian.sponsors.models import SponsorEntity
from tests.factories import make_applicant, make_reviewer
from tests.filings import helpers
from tests.sponsors.helpers import ready_entity

pytestmark = pytest.mark.django_db
Kind = WebsiteApplication.Kind
OPENED_LONG_AGO = datetime.date(2012, 5, 1)


def rules(application) -> set[tuple[str, str]]:
    return {(problem.rule, str(problem.severity)) for problem in checks.application_problems(application)}


def stored(application) -> set[tuple[str, str]]:
    application.refresh_from_db()
    return {(finding["rule"], finding["severity"]) for finding in application.findings}


def sponsor_named(name: str):
    entity = ready_entity(make_applicant(), name=name)
    sponsor_services.submit_sponsor_entity(actor=entity.owner)
    sponsor_services.approve_sponsor_entity(actor=make_reviewer(), entity=entity)
    entity.refresh_from_db()
    return entity


def completed(application, **basic):
    for step, data in (("basic", helpers.basic_data(**basic)), ("leaders", helpers.SAME_AS),
                       ("prompt", {"agreement_accepted": True})):
        application = services.save_draft_step(actor=application.owner, application=application, step=step,
                                               data=data, version=application.version)
    return application


def test_a_national_enterprise_files_a_website_named_with_its_own_prefix(reference_data):
    national = sponsor_named("中国移动通信集团有限公司")
    application = helpers.submitted_application(national, name="中国移动网上营业厅")
    assert application.status == WebsiteApplication.Status.SUBMITTED
    assert stored(application) == set()
    other = helpers.complete_application(helpers.approved_sponsor(), name="中国移动网上营业厅")
    assert ("website_name.national_prefix", "error") in rules(other)  # 北京云景科技有限公司


def test_an_institution_with_a_public_affairs_word_is_submitted_with_a_warning(sponsor):
    application = helpers.complete_application(sponsor, name="杭州公安交通服务网")
    assert ("website_name.government_words", "error") in rules(application)  # an enterprise
    SponsorEntity.objects.filter(pk=sponsor.pk).update(sponsor_type=SponsorType.objects.get(code="institution"))
    application.refresh_from_db()
    assert ("website_name.government_words", "warning") in rules(application)
    services.submit_application(actor=sponsor.owner, application=application)
    assert ("website_name.government_words", "warning") in stored(application)


def test_a_claim_of_an_offline_filing_is_never_late(sponsor):
    helpers.notice()
    claim = completed(services.start_application(actor=sponsor.owner, kind=Kind.CLAIM),
                      opened_on=OPENED_LONG_AGO)
    assert not {rule for rule, _severity in rules(claim)} & {"filing.late"}
    services.submit_application(actor=sponsor.owner, application=claim)
    assert "filing.late" not in {rule for rule, _severity in stored(claim)}
    new = completed(services.start_application(actor=sponsor.owner), opened_on=OPENED_LONG_AGO)
    assert ("filing.late", "warning") in rules(new)  # a new website opened long ago still is late


def test_a_change_of_a_website_opened_long_ago_is_not_late(sponsor, reviewer):
    application = helpers.submitted_application(sponsor, opened_on=OPENED_LONG_AGO)
    assert ("filing.late", "warning") in stored(application)  # the first filing was late
    website = services.approve_application(actor=reviewer, application=application)
    change = changes.start_change(actor=sponsor.owner, website=website)
    assert change.opened_on == OPENED_LONG_AGO
    assert "filing.late" not in {rule for rule, _severity in rules(change)}
