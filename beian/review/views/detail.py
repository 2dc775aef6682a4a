"""One item: the kind's detail, the automatic findings, assignment, decisions, the history.

Decisions sit in a panel at the top; an irreversible one (a record number issued, a filing cancelled)
is taken only after a confirmation page naming its consequence, enforced here: without `confirmed=1`
the service is never called. With `then=next` the reviewer lands on their next item (issue 17).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.core.calendar import load_overrides, working_days_between
from beian.review import services
from beian.review.forms import AssignForm
from beian.review.kinds import handler_for
from beian.review.models import ReviewItem
from beian.review.selectors import item_in_scope, next_item_for, previous_item_for
from beian.staff.permissions import role_required

POLICE = User.POLICE_ROLES


def _item_or_404(request, item_id) -> ReviewItem:
    try:
        return item_in_scope(request.user, item_id)
    except ReviewItem.DoesNotExist as exc:
        raise Http404 from exc


@role_required(*POLICE)
def detail_view(request, item_id: int):
    item = _item_or_404(request, item_id)
    handler = handler_for(item.kind)
    decisions = []
    if handler and item.is_open:
        decisions = [(decision, decision.form_class(item=item))
                     for decision in handler.available_decisions(item)]
    return render(request, "review/detail.html", {
        "item": item,
        "handler": handler,
        "kind_context": handler.detail_context(item, request) if handler else {},
        "decisions": decisions,
        "assign_form": AssignForm(item=item, user=request.user),
        "is_supervisor": request.user.role == User.Role.SUPERVISOR,
        "days_left": working_days_between(timezone.localdate(), item.due_date, load_overrides()).days,
        "events": item.events.select_related("actor"),
        "next_item": next_item_for(request.user, after=item),
        "previous_item": previous_item_for(request.user, before=item),
    })


@require_POST
@role_required(*POLICE)
def assign_view(request, item_id: int):
    item = _item_or_404(request, item_id)
    form = AssignForm(request.POST, item=item, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose a reviewer of this agency."))
        return redirect("review:detail", item_id=item.pk)
    try:
        services.assign(actor=request.user, item_id=item.pk, assignee=form.cleaned_data["assignee"])
        messages.success(request, _("The item is assigned."))
    except services.ReviewActionRefused as refused:
        messages.error(request, str(refused))
    return redirect("review:detail", item_id=item.pk)


@require_POST
@role_required(*POLICE)
def unassign_view(request, item_id: int):
    item = _item_or_404(request, item_id)
    try:
        services.unassign(actor=request.user, item_id=item.pk)
        messages.success(request, _("The item is back in the queue."))
    except services.ReviewActionRefused as refused:
        messages.error(request, str(refused))
    return redirect("review:detail", item_id=item.pk)


@require_POST
@role_required(*POLICE)
def decide_view(request, item_id: int, decision: str):
    item = _item_or_404(request, item_id)
    handler = handler_for(item.kind)
    chosen = next((d for d in (handler.decisions if handler else ()) if d.name == decision), None)
    if chosen is None:
        raise Http404
    if not item.is_open or not chosen.is_available(item):
        messages.error(request, _("This decision is not possible any more; the item has changed. "
                                  "Here is its current state."))
        return redirect("review:detail", item_id=item.pk)
    form = chosen.form_class(request.POST, item=item)
    if not form.is_valid():
        return render(request, "review/decision_form.html", {
            "item": item, "decision": chosen, "form": form, "then": _then(request)}, status=400)
    if chosen.irreversible and request.POST.get("confirmed") != "1":
        return render(request, "review/confirm_decision.html", {
            "item": item, "decision": chosen, "carried": _carried_fields(request)})
    try:
        chosen.perform(actor=request.user, item=item, form=form)
    except services.ReviewActionRefused as refused:
        messages.error(request, str(refused))
        return redirect("review:detail", item_id=item.pk)
    messages.success(request, _("Decision recorded: %(decision)s.") % {"decision": chosen.label})
    if _then(request) == "next":
        following = next_item_for(request.user, after=item)
        if following is not None:
            return redirect("review:detail", item_id=following.pk)
        messages.info(request, _("There is no other open item for you."))
    return redirect("review:queue")


def _then(request) -> str:
    return "next" if request.POST.get("then") == "next" else ""


def _carried_fields(request) -> list[tuple[str, str]]:
    """The decision form's answers, repeated as hidden fields of the confirmation, so that confirming
    submits exactly what the reviewer chose."""
    return [(name, value) for name, values in request.POST.lists()
            if name not in ("csrfmiddlewaretoken", "confirmed") for value in values]
