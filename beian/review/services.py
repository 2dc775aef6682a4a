"""Writes of the workbench. The subject apps call `open_item` and `record_decision` inside their own
transition transactions, so the queue row, the history and the subject change together or not at
all. Assignment is the workbench's own action."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.accounts.jurisdiction import agencies_in_scope
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.calendar import add_working_days, load_overrides
from beian.review.kinds import handler_for
from beian.review.models import Action, ReviewEvent, ReviewItem, ReviewSearchKey

# The audit action of each decision `record_decision` mirrors (the values are the "review_<action>"
# texts the log has always held, ADR 0108); a decision missing here is refused, as a programming error.
AUDIT_ACTION_OF_DECISION = {
    Action.ASSIGNED: AuditAction.REVIEW_ASSIGNED,
    Action.IN_REVIEW: AuditAction.REVIEW_IN_REVIEW,
    Action.APPROVED: AuditAction.REVIEW_APPROVED,
    Action.RETURNED: AuditAction.REVIEW_RETURNED,
    Action.REJECTED: AuditAction.REVIEW_REJECTED,
    Action.WITHDRAWN: AuditAction.REVIEW_WITHDRAWN,
    Action.FACE_REVIEW: AuditAction.REVIEW_FACE_REVIEW,
    Action.ONSITE_INSPECTION: AuditAction.REVIEW_ONSITE_INSPECTION,
    Action.INSPECTION_PASSED: AuditAction.REVIEW_INSPECTION_PASSED,
    Action.INSPECTION_FAILED: AuditAction.REVIEW_INSPECTION_FAILED,
}


class ReviewActionRefused(Exception):
    """The action is not possible now; the message says why, in the user's language."""


@dataclass(frozen=True)
class Listing:
    """What the queue shows and searches for a subject."""

    title: str
    sponsor_name: str = ""
    interactive: bool = False  # a website with interactive services (the queue filters on it)
    search_keys: tuple[str, ...] = ()


@transaction.atomic
def open_item(*, kind: str, subject, agency, status: str, listing: Listing, actor,
              findings: list | None = None, now=None) -> ReviewItem:
    """(Re)open the queue row of a subject that was just submitted; the due date counts working days
    from the local (China Standard Time) date of submission."""
    now = now or timezone.now()
    due = add_working_days(timezone.localdate(now), settings.REVIEW_DEADLINE_WORKING_DAYS,
                           load_overrides())
    subject_type = ContentType.objects.get_for_model(subject)
    scope = scope_of(agency)
    item, created = ReviewItem.objects.select_for_update().get_or_create(
        subject_type=subject_type, subject_id=subject.pk, defaults={
            "kind": kind, "agency": agency, **scope, "status": status, "title": listing.title,
            "sponsor_name": listing.sponsor_name, "interactive": listing.interactive, "submitted_at": now,
            "due_date": due.date, "due_date_exact": due.exact, "findings": findings or []})
    previous_status = "" if created else item.status
    if not created:
        item.agency, item.status, item.is_open = agency, status, True
        item.scope_prefecture, item.scope_province = scope["scope_prefecture"], scope["scope_province"]
        item.title, item.sponsor_name = listing.title, listing.sponsor_name
        item.interactive = listing.interactive
        item.submitted_at, item.due_date, item.due_date_exact = now, due.date, due.exact
        item.findings, item.decided_at, item.assignee = findings or [], None, None
        item.save()
    _replace_search_keys(item, listing.search_keys)
    ReviewEvent.objects.create(item=item, actor=actor, action="submitted", from_status=previous_status,
                               to_status=status)
    return item


def scope_of(agency) -> dict:
    """The prefecture- and province-level agencies at or above `agency` (the tree has three levels)."""
    scope = {"scope_prefecture": None, "scope_province": None}
    node = agency
    while node is not None:
        key = f"scope_{node.level}"
        if key in scope and scope[key] is None:
            scope[key] = node
        node = node.parent
    return scope


def item_for(subject) -> ReviewItem | None:
    return ReviewItem.objects.filter(subject_type=ContentType.objects.get_for_model(subject),
                                     subject_id=subject.pk).first()


@transaction.atomic
def record_decision(*, subject, actor, action: str, to_status: str, reasons: Iterable[dict] = (),
                    note: str = "", closes: bool, listing: Listing | None = None) -> ReviewItem:
    """Mirror a decision (a transition of the subject) in its queue row and history."""
    item = ReviewItem.objects.select_for_update().get(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk)
    event = ReviewEvent.objects.create(item=item, actor=actor, action=action, from_status=item.status,
                                       to_status=to_status, reasons=list(reasons), note=note)
    item.status = to_status
    if closes:
        item.is_open, item.decided_at = False, event.created_at
    if listing is not None:
        item.title, item.sponsor_name = listing.title, listing.sponsor_name
        item.interactive = listing.interactive
        _replace_search_keys(item, listing.search_keys)
    item.save()
    audit.record(actor=actor, action=AUDIT_ACTION_OF_DECISION[action], target=item,
                 details={"kind": item.kind, "to": to_status, "reasons": [r.get("code") for r in reasons]})
    return item


def _replace_search_keys(item: ReviewItem, keys: Iterable[str]) -> None:
    item.search_keys.all().delete()
    ReviewSearchKey.objects.bulk_create([ReviewSearchKey(item=item, key=key) for key in set(keys)])


def _locked_open_item(item_id: int, actor) -> ReviewItem:
    item = (ReviewItem.objects.select_for_update()
            .filter(pk=item_id, agency__in=agencies_in_scope(actor)).first())
    if item is None:
        raise ReviewItem.DoesNotExist
    if not item.is_open:
        raise ReviewActionRefused(_("This item has already been decided."))
    return item


@transaction.atomic
def assign(*, actor, item_id: int, assignee=None) -> ReviewItem:
    """Take an item (assignee None or the actor), or — supervisors — give it to a reviewer in scope."""
    item = _locked_open_item(item_id, actor)
    assignee = assignee or actor
    if assignee != actor:
        if actor.role != actor.Role.SUPERVISOR:
            raise ReviewActionRefused(_("Only a supervisor can assign an item to someone else."))
        if not assignee.is_active or not agencies_in_scope(assignee).filter(pk=item.agency_id).exists():
            raise ReviewActionRefused(_("That reviewer cannot review items of this agency."))
    elif item.assignee_id and item.assignee_id != actor.pk and actor.role != actor.Role.SUPERVISOR:
        raise ReviewActionRefused(_("%(name)s is already reviewing this item.") % {
            "name": item.assignee.real_name or item.assignee.get_username()})
    item.assignee = assignee
    item.save(update_fields=["assignee", "updated_at"])
    ReviewEvent.objects.create(item=item, actor=actor, action="assigned", note=assignee.get_username())
    audit.record(actor=actor, action=AuditAction.REVIEW_ASSIGNED, target=item,
                 details={"assignee": assignee.get_username()})
    handler = handler_for(item.kind)
    if handler is not None and handler.on_assigned is not None:
        handler.on_assigned(actor=actor, item=item)
        item.refresh_from_db()
    return item


@transaction.atomic
def unassign(*, actor, item_id: int) -> ReviewItem:
    item = _locked_open_item(item_id, actor)
    if item.assignee_id is None:
        raise ReviewActionRefused(_("Nobody is assigned to this item."))
    if item.assignee_id != actor.pk and actor.role != actor.Role.SUPERVISOR:
        raise ReviewActionRefused(_("Only the assignee or a supervisor can put the item back."))
    item.assignee = None
    item.save(update_fields=["assignee", "updated_at"])
    ReviewEvent.objects.create(item=item, actor=actor, action="unassigned")
    audit.record(actor=actor, action=AuditAction.REVIEW_UNASSIGNED, target=item)
    return item


@dataclass
class BulkAssignment:
    """What a bulk (un)assignment did: the items changed, and each refused item with the reason."""

    done: list[int]
    refused: list[tuple[int, str]]


def bulk_assign(*, actor, item_ids: Iterable[int], assignee=None,
                unassigning: bool = False) -> BulkAssignment:
    """Assign (or, with `unassigning`, put back) each item on its own: one item refused (outside the
    actor's or the assignee's jurisdiction, decided, taken by someone else) does not stop the others.
    Every item leaves one audit entry: the assignment, the unassignment or the refusal."""
    result = BulkAssignment(done=[], refused=[])
    for item_id in dict.fromkeys(item_ids):  # each item once, in the order given
        try:
            if unassigning:
                unassign(actor=actor, item_id=item_id)
            else:
                assign(actor=actor, item_id=item_id, assignee=assignee)
            result.done.append(item_id)
        except ReviewItem.DoesNotExist:
            _record_refusal(actor, item_id, "outside_jurisdiction")
            result.refused.append((item_id, _("This item is not in your jurisdiction.")))
        except ReviewActionRefused as refused:
            _record_refusal(actor, item_id, str(refused))
            result.refused.append((item_id, str(refused)))
    return result


@transaction.atomic
def _record_refusal(actor, item_id: int, reason: str) -> None:
    # The target is named by id only: an item outside the actor's jurisdiction is not read at all.
    audit.record(actor=actor, action=AuditAction.REVIEW_ASSIGNMENT_REFUSED,
                 details={"item": item_id, "reason": reason})
