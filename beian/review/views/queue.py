"""The queue of open items in the reviewer's jurisdiction (SPEC §5): filters and order kept in the URL,
saved views, and bulk assignment of the ticked rows."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.core.calendar import load_overrides, working_days_between
from beian.review import services
from beian.review.facet_cache import cached_facet_counts
from beian.review.forms import BulkAssignForm, QueueFilterForm, SavedViewForm
from beian.review.models import SavedQueueView
from beian.review.selectors import queue, reviewers_in_scope, saved_views_of
from beian.staff.permissions import role_required

PAGE_SIZE = 25
# Counting a province's whole backlog costs more than the page itself; beyond this it says "10,000+".
COUNT_CAP = 10_000
# The GET parameters a saved view keeps (the page number is not a filter).
FILTER_PARAMETERS = ("search", "kind", "status", "due", "assignee", "agency", "interactive", "sort")


class CappedPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[:COUNT_CAP + 1].count()

    @property
    def count_is_capped(self) -> bool:
        return self.count > COUNT_CAP


def filter_query(data: QueryDict) -> str:
    """The queue's filters of a request as a query string, without the page number or anything else."""
    query = QueryDict(mutable=True)
    for name in FILTER_PARAMETERS:
        if data.get(name):
            query[name] = data[name]
    return query.urlencode()


def queue_url(query: str) -> str:
    return reverse("review:queue") + (f"?{query}" if query else "")


@role_required(*User.POLICE_ROLES)
def queue_view(request):
    reviewers = list(reviewers_in_scope(request.user))
    form = QueueFilterForm(request.GET or None, user=request.user, reviewers=reviewers)
    filters = form.queue_filter()
    form.show_counts(cached_facet_counts(request.user, filters))
    page = CappedPaginator(queue(request.user, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    today, overrides = timezone.localdate(), load_overrides()
    rows = [{"item": item,
             "days_left": working_days_between(today, item.due_date, overrides).days,
             "overdue": item.due_date < today} for item in page.object_list]
    query = filter_query(request.GET)
    return render(request, "review/queue.html", {
        "form": form, "page": page, "rows": rows, "query": query,
        "bulk_form": BulkAssignForm(user=request.user, reviewers=reviewers),
        "saved_views": saved_views_of(request.user), "saved_view_form": SavedViewForm(),
        "is_supervisor": request.user.role == User.Role.SUPERVISOR})


@require_POST
@role_required(*User.POLICE_ROLES)
def bulk_assign_view(request):
    reviewers = list(reviewers_in_scope(request.user))
    form = BulkAssignForm(request.POST, user=request.user, reviewers=reviewers)
    back = queue_url(filter_query(QueryDict(request.POST.get("query", ""))))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(back)
    choice = form.cleaned_data["assignee"]
    result = services.bulk_assign(actor=request.user, item_ids=form.cleaned_data["items"],
                                  assignee=form.reviewers.get(choice), unassigning=choice == "nobody")
    if result.done:
        messages.success(request, (ngettext("%(count)d item put back in the queue.",
                                            "%(count)d items put back in the queue.", len(result.done))
                                   if choice == "nobody" else
                                   ngettext("%(count)d item assigned.", "%(count)d items assigned.",
                                            len(result.done))) % {"count": len(result.done)})
    for item_id, reason in result.refused:
        messages.error(request, _("Item %(id)d refused: %(reason)s") % {"id": item_id, "reason": reason})
    return redirect(back)


@require_POST
@role_required(*User.POLICE_ROLES)
def save_view(request):
    form = SavedViewForm(request.POST)
    query = filter_query(QueryDict(request.POST.get("query", "")))
    if form.is_valid():
        SavedQueueView.objects.update_or_create(owner=request.user, name=form.cleaned_data["name"],
                                                defaults={"query": query})
        messages.success(request, _("The view is saved."))
    else:
        messages.error(request, _("Give the view a name."))
    return redirect(queue_url(query))


@require_POST
@role_required(*User.POLICE_ROLES)
def delete_view(request, view_id: int):
    get_object_or_404(SavedQueueView, pk=view_id, owner=request.user).delete()
    messages.success(request, _("The view is deleted."))
    return redirect("review:queue")
