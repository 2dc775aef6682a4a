"""The applicant's home (SPEC §4.1): what needs the account, most urgent first (beian.accounts.to_do),
the state of every filing (beian.accounts.cases), then the account menu in the order of the guide.

Each entry names the URL the feature will have; an entry whose URL does not exist yet is shown as
"not yet available" instead of a dead link, and lights up when its app adds the URL.
"""

from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beian.accounts.cases import cases_for
from beian.accounts.models import User
from beian.accounts.to_do import tasks_for
from beian.accounts.views.common import home_for

MENU = [
    ("sponsors:entity", _("Sponsor entity management"), _("Who runs your websites: the unit or the person.")),
    ("filings:new", _("New website application"), _("File a website that has no filing yet.")),
    ("filings:under_review", _("Filings under review"), _("Applications waiting for the police.")),
    ("filings:filed", _("Filed websites"), _("Your record numbers and filing codes.")),
    ("filings:changes", _("Website information change"), _("Change the information of a filed website.")),
    ("cancellations:list", _("Website cancellation"), _("Cancel the filing of a closed website.")),
    ("unregistered:mine", _("Unregistered websites"), _("Websites found online without a filing.")),
    ("claims:mine", _("Website claim"), _("Claim a website filed before, offline.")),
    ("notifications:inbox", _("System messages"), _("Messages about your filings.")),
]


def _url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def account_menu(request):
    if request.user.role != User.Role.APPLICANT:
        return redirect(home_for(request.user))
    items = [{"url": _url(name), "title": title, "description": description}
             for name, title, description in MENU]
    today = timezone.localdate()
    tasks = []
    for task in tasks_for(request.user, today):
        days = task.days_left(today)
        overdue = -days if days is not None and days < 0 else 0
        tasks.append({"task": task, "days_left": days, "overdue_days": overdue})
    return render(request, "accounts/menu.html", {"items": items, "tasks": tasks,
                                                  "cases": cases_for(request.user)})
