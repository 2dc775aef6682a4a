"""What the workbench shows on the staff home page (registered in ReviewConfig.ready(), ADR 0111):
a reviewer's own items and the unassigned ones of their agency, a supervisor's load per reviewer and
the weekly figures of the dashboard. Every read goes through beian.review.selectors, in the reader's
jurisdiction; a fixed number of queries however many items there are."""

from beian.accounts.models import User
from beian.core.calendar import load_overrides, working_days_between
from beian.review import selectors
from beian.review.statistics import WEEKS_SHOWN, weekly_chart, weekly_figures
from beian.staff.home_sections import HomeSection, register

# Rows listed per table: the home says what needs doing next; the queue has the rest.
ROWS_SHOWN = 10
REVIEWERS_SHOWN = 50


def _rows(items, today, overrides) -> list[dict]:
    """Each item with its working days left (negative: working days overdue), as in the queue."""
    return [{"item": item, "days_left": working_days_between(today, item.due_date, overrides).days,
             "overdue": item.due_date < today} for item in items]


def my_work(user, today) -> dict:
    overrides = load_overrides()
    counts = selectors.workload_counts(user, today=today)
    section = {"counts": counts,
               "mine": _rows(selectors.open_items_assigned_to(user, limit=ROWS_SHOWN), today, overrides)}
    # A supervisor sees the unassigned items as a figure of the team's load instead.
    section["shows_unassigned"] = user.role == User.Role.REVIEWER
    if section["shows_unassigned"]:
        section["unassigned"] = _rows(selectors.unassigned_open_items(user, limit=ROWS_SHOWN), today,
                                      overrides)
    return section


def team_load(user, today) -> dict:
    weeks = weekly_figures(selectors.items_in_scope(user), today=today)
    return {"counts": selectors.workload_counts(user, today=today),
            "reviewers": selectors.load_per_reviewer(user, today=today, limit=REVIEWERS_SHOWN),
            "reviewers_limit": REVIEWERS_SHOWN,
            "weeks": weeks, "weeks_shown": WEEKS_SHOWN, "weekly_chart": weekly_chart(weeks)}


def register_sections() -> None:
    register(HomeSection(name="review_my_work", roles=tuple(User.POLICE_ROLES),
                         template="review/home_my_work.html", context=my_work, position=10))
    register(HomeSection(name="review_team_load", roles=(User.Role.SUPERVISOR,),
                         template="review/home_team_load.html", context=team_load, position=30))
