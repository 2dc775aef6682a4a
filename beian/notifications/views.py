"""The inbox of system messages (系统消息): list, read one, mark all as read."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from beian.notifications import selectors, services

MESSAGES_PER_PAGE = 20


@require_GET
def inbox(request):
    page = Paginator(selectors.inbox_for(request.user), MESSAGES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html",
                  {"page": page, "unread": services.unread_count(request.user)})


@require_GET
def detail(request, message_id: int):
    message = selectors.message_for(request.user, message_id)
    services.mark_read(user=request.user, message=message)
    return render(request, "notifications/detail.html", {"message": message})


@require_POST
def mark_all_read(request):
    count = services.mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All messages are marked as read."))
    return redirect("notifications:inbox")
