"""The queue as an exportable list for supervisors (beian.core.list_exports): written in the
background as CSV or XLSX, formula-safe, with the queue page's filters in the supervisor's scope."""

from django.utils import timezone
from django.utils.translation import gettext as _

from beian.core.audit_actions import AuditAction
from beian.core.list_exports import Exporter
from beian.review.forms import QueueFilterForm
from beian.review.selectors import queue, reviewers_in_scope

EXPORT_KIND = "review_queue"


def queue_items(user, data):
    """The queue as the page shows it to `user` with the filters `data` (its query string)."""
    form = QueueFilterForm(data or None, user=user, reviewers=reviewers_in_scope(user))
    return queue(user, form.queue_filter()).select_related("agency", "assignee")


def queue_header() -> list:
    return [_("Kind"), _("Title"), _("Sponsor"), _("Agency"), _("Status"), _("Submitted at"),
            _("Due date"), _("Assignee")]


def queue_row(item, today) -> list:
    return [item.get_kind_display(), item.title, item.sponsor_name, item.agency.name,
            item.get_status_display(), timezone.localtime(item.submitted_at).strftime("%Y-%m-%d %H:%M"),
            item.due_date.isoformat(), item.assignee.get_username() if item.assignee else ""]


def exporter() -> Exporter:
    return Exporter(kind=EXPORT_KIND, items=queue_items, header=queue_header, row=queue_row,
                    audit_action=AuditAction.REVIEW_QUEUE_EXPORTED, file_name="review-queue",
                    title=lambda: _("Review queue"))
