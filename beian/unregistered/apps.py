from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnregisteredConfig(AppConfig):
    name = "beian.unregistered"
    label = "unregistered"
    verbose_name = _("Unregistered websites")

    def ready(self):
        from beian.unregistered import receivers  # noqa: F401  (connects the signal receivers)
