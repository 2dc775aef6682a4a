"""The list of unregistered websites as CSV or XLSX. Cells go through
beian.core.tabular.safe_cell, so an imported "=HYPERLINK(…)" never runs in a spreadsheet."""

from django.utils import timezone
from django.utils.translation import gettext as _


def website_header() -> list:
    return [_("Domain"), _("IP address"), _("Where found"), _("Found at"), _("Sponsor name"), _("Agency"),
            _("Deadline"), _("Status"), _("Overdue"), _("Sponsor notified")]


def website_row(site, today) -> list:
    return [site.unicode_domain, site.ip, site.found_where,
            timezone.localtime(site.found_at).strftime("%Y-%m-%d %H:%M"), site.sponsor_name, site.agency.name,
            site.deadline.isoformat(), site.get_status_display(),
            _("yes") if site.is_overdue(today) else _("no"), _("yes") if site.notified_at else _("no")]

