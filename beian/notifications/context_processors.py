from beian.notifications.services import unread_count


def unread_messages(request):
    """The unread count shown in the header for signed-in accounts (one COUNT on an indexed column)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_message_count": unread_count(user)}
