from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingsConfig(AppConfig):
    name = "beian.filings"
    label = "filings"
    verbose_name = _("Website filings")

    def ready(self):
        # The workbench learns how to show and decide new websites (beian.review.kinds).
        # Imported here: apps.py is read while the app registry still loads (no models yet).
        from beian.filings import review_kind

        review_kind.register_kind()

        # What waits for the applicant and the state of each filing, on their home (beian.accounts).
        from beian.accounts import cases, to_do
        from beian.filings.cases import filing_cases
        from beian.filings.to_do import filing_tasks

        to_do.register_source("filings", filing_tasks)
        cases.register_source("filings", filing_cases)
