"""The language an account reads its messages in (ADR 0011): the one it chose last.

It is remembered when someone signs in (the language the page was in) and when a signed-in person
switches the language in the header. beian.notifications writes every message to an account in it."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import get_supported_language_variant
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from beian.accounts.models import User


def supported(language: str | None) -> str:
    """A language of settings.LANGUAGES for `language`, or "" when it is none of them."""
    try:
        return get_supported_language_variant(language or "")
    except LookupError:
        return ""


def remember(user, language: str | None) -> None:
    language = supported(language)
    if language and getattr(user, "is_authenticated", False) and user.language != language:
        User.objects.filter(pk=user.pk).update(language=language)
        user.language = language


@receiver(user_logged_in, dispatch_uid="accounts_remember_language")
def _signed_in(sender, request, user, **kwargs):
    if request is not None:
        # Only a real request has been through LocaleMiddleware (a test's force_login has not).
        remember(user, getattr(request, "LANGUAGE_CODE", None))


# The switch sits in every page's header. Without a CSRF token in it, a public page sets no cookie
# for a visitor who only reads, so a CDN can hold it (ADR 0080, addendum 3); a forged switch of
# someone's language changes nothing of theirs but the language of their next messages.
@csrf_exempt
@login_not_required
def set_language_view(request):
    response = set_language(request)
    if request.method == "POST" and response.status_code in (301, 302):
        remember(request.user, request.POST.get("language"))
    return response

