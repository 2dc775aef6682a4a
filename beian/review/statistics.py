"""Figures of the supervisor dashboard, always within the supervisor's jurisdiction."""

import statistics
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.db.models import Count, DateField
from django.db.models.functions import TruncWeek
from django.utils import timezone

from beian.core.charts import bar_chart
from beian.review.models import Kind, ReturnReason, ReviewEvent
from beian.review.selectors import items_in_scope

WINDOW_DAYS = 90
WEEKS_SHOWN = 12


def dashboard_figures(user, *, now=None) -> dict:
    now = now or timezone.now()
    since = now - timedelta(days=WINDOW_DAYS)
    items = items_in_scope(user)
    open_items = items.filter(is_open=True)
    backlog = list(open_items.values("agency__code", "agency__name_zh", "agency__name_en", "kind")
                   .annotate(count=Count("id")).order_by("agency__code", "kind"))
    for row in backlog:
        row["kind_label"] = Kind(row["kind"]).label
    durations = [
        (decided - submitted).total_seconds() / 86400
        for submitted, decided in items.filter(decided_at__gte=since)
        .values_list("submitted_at", "decided_at")[:100_000]]
    reasons = Counter()
    returns = ReviewEvent.objects.filter(item__in=items, action="returned", created_at__gte=since)
    for reason_list in returns.values_list("reasons", flat=True)[:50_000]:
        reasons.update(reason.get("code") for reason in reason_list if reason.get("code"))
    names = {reason.code: reason.text for reason in ReturnReason.objects.filter(code__in=list(reasons))}
    return {
        "backlog": backlog,
        "open_count": open_items.count(),
        "overdue_count": open_items.filter(due_date__lt=timezone.localdate(now)).count(),
        "median_days": round(statistics.median(durations), 1) if durations else None,
        "decided_count": len(durations),
        "top_reasons": [(names.get(code, code), count) for code, count in reasons.most_common(10)],
        "window_days": WINDOW_DAYS,
        "weeks": weekly_figures(items, today=timezone.localdate(now)),
        "weeks_shown": WEEKS_SHOWN,
    }


def weekly_figures(items, *, today: date) -> list[dict]:
    """Items submitted and items decided per week, the last WEEKS_SHOWN weeks up to the one of `today`,
    oldest first, weeks with nothing included: [{"week": <its Monday>, "submitted": n, "decided": n}].

    Weeks begin on Monday at midnight in the current time zone (the one `today` is a date of), as in
    TruncWeek; two aggregate queries, however many weeks and items."""
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=back) for back in reversed(range(WEEKS_SHOWN))]
    start, end = _local_midnight(mondays[0]), _local_midnight(this_monday + timedelta(weeks=1))
    submitted = _count_per_week(items, "submitted_at", start, end)
    decided = _count_per_week(items, "decided_at", start, end)
    return [{"week": monday, "submitted": submitted.get(monday, 0), "decided": decided.get(monday, 0)}
            for monday in mondays]


def _count_per_week(items, field: str, start: datetime, end: datetime) -> dict[date, int]:
    rows = (items.filter(**{f"{field}__gte": start, f"{field}__lt": end})
            .annotate(week=TruncWeek(field, output_field=DateField()))
            .order_by()  # an ordering would join the GROUP BY and split the weeks
            .values("week").annotate(count=Count("id")))
    return {row["week"]: row["count"] for row in rows}


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def weekly_chart(weeks: list[dict]) -> dict:
    """Submitted and decided side by side per week, each week labelled by its Monday (month-day)."""
    return bar_chart(weeks, "submitted", lambda row: row["week"].strftime("%m-%d"), second_value="decided")
