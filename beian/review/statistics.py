"""Figures of the supervisor dashboard, always within the supervisor's jurisdiction."""

import statistics
from collections import Counter
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from beian.review.models import Kind, ReturnReason, ReviewEvent
from beian.review.selectors import items_in_scope

WINDOW_DAYS = 90


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
    }
