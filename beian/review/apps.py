from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "beian.review"
    label = "review"
    verbose_name = _("Review workbench")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.core.reference.loader import reference_loaders
        from beian.review import signals  # noqa: F401 - connects the receivers
        from beian.review.home_sections import register_sections

        register_sections()
        from beian.review.reference import load_return_reasons

        # `manage.py load_reference_data` seeds the return reasons too.
        reference_loaders.register(self.label, load_return_reasons)

        # The queue's export, written in the background by beian.imports (beian.core.list_exports).
        from beian.core import list_exports
        from beian.review.exports import exporter

        list_exports.register(exporter())
