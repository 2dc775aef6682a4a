from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "beian.core"
    label = "core"
    verbose_name = _("Reference data and shared services")

    def ready(self):
        from beian.core import checks  # noqa: F401 - registers the system checks
