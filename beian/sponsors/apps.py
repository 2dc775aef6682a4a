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

        # What waits for the applicant, on their home list (beian.accounts.to_do).
        from beian.accounts.to_do import register_source
        from beian.sponsors.to_do import sponsor_tasks

        register_source("sponsors", sponsor_tasks)
