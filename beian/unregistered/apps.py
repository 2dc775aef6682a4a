from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnregisteredConfig(AppConfig):
    name = "beian.unregistered"
    label = "unregistered"
    verbose_name = _("Unregistered websites")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.imports import uploads
        from beian.imports.models import ImportRun
        from beian.unregistered import (
            receivers,  # noqa: F401  (connects the signal receivers)
            selectors,
            services,
        )
        from beian.unregistered.csvfile import UNREGISTERED_COLUMNS

        uploads.register(uploads.Importer(kind=ImportRun.Kind.UNREGISTERED, columns=UNREGISTERED_COLUMNS,
                                          import_rows=services.import_rows,
                                          allowed_agencies=selectors.agencies_for))

        # The workbench list's export, written in the background (beian.imports.background_exports).
        from beian.imports import background_exports
        from beian.unregistered.views import pages

        background_exports.register(pages.exporter())

        # What waits for the applicant, on their home list (beian.accounts.to_do).
        from beian.accounts.to_do import register_source
        from beian.unregistered.to_do import unregistered_tasks

        register_source("unregistered", unregistered_tasks)
