from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "beian.public"
    label = "public"
    verbose_name = _("Public pages")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.public import receivers  # noqa: F401 - connects the post_save hooks
