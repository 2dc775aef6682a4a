from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CancellationsConfig(AppConfig):
    name = "beian.cancellations"
    label = "cancellations"
    verbose_name = _("Website cancellations")

    def ready(self):
        # The workbench learns how to show and decide cancellations (beian.review.kinds).
        from beian.cancellations import review_kind, services
        from beian.filings import changes

        review_kind.register_kind()
        # A website waiting for its cancellation is not changed meanwhile.
        if services.change_blocker not in changes.CHANGE_BLOCKERS:
            changes.CHANGE_BLOCKERS.append(services.change_blocker)
