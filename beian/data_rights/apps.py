from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataRightsConfig(AppConfig):
    name = "beian.data_rights"
    label = "data_rights"
    verbose_name = _("The person's rights over their data")
