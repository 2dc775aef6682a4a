from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    name = "beian.legacy"
    label = "legacy"
    verbose_name = _("Legacy records and website claims")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.imports import selectors, uploads
        from beian.imports.models import ImportRun
        from beian.legacy import (
            receivers,  # noqa: F401  (connects the signal receivers)
            services,
        )
        from beian.legacy.csvfile import LEGACY_COLUMNS

        uploads.register(uploads.Importer(kind=ImportRun.Kind.LEGACY, columns=LEGACY_COLUMNS,
                                          import_rows=services.import_rows,
                                          allowed_agencies=selectors.agencies_for))

        # The workbench list's export, written in the background (beian.imports.background_exports).
        from beian.imports import background_exports
        from beian.legacy.views import pages

        background_exports.register(pages.exporter())

        # What waits for the applicant, on their home list (beian.accounts.to_do).
        from beian.accounts.to_do import register_source
        from beian.legacy.to_do import claim_tasks

        register_source("legacy", claim_tasks)
