"""Open statistics (issue 8): aggregates only — counts and medians, never a row about anyone.

Computed on the public read database and kept in the cache for PUBLIC_STATISTICS_CACHE_SECONDS as
language-neutral data (both names of every label); for_page picks the language and computes the
chart geometry (beian.core.charts) so that the template only draws it.
"""

from __future__ import annotations

import statistics as stats
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import Substr
from django.utils import timezone

from beian.core.charts import bar_chart
from beian.core.models import Agency, Division
from beian.core.models.bilingual import pick_language
from beian.filings.models import Website
from beian.public.selectors import public_database
from beian.review.selectors import decision_times, return_reason_counts, return_reason_texts
from beian.rules.numbers import provinces

WINDOW_DAYS = 90
MAX_DURATIONS = 200_000
MAX_RETURNS = 100_000
AGENCIES_SHOWN = 50
_KEY = "beian:public:statistics:v1"


def _by_province(db: str) -> list[dict]:
    counts = (Website.objects.using(db).filter(status=Website.Status.FILED)
              .annotate(prefix=Substr("record_number", 1, 2)).values("prefix")
              .annotate(count=Count("id")).order_by())
    codes = [f"{row['prefix']}0000" for row in counts]
    names = {d.code[:2]: (d.name_zh, d.name_en)
             for d in Division.objects.using(db).filter(level="province", code__in=codes)}
    known = provinces()
    rows = []
    for row in counts:
        prefix = row["prefix"]
        zh, en = names.get(prefix, (prefix, prefix))
        rows.append({"prefix": prefix, "abbreviation": known[prefix].record if prefix in known else "",
                     "name_zh": zh, "name_en": en or zh, "count": row["count"]})
    return sorted(rows, key=lambda row: (-row["count"], row["prefix"]))


def _review_times(db: str, since) -> list[dict]:
    durations = defaultdict(list)
    for agency_id, submitted, decided_at in decision_times(db, since, limit=MAX_DURATIONS):
        durations[agency_id].append((decided_at - submitted).total_seconds() / 86400)
    agencies = Agency.objects.using(db).in_bulk(list(durations))
    rows = [{"code": agencies[pk].code, "name_zh": agencies[pk].name_zh, "name_en": agencies[pk].name_en,
             "median_days": round(stats.median(values), 1), "decided": len(values)}
            for pk, values in durations.items() if pk in agencies]
    rows.sort(key=lambda row: (-row["decided"], row["code"]))
    return rows[:AGENCIES_SHOWN]


def _return_reasons(db: str, since) -> list[dict]:
    top = return_reason_counts(db, since, limit=MAX_RETURNS).most_common(10)
    texts = return_reason_texts(db, [code for code, _count in top])
    return [{"code": code, "text_zh": texts.get(code, (code, code))[0],
             "text_en": texts.get(code, (code, code))[1] or code, "count": count} for code, count in top]


def compute(now=None) -> dict:
    now = now or timezone.now()
    since = now - timedelta(days=WINDOW_DAYS)
    db = public_database()
    return {"provinces": _by_province(db), "review_times": _review_times(db, since),
            "return_reasons": _return_reasons(db, since), "window_days": WINDOW_DAYS,
            "computed_at": now.isoformat()}


def figures() -> dict:
    found = cache.get(_KEY)
    if found is None:
        found = compute()
        cache.set(_KEY, found, timeout=settings.PUBLIC_STATISTICS_CACHE_SECONDS)
    return found


# --- for the page ------------------------------------------------------------------------------------

def for_page(figures_: dict) -> dict:
    def named(rows):
        return [dict(row, name=pick_language(row["name_zh"], row["name_en"])) for row in rows]

    provinces_, review_times = named(figures_["provinces"]), named(figures_["review_times"])
    reasons = [dict(row, text=pick_language(row["text_zh"], row["text_en"]))
               for row in figures_["return_reasons"]]
    return {
        "provinces": provinces_, "province_chart": bar_chart(provinces_, "count", lambda row: row["name"]),
        "total_filed": sum(row["count"] for row in provinces_),
        "review_times": review_times,
        "review_chart": bar_chart(review_times[:15], "median_days", lambda row: row["name"]),
        "return_reasons": reasons, "window_days": figures_["window_days"],
    }
