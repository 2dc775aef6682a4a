"""Failed badge checks as CSV / XLSX rows (cells go through beian.core.tabular.safe_cell)."""

from django.utils import timezone
from django.utils.translation import gettext as _


def failure_header() -> list:
    return [_("Record number"), _("Website name"), _("Main domain"), _("Agency"), _("Outcome"), _("Detail"),
            _("Record numbers found"), _("Checked at")]


def failure_row(check, today=None) -> list:
    website = check.website
    return [website.record_number_text, website.name, website.main_domain, check.agency.name,
            check.get_outcome_display(), check.detail_text, " ".join(check.found_numbers or []),
            timezone.localtime(check.checked_at).strftime("%Y-%m-%d %H:%M")]
