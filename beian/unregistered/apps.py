from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnregisteredConfig(AppConfig):
    name = "beian.unregistered"
    label = "unregistered"
    verbose_name = _("Unregistered websites")
