from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CancellationsConfig(AppConfig):
    name = "beian.cancellations"
    label = "cancellations"
    verbose_name = _("Website cancellations")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.cancellations import review_kind, services
        from beian.filings.changes import change_blockers

        # The workbench learns how to show and decide cancellations (beian.review.kinds).
        review_kind.register_kind()
        # A website waiting for its cancellation is not changed meanwhile.
        change_blockers.register(self.label, services.change_blocker)
