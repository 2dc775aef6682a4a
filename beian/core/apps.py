from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "beian.core"
    label = "core"
    verbose_name = _("Reference data and shared services")

    def ready(self):
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.core import checks  # noqa: F401 - registers the system checks
        from beian.core.private_files import secure_upload_folder
        from beian.core.stock_messages import use_our_required_messages

        secure_upload_folder()  # 0700 from start-up (ADR 0096)
        use_our_required_messages()  # before any form is built (ADR 0110)
