"""The list of legacy records as CSV or XLSX. Cells go through beian.core.tabular.safe_cell (in
as_csv / as_xlsx), so an imported "=HYPERLINK(…)" never runs in a spreadsheet."""

from django.utils.translation import gettext as _


def record_header() -> list:
    return [_("Legacy record number"), _("Website name"), _("Domain"), _("ICP record number"),
            _("Sponsor name"), _("Agency"), _("Deadline"), _("Status"), _("Overdue"), _("Sponsor notified"),
            _("New record number")]


def record_row(record, today) -> list:
    return [record.record_number, record.website_name, record.unicode_domain, record.icp_number,
            record.sponsor_name, record.agency.name, record.deadline.isoformat(),
            record.get_status_display(), _("yes") if record.is_overdue(today) else _("no"),
            _("yes") if record.notified_at else _("no"),
            record.website.record_number if record.website_id else ""]
