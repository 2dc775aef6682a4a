"""The police workbench (scoped, CSV/XLSX), the sponsor's panel and re-check, the command and the
scheduled task."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from beian.badge_checks import services
from beian.badge_checks.models import BadgeCheck, BadgeCheckRun, CheckSchedule, Outcome
from beian.core.audit import AuditEntry
from tests.badge_checks.sites import loopback_sites
from tests.factories import make_applicant, make_reviewer, make_staff, sign_in_verified
from tests.imports.exporting import content, export
from tests.public import helpers

pytestmark = pytest.mark.django_db


def stored(website, outcome, detail=""):
    return BadgeCheck.objects.create(website=website, agency=website.agency, outcome=outcome,
                                     url=f"https://{website.main_domain}/", detail=detail,
                                     checked_at=timezone.now())


@pytest.fixture
def checked(reference_data):
    failing = helpers.file_website(name="=HYPERLINK(1)", main_domain="failing-wb.cn")
    fine = helpers.file_website(main_domain="fine-wb.cn")
    stored(failing, Outcome.NO_LINK)
    stored(fine, Outcome.OK)
    return failing, fine


def test_police_of_the_jurisdiction_see_failures_per_agency(client, checked):
    failing, fine = checked
    sign_in_verified(client, make_reviewer())
    page = client.get(reverse("badge_checks:workbench")).content.decode()
    assert "failing-wb.cn" in page and "fine-wb.cn" not in page
    sign_in_verified(client, make_staff("supervisor", "110000"))
    assert "failing-wb.cn" in client.get(reverse("badge_checks:workbench")).content.decode()
    sign_in_verified(client, make_reviewer("330106"))
    assert "failing-wb.cn" not in client.get(reverse("badge_checks:workbench")).content.decode()


def test_exports_neutralise_formulas_and_are_audited(client, checked, django_capture_on_commit_callbacks):
    sign_in_verified(client, make_staff("reviewer", "110105"))
    response = export(client, reverse("badge_checks:export", args=["csv"]),
                      capture=django_capture_on_commit_callbacks)
    text = content(response).decode("utf-8-sig")
    assert "failing-wb.cn" in text and "'=HYPERLINK(1)" in text
    response = export(client, reverse("badge_checks:export", args=["xlsx"]),
                      capture=django_capture_on_commit_callbacks)
    rows = list(load_workbook(io.BytesIO(content(response))).active.values)
    assert rows[1][1] == "'=HYPERLINK(1)" and len(rows) == 2
    assert AuditEntry.objects.filter(action="badge_checks_exported").count() == 2
    assert client.post(reverse("badge_checks:export", args=["pdf"])).status_code == 404


def test_a_reviewer_can_start_a_check_of_an_agency_and_follow_it(client, settings, reference_data,
                                                                   django_capture_on_commit_callbacks):
    website = helpers.file_website(main_domain="run-wb.cn")
    sign_in_verified(client, make_reviewer())
    with loopback_sites({"run-wb.cn": "<p>nothing</p>"}) as address:
        settings.BADGE_CHECK_RESOLVE = {"run-wb.cn": address}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("badge_checks:run"), {"run-agency": "110105"})
    assert response.status_code == 302
    assert BadgeCheck.objects.get(website=website).outcome == Outcome.NUMBER_MISSING
    run = BadgeCheckRun.objects.get()
    assert (run.status, run.websites_total, run.websites_checked, run.failed, run.percent) == (
        BadgeCheckRun.Status.DONE, 1, 1, 1, 100)
    page = client.get(reverse("badge_checks:workbench"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert 'id="badge-runs"' in page and "1 / 1" in page and "1 个未通过" in page
    assert "hx-trigger" not in page[page.index('id="badge-runs"') - 20:][:200]  # done: no more refreshing
    # An agency outside the jurisdiction is refused.
    client.post(reverse("badge_checks:run"), {"run-agency": "330106"})
    assert not AuditEntry.objects.filter(action="badge_checks_requested", details__agency="330106").exists()


def test_the_sponsor_sees_the_result_and_can_recheck_within_limits(client, settings, reference_data,
                                                                   django_capture_on_commit_callbacks):
    settings.BADGE_CHECK_RECHECKS_PER_HOUR = 1
    website = helpers.file_website(main_domain="sponsor-wb.cn")
    number = website.record_number
    client.force_login(website.sponsor.owner)
    page = client.get(reverse("filings:website", args=[website.pk])).content.decode()
    assert reverse("badge_checks_sponsor:recheck", args=[website.pk]) in page
    html = (f'<a href="http://testserver/records/{number}">京公网安备 {number}号</a>')
    settings.BADGE_CHECK_RECORD_HOSTS = ["testserver"]
    with loopback_sites({"sponsor-wb.cn": html}) as address:
        settings.BADGE_CHECK_RESOLVE = {"sponsor-wb.cn": address}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("badge_checks_sponsor:recheck", args=[website.pk]), follow=True)
        assert BadgeCheck.objects.get(website=website).outcome == Outcome.OK
        assert "notice-success" in response.content.decode()
        response = client.post(reverse("badge_checks_sponsor:recheck", args=[website.pk]), follow=True)
    assert "notice-error" in response.content.decode()
    assert AuditEntry.objects.filter(action="badge_recheck_requested").count() == 1


def test_another_applicant_cannot_recheck(client, reference_data):
    website = helpers.file_website(main_domain="other-wb.cn")
    client.force_login(make_applicant())
    assert client.post(reverse("badge_checks_sponsor:recheck", args=[website.pk])).status_code == 404


def test_the_command_checks_an_agency(settings, reference_data, capsys):
    website = helpers.file_website(main_domain="command-wb.cn")
    with loopback_sites({"command-wb.cn": "<p>hello</p>"}) as address:
        settings.BADGE_CHECK_RESOLVE = {"command-wb.cn": address}
        call_command("check_badges", "--agency", website.agency.code)
    assert "number_missing: 1" in capsys.readouterr().out
    assert BadgeCheck.objects.get(website=website).outcome == Outcome.NUMBER_MISSING


def test_the_schedule_keeps_one_chain(settings, reference_data):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert services.schedule_runs() is True
    assert services.schedule_runs() is False  # the slot is taken until the next run is due
    assert CheckSchedule.objects.get(pk=1).next_run_at > timezone.now()
