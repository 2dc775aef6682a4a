from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BadgeChecksConfig(AppConfig):
    name = "beian.badge_checks"
    label = "badge_checks"
    verbose_name = _("Badge-display checks")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        # The failures list's export, written in the background (beian.imports.background_exports).
        from beian.badge_checks import views
        from beian.badge_checks.exports import failure_header, failure_row
        from beian.core.audit_actions import AuditAction
        from beian.imports import background_exports

        background_exports.register(background_exports.Exporter(
            kind=views.EXPORT_KIND, items=views.export_items, header=failure_header, row=failure_row,
            audit_action=AuditAction.BADGE_CHECKS_EXPORTED, file_name="badge-checks",
            title=lambda: str(_("Failed badge checks"))))

        # What waits for the applicant, on their home list (beian.accounts.to_do).
        from beian.accounts.to_do import register_source
        from beian.badge_checks.to_do import badge_tasks

        register_source("badge_checks", badge_tasks)
