"""Reading an uploaded CSV file of an import, row by row (SPEC §4.7, §4.8; issue 7 item 6).

The encoding is found by a first pass over the bytes: UTF-8 (with or without a byte-order mark) when
the whole file decodes as UTF-8, otherwise GB18030 (a superset of GBK, what Chinese spreadsheet
programs write). The second pass streams: only one row is held at a time, so 100,000 rows never
become 100,000 objects. Columns are found by their header, in Chinese or English, in any order.
The defaults below are the columns of unregistered websites; an import of another kind passes its
own `Columns` (beian.legacy.csvfile).
"""

import codecs
import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CHUNK = 64 * 1024
# Unregistered websites: canonical field → accepted header spellings (compared without spaces,
# case-insensitively).
HEADERS = {
    "domain": ("domain", "域名", "网站域名"),
    "ip": ("ip", "ip地址", "ipaddress", "网站ip"),
    "found_where": ("found_where", "wherefound", "发现位置", "发现来源", "发现途径"),
    "found_at": ("found_at", "foundat", "发现时间", "发现日期"),
    "certificate_type": ("certificate_type", "certificatetype", "证件类型"),
    "certificate_number": ("certificate_number", "certificatenumber", "证件号码"),
    "sponsor_name": ("sponsor_name", "sponsorname", "主办者名称", "开办主体名称", "主办者"),
    "agency_code": ("agency_code", "agencycode", "公安机关代码", "机关代码"),
    "deadline": ("deadline", "备案期限", "截止日期"),
}
REQUIRED_COLUMNS = ("domain", "ip", "found_where", "found_at", "agency_code")
# For the upload page: every column with its Chinese header and whether it is required.
COLUMN_HELP = [
    ("domain", "域名", True, gettext_lazy("Domain name, e.g. example.cn (Chinese domains allowed).")),
    ("ip", "IP地址", True, gettext_lazy("Public IPv4 or IPv6 address, or a start-end range.")),
    ("found_where", "发现位置", True, gettext_lazy("Where the website was found (a URL or a note).")),
    ("found_at", "发现时间", True, gettext_lazy("YYYY-MM-DD or YYYY-MM-DD HH:MM.")),
    ("certificate_type", "证件类型", False,
     gettext_lazy("The sponsor's certificate type: a code such as uscc or resident_id, "
                  "or its Chinese name.")),
    ("certificate_number", "证件号码", False, gettext_lazy("The sponsor's certificate number.")),
    ("sponsor_name", "主办者名称", False, gettext_lazy("The sponsor's unit or person name.")),
    ("agency_code", "公安机关代码", True, gettext_lazy("The 6-digit code of the responsible police agency.")),
    ("deadline", "备案期限", False,
     gettext_lazy("YYYY-MM-DD; empty: the default period after the import (30 days unless configured).")),
]


class Columns:
    """The columns of one kind of import: accepted header spellings per field, the required ones."""

    def __init__(self, headers: dict[str, tuple[str, ...]], required: tuple[str, ...]):
        self.required = required
        self.lookup = {_squeeze(spelling): field for field, spellings in headers.items()
                       for spelling in spellings}

    def field_for(self, header: str) -> str | None:
        return self.lookup.get(_squeeze(header.strip().lstrip("\ufeff")))


def _squeeze(header: str) -> str:
    return header.replace(" ", "").lower()


class CsvFileError(Exception):
    """The file as a whole cannot be imported (nothing was imported); the message says why."""


def detect_encoding(binary) -> str:
    binary.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := binary.read(CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "gb18030"
    finally:
        binary.seek(0)
    return "utf-8-sig"


def read_rows(binary, columns: Columns | None = None):
    """Yield one dict per data row (canonical field names). Raises CsvFileError at once when the file
    is not CSV text or lacks a required column. A row that cannot be parsed is yielded as
    {"__error__": reason} so that it is reported with its number and the rest goes on."""
    columns_of_file = columns or UNREGISTERED_COLUMNS
    encoding = detect_encoding(binary)
    text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        raise CsvFileError(_("The file is empty. The first line must name the columns.")) from None
    except csv.Error as exc:
        raise CsvFileError(_("The file is not a CSV file: %(reason)s.") % {"reason": exc}) from None
    columns = [columns_of_file.field_for(name) for name in header]
    missing = [name for name in columns_of_file.required if name not in columns]
    if missing:
        raise CsvFileError(_("Required columns are missing: %(columns)s. The first line must name the "
                             "columns (see the list on this page).") % {"columns": ", ".join(missing)})
    width = len(columns)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield {"__error__": _("This line cannot be read as CSV: %(reason)s.") % {"reason": exc}}
            continue
        if not any(cell.strip() for cell in cells):
            yield {"__blank__": True}
            continue
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            yield {"__error__": _("This line has more cells than the header has columns.")}
            continue
        yield {column: cell for column, cell in zip(columns, cells, strict=False) if column}


UNREGISTERED_COLUMNS = Columns(HEADERS, REQUIRED_COLUMNS)
