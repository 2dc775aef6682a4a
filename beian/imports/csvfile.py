"""Reading an uploaded CSV file of an import, row by row (SPEC §4.7, §4.8; issue 7 item 6).

The encoding is found by a first pass over the bytes: UTF-8 (with or without a byte-order mark) when
the whole file decodes as UTF-8, otherwise GB18030 (a superset of GBK, what Chinese spreadsheet
programs write). The second pass streams: only one row is held at a time, so 100,000 rows never
become 100,000 objects. Columns are found by their header, in Chinese or English, in any order.
Each kind of import passes its own `Columns` (beian.unregistered.csvfile, beian.legacy.csvfile).
"""

import codecs
import csv
import io

from django.utils.translation import gettext as _

CHUNK = 64 * 1024


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


def count_rows(binary) -> int:
    """The data rows of a CSV file as its reader will read them (a quoted cell may span lines), for a
    progress bar; `binary` is left open at its start for the import to read."""
    text = io.TextIOWrapper(binary, encoding=detect_encoding(binary), errors="replace", newline="")
    records = 0
    reader = csv.reader(text)
    while True:
        try:
            next(reader)
        except StopIteration:
            break
        except csv.Error:
            pass  # a line the import reports as unreadable is still a row of the file
        records += 1
    text.detach()  # closing the wrapper would close `binary`
    binary.seek(0)
    return max(0, records - 1)  # the first line names the columns


def read_rows(binary, columns: Columns, *, headers: dict | None = None):
    """Yield one dict per data row (canonical field names). Raises CsvFileError at once when the file
    is not CSV text or lacks a required column. A row that cannot be parsed is yielded as
    {"__error__": reason} so that it is reported with its number and the rest goes on. `headers`,
    when given, is filled with each field's header as the file spelled it (for the error report)."""
    encoding = detect_encoding(binary)
    text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        raise CsvFileError(_("The file is empty. The first line must name the columns.")) from None
    except csv.Error as exc:
        raise CsvFileError(_("The file is not a CSV file: %(reason)s.") % {"reason": exc}) from None
    fields = [columns.field_for(name) for name in header]
    if headers is not None:
        spelled = zip(fields, header, strict=True)
        headers.update({field: name.strip().lstrip("\ufeff") for field, name in spelled if field})
    missing = [name for name in columns.required if name not in fields]
    if missing:
        raise CsvFileError(_("Required columns are missing: %(columns)s. The first line must name the "
                             "columns (see the list on this page).") % {"columns": ", ".join(missing)})
    width = len(fields)
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
        yield {field: cell for field, cell in zip(fields, cells, strict=False) if field}
