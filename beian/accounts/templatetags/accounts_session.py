"""The idle-timeout warning of the layout: data attributes on <body> and the dialog markup."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from beian.accounts.middleware import idle_timeout_minutes

register = template.Library()
WARNING_SECONDS = 120


@register.simple_tag(takes_context=True)
def idle_timeout_attributes(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return format_html(' data-idle-timeout="{}" data-idle-warning="{}" data-idle-extend-url="{}"',
                       idle_timeout_minutes(user) * 60, WARNING_SECONDS, reverse("accounts:extend_session"))


@register.inclusion_tag("accounts/includes/idle_dialog.html", takes_context=True)
def idle_timeout_dialog(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {"signed_in": signed_in, "minutes": idle_timeout_minutes(user) if signed_in else 0,
            "login_url": reverse("accounts:login")}
