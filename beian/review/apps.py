from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "beian.review"
    label = "review"
    verbose_name = _("Review workbench")

    def ready(self):
        from beian.review import signals  # noqa: F401 - connects the receivers
        from beian.review.home_sections import register_sections

        register_sections()
