from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "beian.api"
    label = "api"
    verbose_name = _("Integration API")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.api.limits import refuse_body
        from beian.core.body_limits import limit_path

        limit_path("/api/", setting="API_MAX_BODY_BYTES", refuse=refuse_body)
