"""The platform-wide daily budget of the SMS that visitors can make it send (codes, registration
notices): settings.SMS_DAILY_BUDGET a calendar day in China time, counted in the cache (ADR 0095).

Every system administrator is told — a system message, and an e-mail when the account has an
address — once a day when SMS_DAILY_BUDGET_WARNING_PERCENT of it is used, and once when it is spent.
The alert is written after the sending transaction commits; the cache's atomic `add` of a per-day
flag makes it once a day for every process together.
"""

import math

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from beian.accounts import messaging, selectors
from beian.core.ratelimit import DailyBudget

WARNING, SPENT = "sms_budget_warning", "sms_budget_spent"


def _budget() -> DailyBudget:
    return DailyBudget("sms:daily-budget", settings.SMS_DAILY_BUDGET)


def spend(*, now=None) -> bool:
    """Count one SMS against today's budget; False (nothing counted) when it is already spent."""
    budget = _budget()
    spent = budget.spend(now=now)
    if spent > budget.size:
        budget.give_back(now=now)
        _alert_after_commit(SPENT, spent - 1, now)
        return False
    if spent >= budget.size:
        _alert_after_commit(SPENT, spent, now)
    elif spent >= math.ceil(budget.size * settings.SMS_DAILY_BUDGET_WARNING_PERCENT / 100):
        _alert_after_commit(WARNING, spent, now)
    return True


def give_back(*, now=None) -> None:
    _budget().give_back(now=now)


def spent_today(*, now=None) -> int:
    return _budget().spent(now=now)


def _alert_after_commit(template: str, spent: int, now) -> None:
    day = timezone.localdate(now or timezone.now())
    transaction.on_commit(lambda: _alert_once(template, spent, day), robust=True)


def _alert_once(template: str, spent: int, day) -> None:
    flag = f"beian:sms-budget-alert:{template}:{day.isoformat()}"
    if not cache.add(flag, 1, timeout=2 * 86400):
        return
    context = {"spent": spent, "budget": settings.SMS_DAILY_BUDGET, "day": day.isoformat(),
               "percent": settings.SMS_DAILY_BUDGET_WARNING_PERCENT}
    with transaction.atomic():
        for administrator in selectors.administrators_to_alert():
            messaging.alert_administrator(user=administrator, template=template, context=context)
