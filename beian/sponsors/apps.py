from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorsConfig(AppConfig):
    name = "beian.sponsors"
    label = "sponsors"
    verbose_name = _("Sponsor entities")

    def ready(self):
        # The workbench learns how to show and decide sponsor entities (beian.review.kinds).
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.sponsors import review_kind

        review_kind.register_kind()
