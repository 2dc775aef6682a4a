"""The applicant's home (issue 18 item 1): what needs the account, most urgent first, each with its
deadline and one button; the state of every filing as a case; the count in the header."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from beian.accounts.cases import cases_for
from beian.accounts.to_do import tasks_for
from beian.badge_checks.models import BadgeCheck
from beian.core.models import Agency
from beian.filings import services
from beian.legacy.models import LegacyRecord
from beian.unregistered.models import UnregisteredWebsite
from tests.factories import make_reviewer
from tests.filings import helpers
from tests.inspections import helpers as inspection_helpers
from tests.public.helpers import file_website

pytestmark = pytest.mark.django_db

REASONS = [{"code": "domain-unreachable", "text_zh": "域名无法访问",
            "text_en": "The domain does not answer", "field": "website.domains[0]"}]


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def sponsor(reference_data):
    return helpers.approved_sponsor()


def _today():
    return timezone.localdate()


def _returned(sponsor):
    application = helpers.submitted_application(sponsor)
    services.return_application(actor=make_reviewer(), application=application, reasons=REASONS)
    application.refresh_from_db()
    return application


def _unregistered(entity, domain, days):
    return UnregisteredWebsite.objects.create(
        domain=domain, ip="121.40.18.7", found_where="巡查", found_at=timezone.now(),
        agency=Agency.objects.get(code="110105"), matched_entity=entity,
        deadline=_today() + datetime.timedelta(days=days))


def _legacy(entity, domain, days):
    return LegacyRecord.objects.create(record_number="11010502099001", domain=domain, website_name="旧网站",
                                       agency=Agency.objects.get(code="110105"), matched_entity=entity,
                                       deadline=_today() + datetime.timedelta(days=days))


def _home(client, user):
    client.force_login(user)
    with translation.override("zh-hans"):
        return client.get(reverse("accounts:menu"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()


def test_a_returned_filing_comes_with_its_reasons_and_the_button_that_fixes_it(client, sponsor):
    application = _returned(sponsor)
    tasks = tasks_for(sponsor.owner)
    assert [task.title for task in tasks] == [f"Returned for correction: {application.name}"]
    assert tasks[0].details == ("The domain does not answer",)
    assert tasks[0].url == reverse("filings:step", args=[application.pk, "basic"])
    page = _home(client, sponsor.owner)
    assert "已退回修改：" + application.name in page and "域名无法访问" in page
    assert f'href="{tasks[0].url}"' in page and "修改后重新提交" in page
    assert 'data-to-do-count="1"' in page


def test_the_most_urgent_comes_first_and_undated_items_last(sponsor):
    _returned(sponsor)
    _unregistered(sponsor, "later-site.cn", days=20)
    _legacy(sponsor, "soon-site.cn", days=3)
    titles = [task.title for task in tasks_for(sponsor.owner)]
    assert "soon-site.cn" in titles[0] and "later-site.cn" in titles[1]
    assert titles[2].startswith("Returned for correction")


def test_times_to_book_are_due_before_the_last_offered_time(sponsor):
    application = inspection_helpers.interactive_application(sponsor)
    appointment = inspection_helpers.offered(application, make_reviewer())
    last = max(slot.starts_at for slot in appointment.current_slots)
    [task] = tasks_for(sponsor.owner)
    assert task.title.startswith("Book a time for the face review")
    assert task.deadline == timezone.localtime(last).date()
    assert task.url == reverse("filings:application", args=[application.pk])


def test_a_certificate_about_to_expire_is_listed_but_a_long_term_one_is_not(sponsor):
    sponsor.certificate_long_term = False
    sponsor.certificate_valid_until = _today() + datetime.timedelta(days=10)
    sponsor.save()
    [task] = tasks_for(sponsor.owner)
    assert task.title == "The sponsor's certificate expires soon"
    assert task.deadline == sponsor.certificate_valid_until
    sponsor.certificate_valid_until = _today() + datetime.timedelta(days=90)
    sponsor.save()
    assert tasks_for(sponsor.owner) == []
    sponsor.certificate_valid_until, sponsor.certificate_long_term = _today(), True
    sponsor.save()
    assert tasks_for(sponsor.owner) == []


def test_a_failed_badge_check_asks_for_a_fix(sponsor):
    website = file_website(sponsor)
    BadgeCheck.objects.create(website=website, agency=website.agency, outcome="number_missing",
                              url=f"https://{website.main_domain}/", checked_at=timezone.now())
    [task] = tasks_for(sponsor.owner)
    assert website.name in task.title and task.url == reverse("filings:website", args=[website.pk])


def test_nobody_sees_another_account_s_items(client, sponsor):
    _returned(sponsor)
    _unregistered(sponsor, "someone-else.cn", days=5)
    other = helpers.approved_sponsor()
    assert tasks_for(other.owner) == []
    assert cases_for(other.owner) == []
    page = _home(client, other.owner)
    assert "目前没有需要您办理的事项" in page and "someone-else.cn" not in page


def test_overdue_items_say_so(client, sponsor):
    _unregistered(sponsor, "late-site.cn", days=-4)
    page = _home(client, sponsor.owner)
    assert "已逾期 4 天" in page and "is-overdue" in page


def test_cases_show_each_filing_s_steps_with_their_dates(client, sponsor):
    submitted = helpers.submitted_application(sponsor)
    website = file_website(sponsor, name="云景科技博客")
    by_title = {case.title: case for case in cases_for(sponsor.owner)}
    waiting = [(step.label, step.state) for step in by_title[submitted.name].steps]
    assert waiting == [("Submitted", "done"), ("In review", "current"), ("Filed", "to_come")]
    filed = by_title[website.name].steps
    assert [step.state for step in filed] == ["done", "done", "done"]
    assert filed[-1].on == timezone.localtime(website.application.decided_at).date()
    page = _home(client, sponsor.owner)
    assert "我的办件" in page and 'aria-current="step"' in page


def test_a_case_with_a_face_review_shows_that_step(sponsor):
    application = inspection_helpers.interactive_application(sponsor)
    inspection_helpers.booked(application, make_reviewer())
    application.refresh_from_db()
    [case] = cases_for(sponsor.owner)
    assert [step.label for step in case.steps] == ["Submitted", "In review", "Face review", "Filed"]
    assert case.steps[2].on is not None


def test_the_home_asks_a_fixed_number_of_queries_however_many_items(client, sponsor):
    _returned(sponsor)
    _unregistered(sponsor, "one.cn", days=5)
    client.force_login(sponsor.owner)
    client.get(reverse("accounts:menu"))  # the first visit of a session writes its own rows
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("accounts:menu"))
    for index in range(4):
        _returned(sponsor)
        _unregistered(sponsor, f"more-{index}.cn", days=5)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("accounts:menu"))
    assert [query["sql"][:60] for query in many] == [query["sql"][:60] for query in few]
