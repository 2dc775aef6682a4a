"""The queue as rows for supervisors, written as CSV or XLSX by beian.core.tabular (formula-safe)."""

from django.utils import timezone
from django.utils.translation import gettext as _

MAX_ROWS = 50_000


def queue_rows(items):
    yield [_("Kind"), _("Title"), _("Sponsor"), _("Agency"), _("Status"), _("Submitted at"),
           _("Due date"), _("Assignee")]
    for item in items[:MAX_ROWS]:
        yield [item.get_kind_display(), item.title, item.sponsor_name, item.agency.name,
               item.get_status_display(), timezone.localtime(item.submitted_at).strftime("%Y-%m-%d %H:%M"),
               item.due_date.isoformat(), item.assignee.get_username() if item.assignee else ""]

