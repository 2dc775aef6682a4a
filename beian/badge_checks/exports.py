"""Failed badge checks as CSV / XLSX rows (cells go through beian.core.tabular.safe_cell)."""

from django.utils import timezone
from django.utils.translation import gettext as _

MAX_ROWS = 100_000


def failure_rows(checks):
    yield [_("Record number"), _("Website name"), _("Main domain"), _("Agency"), _("Outcome"), _("Detail"),
           _("Record numbers found"), _("Checked at")]
    for check in checks[:MAX_ROWS].iterator(chunk_size=2000):
        website = check.website
        yield [website.record_number_text, website.name, website.main_domain, check.agency.name,
               check.get_outcome_display(), check.detail, " ".join(check.found_numbers or []),
               timezone.localtime(check.checked_at).strftime("%Y-%m-%d %H:%M")]
