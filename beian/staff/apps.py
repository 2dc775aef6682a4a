from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "beian.staff"
    label = "staff"
    verbose_name = _("Police and administrative accounts")
