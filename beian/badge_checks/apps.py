from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BadgeChecksConfig(AppConfig):
    name = "beian.badge_checks"
    label = "badge_checks"
    verbose_name = _("Badge-display checks")
