"""The queue of open items in the reviewer's jurisdiction (SPEC §5)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property

from beian.accounts.models import User
from beian.core.calendar import load_overrides, working_days_between
from beian.review.forms import QueueFilterForm
from beian.review.selectors import queue
from beian.staff.permissions import role_required

PAGE_SIZE = 25
# Counting a province's whole backlog costs more than the page itself; beyond this it says "10,000+".
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[:COUNT_CAP + 1].count()

    @property
    def count_is_capped(self) -> bool:
        return self.count > COUNT_CAP


@role_required(*User.POLICE_ROLES)
def queue_view(request):
    form = QueueFilterForm(request.GET or None, user=request.user)
    items = queue(request.user, form.queue_filter())
    page = CappedPaginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    today, overrides = timezone.localdate(), load_overrides()
    rows = [{"item": item,
             "days_left": working_days_between(today, item.due_date, overrides).days,
             "overdue": item.due_date < today} for item in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "review/queue.html", {
        "form": form, "page": page, "rows": rows, "query": query.urlencode()})
