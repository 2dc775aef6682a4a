from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "beian.inspections"
    label = "inspections"
    verbose_name = _("Face reviews and on-site inspections")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        # The workbench offers face reviews and on-site inspections on every website application
        # (beian.review.kinds.add_decisions), after the decisions of beian.filings' kinds.
        from beian.filings.review_kind import WEBSITE_KINDS
        from beian.inspections.decisions import INSPECTION_DECISIONS
        from beian.review.kinds import add_decisions

        for kind in WEBSITE_KINDS:
            add_decisions(kind, INSPECTION_DECISIONS)

        from beian.inspections.home_sections import register_sections

        register_sections()

        # What waits for the applicant, on their home list (beian.accounts.to_do).
        from beian.accounts.to_do import register_source
        from beian.inspections.to_do import booking_tasks

        register_source("inspections", booking_tasks)
