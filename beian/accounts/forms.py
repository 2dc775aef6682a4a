from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("The username or password is not correct. Check both and try again; "
                           "both are case-sensitive."),
        "inactive": _("This account is not active."),
    }
