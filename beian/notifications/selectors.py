"""Reads of the inbox, always scoped to the signed-in account."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from beian.notifications.models import SystemMessage


def inbox_for(user) -> QuerySet[SystemMessage]:
    """The account's own messages, newest first."""
    return SystemMessage.objects.filter(user=user).order_by("-created_at", "-id")


def message_for(user, message_id: int) -> SystemMessage:
    """One of the account's own messages; anyone else's is a 404 (they may not know it exists)."""
    return get_object_or_404(inbox_for(user), pk=message_id)
