from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CancellationsConfig(AppConfig):
    name = "beian.cancellations"
    label = "cancellations"
    verbose_name = _("Website cancellations")

    def ready(self):
        # The workbench learns how to show and decide cancellations (beian.review.kinds).
        from beian.cancellations import review_kind

        review_kind.register_kind()
