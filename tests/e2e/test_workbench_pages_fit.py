"""Every workbench page fits a 375 px phone without sideways scrolling, and a desktop window too, and
passes the axe check at both widths (issue 17, item 6).

The data is built once: a website application, a sponsor entity and a cancellation in the review
queue, unregistered websites and legacy records (one past its deadline), a failed badge check, an
export run and an import run of each kind. Then each staff role visits the pages it may open, with
the applicant pages' check: no sideways scrolling (naming what sticks out) and axe, at both widths."""

from django.utils import timezone

from beian.badge_checks.models import BadgeCheck, Outcome
from beian.core.models import Agency
from beian.filings import changes, services
from beian.imports.models import ExportRun, ImportRun
from beian.legacy.models import LegacyRecord
from beian.review.models import Kind, ReviewItem
from beian.unregistered.models import UnregisteredWebsite
from beian.unregistered.services import import_rows as import_unregistered
from tests.cancellations.helpers import close, filed_website, submit
from tests.e2e.staff_helpers import sign_in, sign_in_with_second_factor
from tests.e2e.test_applicant_pages_fit import _problems_at
from tests.factories import STAFF_PASSWORD, make_applicant, make_staff
from tests.filings.helpers import approved_sponsor, submitted_application, submitted_sponsor
from tests.legacy.helpers import import_, row
from tests.unregistered.helpers import row as unregistered_row

LONG_DOMAIN = "yunjing-technology-enterprise-portal-customer-service-centre.cn"


def _build_data(settings):
    sponsor = approved_sponsor(make_applicant("wb_fit_owner"))
    submitted_application(sponsor, name="云景科技客户服务中心门户网站（一个名称很长很长的网站）")
    submitted_sponsor(make_applicant("wb_fit_entity"))
    _submitted_change(filed_website(sponsor))
    website = filed_website(sponsor, main_domain=LONG_DOMAIN, home_url=f"https://{LONG_DOMAIN}/")
    close(settings, website)
    submit(website)
    BadgeCheck.objects.create(website=website, agency=website.agency, outcome=Outcome.NO_LINK,
                              url=f"https://{LONG_DOMAIN}/", detail="首页未找到备案编号链接",
                              checked_at=timezone.now())
    import_unregistered(actor_label="test", allowed_agencies=Agency.objects.all(), rows=[
        unregistered_row(domain="unregistered-shop-of-a-very-long-name-for-testing-layout.cn"),
        unregistered_row(domain="overdue-unregistered.cn", found_at="2026-01-01", deadline="2026-02-01")])
    import_(row(domain="yunjing-old-portal-of-the-company-before-the-new-platform.cn"),
            row("11010502030144", domain="overdue-legacy.cn", deadline="2026-02-01"))
    return website


def _submitted_change(website):
    owner = website.sponsor.owner
    change = changes.start_change(actor=owner, website=website)
    for step, data in (("basic", {"name": "云景科技新官网（更名后的一个名称很长很长的网站）"}),
                       ("prompt", {"agreement_accepted": True})):
        change = services.save_draft_step(actor=owner, application=change, step=step, data=data,
                                          version=change.version)
    services.submit_application(actor=owner, application=change)


def _runs_of(user):
    ExportRun.objects.create(owner=user, kind="unregistered", filters="q=yunjing", file_format="csv",
                             status=ExportRun.Status.DONE, rows_written=2, rows_total=2,
                             finished_at=timezone.now())
    ImportRun.objects.create(actor=user, kind=ImportRun.Kind.LEGACY, file_name="legacy.csv", imported=2,
                             finished_at=timezone.now())
    return ImportRun.objects.create(
        actor=user, kind=ImportRun.Kind.UNREGISTERED, file_name="unregistered-websites-november.csv",
        imported=1, updated=0, finished_at=timezone.now(),
        errors=[{"row": 3, "field": "domain", "message": "不是有效的域名：not-a-domain-with-a-long-name"}])


def _item(kind) -> int:
    return ReviewItem.objects.filter(kind=kind).latest("pk").pk


def _police_urls() -> list[str]:
    unregistered = UnregisteredWebsite.objects.latest("pk")
    legacy = LegacyRecord.objects.latest("pk")
    return [
        "/staff/", "/review/", "/review/?kind=new_website&assignee=nobody",
        "/review/?status=submitted&search=云景",
        f"/review/{_item(Kind.NEW_WEBSITE)}/", f"/review/{_item(Kind.SPONSOR_ENTITY)}/",
        f"/review/{_item(Kind.CANCELLATION)}/", f"/review/{_item(Kind.CHANGE)}/",
        "/unregistered/workbench/", "/unregistered/workbench/overdue/",
        f"/unregistered/workbench/{unregistered.pk}/",
        "/legacy/", "/legacy/overdue/", f"/legacy/{legacy.pk}/",
        "/review/badges/", "/workbench/exports/",
    ]


def _supervisor_urls(import_run) -> list[str]:
    legacy_run = ImportRun.objects.filter(actor=import_run.actor, kind=ImportRun.Kind.LEGACY).get()
    return [
        "/review/dashboard/", "/unregistered/workbench/upload/", "/legacy/upload/",
        f"/unregistered/workbench/imports/{import_run.pk}/", f"/legacy/imports/{legacy_run.pk}/",
        "/workbench/imports/",
        "/staff/accounts/", "/staff/accounts/new/", "/staff/agencies/110000/",
    ]


def _visit_as(page, accessible, user, urls) -> list[str]:
    page.context.clear_cookies()
    sign_in_with_second_factor(page, user, STAFF_PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    problems = []
    for url in urls:
        problems += _problems_at(page, url, accessible)
    return problems


def _second_factor_problems(page, accessible) -> list[str]:
    """The authenticator pages of the sign-in: set-up at the first sign-in, the code at the next ones."""
    problems = []
    newcomer = make_staff("auditor", username="wb_fit_new_auditor", enrolled=False)
    for user, url in ((newcomer, "/staff/otp/enrol/"),
                      (make_staff("auditor", username="wb_fit_enrolled_auditor"), "/staff/otp/verify/")):
        page.context.clear_cookies()
        sign_in(page, user.username, STAFF_PASSWORD)
        page.wait_for_url(f"**{url}**")
        problems += _problems_at(page, page.url, accessible)
    return problems


def test_workbench_pages_fit_a_phone_and_a_desktop(page, accessible, settings):
    _build_data(settings)
    supervisor = make_staff("supervisor", "110000", username="wb_fit_supervisor")
    reviewer = make_staff("reviewer", "110105", username="wb_fit_reviewer")
    import_run = _runs_of(supervisor)
    _runs_of(reviewer)
    problems = _second_factor_problems(page, accessible)
    problems += _visit_as(page, accessible, supervisor, _police_urls() + _supervisor_urls(import_run))
    problems += _visit_as(page, accessible, reviewer, _police_urls())
    account = make_staff("reviewer", "110105", username="wb_fit_colleague_with_a_rather_long_name")
    problems += _visit_as(page, accessible, make_staff("security_administrator", username="wb_fit_security"),
                          ["/staff/", "/staff/accounts/", f"/staff/accounts/{account.pk}/",
                           "/staff/api-tokens/", "/staff/personal-data/"])
    problems += _visit_as(page, accessible, make_staff("system_administrator", username="wb_fit_system"),
                          ["/staff/", "/staff/agencies/", "/staff/agencies/110105/",
                           "/unregistered/workbench/", "/legacy/", "/workbench/imports/"])
    problems += _visit_as(page, accessible, make_staff("auditor", username="wb_fit_auditor"),
                          ["/staff/", "/staff/audit/", "/staff/audit/verify/", "/staff/personal-data/"])
    assert not problems, "\n".join(problems)
