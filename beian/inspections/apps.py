from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "beian.inspections"
    label = "inspections"
    verbose_name = _("Face reviews and on-site inspections")

    def ready(self):
        from beian.inspections.home_sections import register_sections

        register_sections()

        # What waits for the applicant, on their home list (beian.accounts.to_do).
        from beian.accounts.to_do import register_source
        from beian.inspections.to_do import booking_tasks

        register_source("inspections", booking_tasks)
