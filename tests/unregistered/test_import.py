"""The one import service and the CSV reader: encodings, columns, bad rows, upserts, size."""

import datetime
import io

import pytest

from beian.core.models import Agency, AuditEntry
from beian.imports.csvfile import CsvFileError, read_rows
from beian.unregistered.csvfile import UNREGISTERED_COLUMNS
from beian.unregistered.models import UnregisteredWebsite
from beian.unregistered.services import import_rows
from tests.unregistered.helpers import HEADER_EN, HEADER_ZH, csv_bytes, row

pytestmark = pytest.mark.usefixtures("reference_data")


def _import_csv(data: bytes, agencies=None):
    return import_rows(actor_label="test", rows=read_rows(io.BytesIO(data), UNREGISTERED_COLUMNS),
                       allowed_agencies=agencies or Agency.objects.all(), first_row=2)


@pytest.mark.parametrize(("encoding", "bom", "header"), [
    ("utf-8", False, "en"), ("utf-8", True, "zh"), ("gbk", False, "zh"), ("gb18030", False, "en")])
def test_csv_in_utf8_with_or_without_bom_and_gbk(encoding, bom, header):
    rows = [row("yunjing.cn", found_where="微博巡查"),
            row("例子.中国", certificate_number="", certificate_type="")]
    data = csv_bytes(rows, encoding=encoding, bom=bom, header=HEADER_ZH if header == "zh" else HEADER_EN)
    report = _import_csv(data)
    assert (report.imported, report.updated, report.errors) == (2, 0, [])
    site = UnregisteredWebsite.objects.get(domain="yunjing.cn")
    assert site.found_where == "微博巡查"
    assert site.sponsor_name == "北京云景科技有限公司"
    assert UnregisteredWebsite.objects.filter(domain="xn--fsqu00a.xn--fiqs8s").exists()


def test_missing_columns_import_nothing_and_say_which():
    data = b"domain,ip,agency_code\nyunjing.cn,61.135.169.121,110105\n"
    with pytest.raises(CsvFileError, match="found_where, found_at"):
        _import_csv(data)
    assert not UnregisteredWebsite.objects.exists()


def test_empty_and_binary_files_are_refused_clearly():
    with pytest.raises(CsvFileError, match="empty"):
        _import_csv(b"")
    with pytest.raises(CsvFileError):
        _import_csv(b"\x00\x01\x02PK\x03\x04garbage\xff\xfe")


def test_a_bad_row_among_good_ones_is_reported_and_the_good_ones_imported():
    rows = [row("good-one.cn"), row("http://bad.cn/path"), row("good-two.cn", ip="10.0.0.1"),
            row("good-three.cn", certificate_number="911101050000000000"),
            row("good-four.cn", agency_code="999999"),
            row("good-five.cn", found_at="yesterday"), row("good-six.cn")]
    report = _import_csv(csv_bytes(rows))
    assert report.imported == 2
    domains = sorted(UnregisteredWebsite.objects.values_list("domain", flat=True))
    assert domains == ["good-one.cn", "good-six.cn"]
    found = {(error.row, error.field) for error in report.errors}
    assert found == {(3, "domain"), (4, "ip"), (5, "certificate_number"), (6, "agency_code"), (7, "found_at")}
    assert all(error.reason for error in report.errors)


def test_a_row_with_several_problems_reports_each_and_writes_nothing():
    report = _import_csv(csv_bytes([row("bad..cn", ip="not-an-ip", found_at="")]))
    assert {error.field for error in report.errors} == {"found_at"}  # required first, then the rest
    report = _import_csv(csv_bytes([row("bad..cn", ip="not-an-ip", deadline="31.12.2026")]))
    assert {error.field for error in report.errors} == {"domain", "ip", "deadline"}
    assert not UnregisteredWebsite.objects.exists()


def test_extra_cells_and_blank_lines():
    data = csv_bytes([row("ok.cn")]) + b"\r\n\r\nextra.cn,61.135.169.121,x,2026-11-01,,,,110105,,surplus\r\n"
    report = _import_csv(data)
    assert report.imported == 1
    assert [(error.row, error.field) for error in report.errors] == [(5, "")]


def test_reimporting_a_domain_updates_it_never_duplicates():
    _import_csv(csv_bytes([row("yunjing.cn", ip="61.135.169.121", deadline="2026-12-31")]))
    report = _import_csv(csv_bytes([row("YUNJING.CN.", ip="61.135.169.122")]))
    assert (report.imported, report.updated) == (0, 1)
    site = UnregisteredWebsite.objects.get()
    assert site.ip == "61.135.169.122"
    assert site.deadline == datetime.date(2026, 12, 31)  # kept: the new row gave no deadline


def test_default_deadline_is_the_setting_after_the_import(settings):
    settings.UNREGISTERED_DEADLINE_DAYS = 10
    now = datetime.datetime(2026, 11, 2, 3, 0, tzinfo=datetime.UTC)
    import_rows(actor_label="test", rows=[row()], allowed_agencies=Agency.objects.all(), now=now)
    assert UnregisteredWebsite.objects.get().deadline == datetime.date(2026, 11, 12)


def test_rows_outside_the_allowed_agencies_are_rejected_per_row():
    allowed = Agency.objects.filter(code="110105")
    report = import_rows(actor_label="test", rows=[row("a.cn"), row("b.cn", agency_code="330106")],
                         allowed_agencies=allowed)
    assert report.imported == 1
    assert [(e.row, e.field) for e in report.errors] == [(2, "agency_code")]
    assert "jurisdiction" in report.errors[0].reason


def test_the_import_is_audited():
    _import_csv(csv_bytes([row()]))
    entry = AuditEntry.objects.filter(action="unregistered_imported").latest("id")
    assert entry.details["imported"] == 1
    assert entry.details["via"] == "test"


def test_two_thousand_rows_in_batches():
    rows = [row(f"site{n}.cn", certificate_number="", certificate_type="", sponsor_name="")
            for n in range(2000)]
    rows[1500]["ip"] = "bad"
    report = _import_csv(csv_bytes(rows))
    assert report.imported == 1999
    assert [(e.row, e.field) for e in report.errors] == [(1502, "ip")]
    assert UnregisteredWebsite.objects.count() == 1999


def test_malicious_cells_never_crash_the_import():
    huge = "x" * 200_000  # beyond the csv module's field limit
    data = (csv_bytes([row("a.cn")]) + f"{huge},1.1.1.1,x,2026-11-01,,,,110105,\r\n".encode()
            + b"nul\x00.cn,61.135.169.121,x,2026-11-01,,,,110105,\r\n"
            + b'"unterminated,61.135.169.121\r\n' + csv_bytes([row("z.cn")]).split(b"\r\n", 1)[1])
    report = _import_csv(data)
    assert UnregisteredWebsite.objects.filter(domain="a.cn").exists()
    assert report.errors and all(error.row >= 3 for error in report.errors)
