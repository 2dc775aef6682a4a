"""Reads of the workbench, always within the reviewer's jurisdiction (SPEC §1, §5)."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.core import pii
from beian.core.calendar import add_working_days, load_overrides
from beian.core.models import CertificateType
from beian.review.models import (
    Kind,
    ReturnReason,
    ReviewEvent,
    ReviewItem,
    ReviewSearchKey,
    SavedQueueView,
    Status,
)
from beian.rules import normalize_domain, parse_record_number

# Which column holds a supervisor's agency, by the level of that agency (see ReviewItem.scope_*).
_SUPERVISOR_SCOPE = {"province": "scope_province", "prefecture": "scope_prefecture", "county": "agency"}


def items_in_scope(user) -> QuerySet[ReviewItem]:
    """Reviewer: items of their agency; supervisor: of their agency and every agency below it (the
    same jurisdiction as beian.accounts.jurisdiction.agencies_in_scope, read through one indexed column)."""
    if not getattr(user, "is_police", False) or user.agency_id is None:
        return ReviewItem.objects.none()
    if user.role == user.Role.SUPERVISOR:
        return ReviewItem.objects.filter(**{_SUPERVISOR_SCOPE[user.agency.level]: user.agency_id})
    return ReviewItem.objects.filter(agency_id=user.agency_id)


def item_in_scope(user, item_id: int) -> ReviewItem:
    """The item, or ReviewItem.DoesNotExist (→ 404) when it is outside the user's jurisdiction."""
    return items_in_scope(user).select_related("agency", "assignee").get(pk=item_id)


# The orders the queue offers (?sort=): each ends with unique columns, so pages never overlap, and the
# default one ("due") is the order of the open-item indexes of ReviewItem.
QUEUE_ORDERS = {
    "due": ("due_date", "submitted_at", "id"),
    "-due": ("-due_date", "-submitted_at", "-id"),
    "submitted": ("submitted_at", "id"),
    "-submitted": ("-submitted_at", "-id"),
    "status": ("status", "due_date", "submitted_at", "id"),
}
DEFAULT_ORDER = "due"
# "Due soon" means within this many working days from today (the due window filter).
DUE_SOON_WORKING_DAYS = 3


@dataclass(frozen=True)
class QueueFilter:
    kind: str = ""
    status: str = ""
    agency_id: int | None = None
    assignee: str = ""  # "", "me", "nobody", or a user id
    overdue: bool = False
    due: str = ""  # "", "overdue", "soon" (within DUE_SOON_WORKING_DAYS working days) or "later"
    interactive: bool | None = None
    open_only: bool = True
    search: str = ""
    sort: str = DEFAULT_ORDER


def search_keys_for(text: str) -> list[str]:
    """Exact keys a search text may mean: a record number, a domain, a certificate number."""
    text = text.strip()
    keys = []
    digits = parse_record_number(text)
    if digits:
        keys.append(f"record:{digits}")
    domain = normalize_domain(text) if "." in text else None
    if domain:
        keys.append(f"domain:{domain}")
    compact = pii.normalize_number(text)
    if 5 <= len(compact) <= 20 and any(ch.isdigit() for ch in compact):
        # Under every key of the ring: an item listed before a key rotation keeps the older hash
        # until rotate_pii_keys re-indexes it.
        keys += [f"certificate:{digest}" for code in CertificateType.objects.values_list("code", flat=True)
                 for digest in pii.search_hashes(code, compact)]
    return keys


def queue(user, filters: QueueFilter, *, today: date | None = None) -> QuerySet[ReviewItem]:
    """The queue in the order asked for; by default overdue first (earliest due date first), then by
    submission."""
    items = _filtered(user, filters, today=today)
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.status:
        items = items.filter(status=filters.status)
    return items.order_by(*QUEUE_ORDERS.get(filters.sort, QUEUE_ORDERS[DEFAULT_ORDER]))


def facet_counts(user, filters: QueueFilter, *, today: date | None = None) -> dict[str, dict[str, int]]:
    """How many items each kind and each status option would show with the other filters as they are
    ({"kind": {value: n}, "status": {value: n}}): one aggregate query, whatever the number of options."""
    items = _filtered(user, filters, today=today).order_by()
    kind_filter = Q(kind=filters.kind) if filters.kind else Q()
    status_filter = Q(status=filters.status) if filters.status else Q()
    aggregates = {f"kind__{value}": Count("id", filter=Q(kind=value) & status_filter)
                  for value in Kind.values}
    aggregates |= {f"status__{value}": Count("id", filter=Q(status=value) & kind_filter)
                   for value in Status.values}
    counts = items.aggregate(**aggregates)
    return {facet: {key.split("__", 1)[1]: number for key, number in counts.items()
                    if key.startswith(facet + "__")} for facet in ("kind", "status")}


def _filtered(user, filters: QueueFilter, *, today: date | None) -> QuerySet[ReviewItem]:
    """Every filter but kind and status (the two with counts per option)."""
    today = today or timezone.localdate()
    items = items_in_scope(user).select_related("agency", "assignee")
    if filters.open_only:
        items = items.filter(is_open=True)
    if filters.interactive is not None:
        items = items.filter(interactive=filters.interactive)
    if filters.agency_id:
        items = items.filter(agency_id=filters.agency_id)
    if filters.assignee == "me":
        items = items.filter(assignee=user)
    elif filters.assignee == "nobody":
        items = items.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        items = items.filter(assignee_id=int(filters.assignee))
    if filters.overdue or filters.due == "overdue":
        items = items.filter(due_date__lt=today)
    elif filters.due in ("soon", "later"):
        soon = add_working_days(today, DUE_SOON_WORKING_DAYS, load_overrides()).date
        items = (items.filter(due_date__gte=today, due_date__lte=soon) if filters.due == "soon"
                 else items.filter(due_date__gt=soon))
    if filters.search:
        # An exact key (domain, record or certificate number) is one indexed lookup; only a text that
        # is no such key falls back to the slower "name contains".
        keys = search_keys_for(filters.search)
        by_key = items.filter(pk__in=ReviewSearchKey.objects.filter(key__in=keys).values("item_id"))
        if keys and by_key.exists():
            items = by_key
        else:
            items = items.filter(Q(title__icontains=filters.search)
                                 | Q(sponsor_name__icontains=filters.search))
    return items


def reviewers_in_scope(user) -> QuerySet[User]:
    """The active police accounts a user may give items to: a supervisor's jurisdiction, or just
    themselves for a reviewer."""
    if user.role != User.Role.SUPERVISOR:
        return User.objects.filter(pk=user.pk)
    return (User.objects.filter(role__in=User.POLICE_ROLES, is_active=True,
                                agency__in=agencies_in_scope(user))
            .order_by("username"))


def saved_views_of(user) -> list[SavedQueueView]:
    return list(SavedQueueView.objects.filter(owner=user))


# --- the staff home page (beian.review.home_sections) ------------------------------------------------
# Each list is one query with a limit; the counts of one user's work are one aggregate query.

def open_items_assigned_to(user, *, limit: int) -> list[ReviewItem]:
    """The user's own open items, overdue first (earliest due date first)."""
    return list(items_in_scope(user).filter(is_open=True, assignee=user).select_related("agency")
                .order_by("due_date", "submitted_at", "id")[:limit])


def unassigned_open_items(user, *, limit: int) -> list[ReviewItem]:
    """Open items of the user's jurisdiction that nobody has taken yet, overdue first."""
    return list(items_in_scope(user).filter(is_open=True, assignee__isnull=True).select_related("agency")
                .order_by("due_date", "submitted_at", "id")[:limit])


def workload_counts(user, *, today: date) -> dict[str, int]:
    """Open, overdue and unassigned items of the jurisdiction, the user's own and how many of those are
    overdue, and the open items still assigned to a deactivated account (nobody will decide them)."""
    overdue = Q(due_date__lt=today)
    mine = Q(assignee=user)
    return items_in_scope(user).filter(is_open=True).aggregate(
        open=Count("id"), overdue=Count("id", filter=overdue),
        unassigned=Count("id", filter=Q(assignee__isnull=True)),
        mine=Count("id", filter=mine), mine_overdue=Count("id", filter=mine & overdue),
        with_deactivated=Count("id", filter=Q(assignee__is_active=False)))


def load_per_reviewer(user, *, today: date, limit: int) -> list[User]:
    """The active police accounts of a supervisor's jurisdiction with their open and overdue items
    (`open_count`, `overdue_count`), most overdue first: one grouped query however many items."""
    if user.role != User.Role.SUPERVISOR:
        return []
    is_open = Q(review_items__is_open=True)
    is_overdue = is_open & Q(review_items__due_date__lt=today)
    return list(User.objects.filter(role__in=User.POLICE_ROLES, is_active=True,
                                    agency__in=agencies_in_scope(user))
                .annotate(open_count=Count("review_items", filter=is_open),
                          overdue_count=Count("review_items", filter=is_overdue))
                .select_related("agency")
                .order_by("-overdue_count", "-open_count", "username")[:limit])


# --- for the open statistics (beian.public.statistics): aggregates, never a row about anyone ------------

def decision_times(db: str, since: datetime, *, limit: int) -> list[tuple[int, datetime, datetime]]:
    """(agency id, submitted at, decided at) of at most `limit` items decided since `since`, read on `db`."""
    return list(ReviewItem.objects.using(db).filter(decided_at__gte=since, decided_at__isnull=False)
                .values_list("agency_id", "submitted_at", "decided_at")[:limit])


def return_reason_counts(db: str, since: datetime, *, limit: int) -> Counter:
    """How many of at most `limit` returns since `since` gave each reason code, read on `db`."""
    counter = Counter()
    returns = ReviewEvent.objects.using(db).filter(action="returned", created_at__gte=since)
    for reasons in returns.values_list("reasons", flat=True)[:limit]:
        counter.update({reason.get("code") for reason in reasons or [] if reason.get("code")})
    return counter


def return_reason_texts(db: str, codes: list[str]) -> dict[str, tuple[str, str]]:
    """code → (Chinese text, English text) of these return reasons, read on `db`."""
    return {reason.code: (reason.text_zh, reason.text_en)
            for reason in ReturnReason.objects.using(db).filter(code__in=codes)}


# --- moving through one's work on the item page (issue 17: "approve and next", keys n and p) -----------

def _queue_order_after(item: ReviewItem, *, forward: bool) -> Q:
    """Items after (or before) `item` in the queue's order: due date, submission, id."""
    later = "gt" if forward else "lt"
    return (Q(**{f"due_date__{later}": item.due_date})
            | Q(due_date=item.due_date, **{f"submitted_at__{later}": item.submitted_at})
            | Q(due_date=item.due_date, submitted_at=item.submitted_at, **{f"id__{later}": item.pk}))


def _neighbour(user, item: ReviewItem, *, forward: bool) -> ReviewItem | None:
    """The reviewer's own open items first, then the unassigned ones of their jurisdiction, each in
    the queue's order starting after `item` and wrapping round; never `item` itself."""
    order = ("due_date", "submitted_at", "id") if forward else ("-due_date", "-submitted_at", "-id")
    open_items = items_in_scope(user).filter(is_open=True).exclude(pk=item.pk)
    for group in (open_items.filter(assignee=user), open_items.filter(assignee__isnull=True)):
        neighbour = (group.filter(_queue_order_after(item, forward=forward)).order_by(*order).first()
                     or group.order_by(*order).first())
        if neighbour is not None:
            return neighbour
    return None


def next_item_for(user, *, after: ReviewItem) -> ReviewItem | None:
    """The item to open once `after` is decided or skipped: the next open item assigned to the user,
    else the next unassigned one in their jurisdiction; None when there is nothing left."""
    return _neighbour(user, after, forward=True)


def previous_item_for(user, *, before: ReviewItem) -> ReviewItem | None:
    """The same walk backwards (key "p" on the item page)."""
    return _neighbour(user, before, forward=False)
