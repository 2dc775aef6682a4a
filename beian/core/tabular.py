"""Rows as a CSV or XLSX file, for every export and report (the review queue, the import lists and
their error reports, failed badge checks). Spreadsheet formulas in cells are neutralised: a value
starting with =, +, -, @ (or a tab / carriage return) gets a leading apostrophe, so that opening the
file never runs what an applicant or an imported file typed."""

import csv
import io

from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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
