from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BadgeChecksConfig(AppConfig):
    name = "beian.badge_checks"
    label = "badge_checks"
    verbose_name = _("Badge-display checks")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        # What waits for the applicant, on their home list (beian.accounts.to_do).
        from beian.accounts.to_do import register_source
        from beian.badge_checks.to_do import badge_tasks

        register_source("badge_checks", badge_tasks)
