from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """The machinery every police import shares (ADR 0105); each import kind registers its
    `uploads.Importer` in its own app's ready()."""

    name = "beian.imports"
    label = "imports"
    verbose_name = _("Imports")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        # The export buttons of every list (beian.core.list_exports) start their runs here.
        from beian.core import list_exports
        from beian.imports import export_views

        list_exports.set_starter(export_views.start)
