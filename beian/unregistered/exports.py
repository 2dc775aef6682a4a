"""The list of unregistered websites as CSV or XLSX. Cells go through
beian.core.tabular.safe_cell, so an imported "=HYPERLINK(…)" never runs in a spreadsheet."""

from django.utils import timezone
from django.utils.translation import gettext as _

MAX_ROWS = 100_000


def website_rows(sites, *, today=None):
    today = today or timezone.localdate()
    yield [_("Domain"), _("IP address"), _("Where found"), _("Found at"), _("Sponsor name"), _("Agency"),
           _("Deadline"), _("Status"), _("Overdue"), _("Sponsor notified")]
    for site in sites[:MAX_ROWS].iterator(chunk_size=2000):
        yield [site.unicode_domain, site.ip, site.found_where,
               timezone.localtime(site.found_at).strftime("%Y-%m-%d %H:%M"), site.sponsor_name,
               site.agency.name,
               site.deadline.isoformat(), site.get_status_display(),
               _("yes") if site.is_overdue(today) else _("no"), _("yes") if site.notified_at else _("no")]

