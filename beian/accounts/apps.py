from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "beian.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        # Signing in remembers the language of the account's messages.
        from beian.accounts import language, never_deleted  # noqa: F401
