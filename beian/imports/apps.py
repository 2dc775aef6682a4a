from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """The machinery every police import shares (ADR 0105); each import kind registers its
    `uploads.Importer` in its own app's ready()."""

    name = "beian.imports"
    label = "imports"
    verbose_name = _("Imports")
