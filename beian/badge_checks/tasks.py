"""Background runs of the badge check (django-tasks). Idempotent: a check overwrites the latest
result of its website, so running one twice only checks twice."""

from django_tasks import task

from beian.core.models import Agency
from beian.filings.models import Website


@task()
def recheck_website(website_id: int) -> str:
    # Imported here: services imports this module to enqueue the task (a cycle at module level).
    from beian.badge_checks import services

    website = Website.objects.filter(pk=website_id, status=Website.Status.FILED).first()
    if website is None:
        return "not filed"
    return services.check_website(actor=None, website=website).outcome


@task()
def check_agency_badges(agency_code: str, include_below: bool = False, run_id: int | None = None) -> dict:
    # Imported here: services imports this module to enqueue the task (a cycle at module level).
    from beian.badge_checks import services

    agency = Agency.objects.get(code=agency_code)
    return services.check_agency(actor=None, agency=agency, include_below=include_below, run_id=run_id)


@task()
def check_all_periodically() -> dict:
    # Imported here: services imports this module to enqueue the task (a cycle at module level).
    from beian.badge_checks import services

    try:
        return services.check_everything()
    finally:
        services.schedule_runs()
