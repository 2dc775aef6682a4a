from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingsConfig(AppConfig):
    name = "beian.filings"
    label = "filings"
    verbose_name = _("Website filings")

    def ready(self):
        # The workbench learns how to show and decide new websites (beian.review.kinds).
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.filings import review_kind

        review_kind.register_kind()
