"""Badge-display checks (issue 8, ADR 0081): fetch the home page of a filed website's main domain and
record whether it shows the record number and links to the public record.

The network work happens outside any transaction (a batch of pages at once, see fetcher.py); each
batch's results are then written in one short transaction. A run of an agency, a scheduled run and a
sponsor's re-check all end in `save_results`; runs and re-check requests are audited.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.badge_checks.analysis import read_page
from beian.badge_checks.fetcher import Page, fetch_pages
from beian.badge_checks.models import BadgeCheck, BadgeCheckRun, CheckSchedule, Outcome
from beian.badge_checks.tasks import check_agency_badges, check_all_periodically, recheck_website
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.models import Agency
from beian.core.periodic import claim_next_run
from beian.core.ratelimit import RateLimit, RateLimited
from beian.filings.models import Website

BATCH = 500


def record_hosts() -> set[str]:
    """The hosts of this platform a badge link may point to."""
    hosts = settings.BADGE_CHECK_RECORD_HOSTS or [
        host for host in settings.ALLOWED_HOSTS if host and host != "*" and not host.startswith(".")]
    return {host.lower() for host in hosts}


def judge(website: Website, page: Page, *, now) -> BadgeCheck:
    """The (unsaved) check of one website from its fetched page."""
    check = BadgeCheck(website=website, agency_id=website.agency_id, url=page.url[:300],
                       final_url=page.final_url[:500], http_status=page.status, checked_at=now)
    if not page.reached:
        check.outcome = Outcome.UNREACHABLE
        check.detail = (page.error or f"HTTP {page.status}")[:300]
        return check
    reading = read_page(page.html, website.record_number, record_hosts())
    check.outcome = reading.outcome
    check.found_numbers = sorted(set(reading.numbers_shown) | set(reading.linked))[:20]
    return check


def check_websites(websites: list[Website], *, now=None, transport=None) -> list[BadgeCheck]:
    """Fetch and judge (network; no database writes)."""
    now = now or timezone.now()
    pages = fetch_pages([website.main_domain for website in websites], transport=transport)
    return [judge(website, page, now=now) for website, page in zip(websites, pages, strict=True)]


@transaction.atomic
def save_results(checks: list[BadgeCheck]) -> None:
    fields = ("agency_id", "outcome", "url", "final_url", "http_status", "detail", "found_numbers",
              "checked_at")
    for check in checks:
        BadgeCheck.objects.update_or_create(website_id=check.website_id,
                                            defaults={name: getattr(check, name) for name in fields})


def filed_websites(agency=None, *, include_below=False):
    websites = Website.objects.filter(status=Website.Status.FILED).exclude(domains=[])
    if agency is not None:
        condition = Q(agency=agency)
        if include_below:
            condition |= Q(agency__parent=agency) | Q(agency__parent__parent=agency)
        websites = websites.filter(condition)
    return websites.order_by("pk")


def run_checks(websites, *, transport=None, now=None, progress=None) -> Counter:
    """Check `websites` batch by batch; the count of each outcome. `progress(counts)` after each batch."""
    counts = Counter()
    batch: list[Website] = []
    for website in websites.iterator(chunk_size=BATCH) if hasattr(websites, "iterator") else websites:
        batch.append(website)
        if len(batch) == BATCH:
            counts.update(_run_batch(batch, transport, now))
            batch = []
            if progress is not None:
                progress(counts)
    if batch:
        counts.update(_run_batch(batch, transport, now))
    return counts


def _run_batch(batch, transport, now) -> list[str]:
    checks = check_websites(batch, transport=transport, now=now)
    save_results(checks)
    return [check.outcome for check in checks]


def start_agency_run(*, actor, agency, client_address: str | None = None) -> BadgeCheckRun:
    """The workbench's "check this agency's websites now": a run the person can follow, checked by the
    task worker after the commit."""
    with transaction.atomic():
        run = BadgeCheckRun.objects.create(agency=agency, requested_by=actor,
                                           websites_total=filed_websites(agency).count())
        audit.record(actor=actor, action=AuditAction.BADGE_CHECKS_REQUESTED, target=agency,
                     client_address=client_address, details={"agency": agency.code, "run": run.pk})
        transaction.on_commit(lambda: check_agency_badges.enqueue(agency.code, run_id=run.pk), robust=True)
    return run


def _follow(run_id: int | None):
    """The progress callback of a followed run: its counts after each batch."""
    if run_id is None:
        return None

    def progress(counts: Counter) -> None:
        BadgeCheckRun.objects.filter(pk=run_id).update(
            status=BadgeCheckRun.Status.RUNNING, websites_checked=sum(counts.values()), counts=dict(counts))
    return progress


def check_agency(*, actor, agency, include_below=False, transport=None, run_id: int | None = None) -> dict:
    """Check every filed website of an agency (and, with include_below, of the agencies below it);
    a followed run (`run_id`) shows its progress and result on the workbench."""
    if run_id is not None:
        BadgeCheckRun.objects.filter(pk=run_id).update(status=BadgeCheckRun.Status.RUNNING)
    counts = run_checks(filed_websites(agency, include_below=include_below), transport=transport,
                        progress=_follow(run_id))
    summary = {outcome: counts.get(outcome, 0) for outcome in Outcome.values}
    if run_id is not None:
        BadgeCheckRun.objects.filter(pk=run_id).update(
            status=BadgeCheckRun.Status.DONE, websites_checked=sum(counts.values()),
            counts={outcome: count for outcome, count in summary.items() if count},
            finished_at=timezone.now())
    audit.record(actor=actor, action=AuditAction.BADGE_CHECKS_RUN, target=agency,
                 details={"agency": agency.code, "include_below": include_below, "counts": summary})
    return summary


def check_website(*, actor, website, transport=None) -> BadgeCheck:
    check = check_websites([website], transport=transport)[0]
    save_results([check])
    return BadgeCheck.objects.get(website=website)


class RecheckRefused(Exception):
    pass


def recheck_limit() -> RateLimit:
    return RateLimit("badge_recheck", settings.BADGE_CHECK_RECHECKS_PER_HOUR, 3600)


def request_recheck(*, actor, website: Website) -> None:
    """The sponsor asks for a new check of a filed website: rate limited per website, run by the task
    worker after the commit (the page answers at once; the result appears when the check is done)."""
    if website.status != Website.Status.FILED:
        raise RecheckRefused(_("Only a filed website can be checked."))
    try:
        recheck_limit().hit(str(website.pk))
    except RateLimited as limited:
        minutes = max(1, -(-limited.retry_after // 60))
        raise RecheckRefused(_("This website was checked several times within the hour. Ask again in "
                               "%(minutes)d minutes.") % {"minutes": minutes}) from limited
    with transaction.atomic():
        audit.record(actor=actor, action=AuditAction.BADGE_RECHECK_REQUESTED, target=website,
                     details={"record_number": website.record_number})

        transaction.on_commit(lambda: recheck_website.enqueue(website.pk), robust=True)


def schedule_runs(*, now=None) -> bool:
    """Keep one chain of scheduled runs over every agency (BADGE_CHECK_INTERVAL_HOURS apart): whoever
    claims the due slot enqueues the next run."""
    return claim_next_run(task=check_all_periodically, schedule_model=CheckSchedule,
                          interval=datetime.timedelta(hours=settings.BADGE_CHECK_INTERVAL_HOURS), now=now)


def check_everything(*, transport=None) -> dict:
    """Every filed website, agency by agency (the scheduled run)."""
    totals = Counter()
    agency_ids = (Website.objects.filter(status=Website.Status.FILED)
                  .values_list("agency_id", flat=True).distinct())
    for agency in Agency.objects.filter(pk__in=list(agency_ids)):
        totals.update(check_agency(actor=None, agency=agency, transport=transport))
    return dict(totals)
