"""The queue as CSV or XLSX for supervisors. Spreadsheet formulas in cells are neutralised: a value
starting with =, +, -, @ (or a tab / carriage return) gets a leading apostrophe, so that opening the
file never runs what an applicant typed."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 50_000


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def queue_rows(items):
    yield [_("Kind"), _("Title"), _("Sponsor"), _("Agency"), _("Status"), _("Submitted at"),
           _("Due date"), _("Assignee")]
    for item in items[:MAX_ROWS]:
        yield [item.get_kind_display(), item.title, item.sponsor_name, item.agency.name,
               item.get_status_display(), timezone.localtime(item.submitted_at).strftime("%Y-%m-%d %H:%M"),
               item.due_date.isoformat(), item.assignee.get_username() if item.assignee else ""]


def as_csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    # A byte-order mark so that spreadsheet programs read the Chinese text as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("queue")
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
