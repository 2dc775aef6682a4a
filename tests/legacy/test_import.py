"""The legacy-record import: encodings, columns, bad rows, upserts, scope, size, never half a row."""

import datetime
import io

import pytest
from django.db import DatabaseError

from beian.core.models import Agency, AuditEntry
from beian.imports.csvfile import CsvFileError, read_rows
from beian.imports.importing import run_import
from beian.legacy.csvfile import LEGACY_COLUMNS
from beian.legacy.models import LegacyRecord
from beian.legacy.services import import_rows
from beian.legacy.validation import RowChecker
from tests.factories import make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, submitted_application
from tests.legacy.helpers import HEADER_EN, HEADER_ZH, NUMBER, csv_bytes, import_, plain_row, row
from tests.sponsors.helpers import OTHER_USCC

pytestmark = pytest.mark.usefixtures("reference_data")


def _import_csv(data: bytes, agencies=None):
    return import_rows(actor_label="test", rows=read_rows(io.BytesIO(data), LEGACY_COLUMNS),
                       allowed_agencies=agencies or Agency.objects.all(), first_row=2)


@pytest.mark.parametrize(("encoding", "bom", "header"), [
    ("utf-8", False, "en"), ("utf-8", True, "zh"), ("gbk", False, "zh"), ("gb18030", False, "en")])
def test_csv_in_utf8_with_or_without_bom_and_gbk(encoding, bom, header):
    rows = [row(), row("11010502030144", domain="例子.中国", website_name="例子网", certificate_type="",
                       certificate_number="", icp_number="")]
    data = csv_bytes(rows, encoding=encoding, bom=bom, header=HEADER_ZH if header == "zh" else HEADER_EN)
    report = _import_csv(data)
    assert (report.imported, report.updated, report.errors) == (2, 0, [])
    record = LegacyRecord.objects.get(record_number=NUMBER)
    assert (record.website_name, record.domain, record.sponsor_name) == ("云景旧官网", "yunjing-old.cn",
                                                                         "北京云景科技有限公司")
    assert record.icp_number == "京ICP备12345678号-1" and record.icp_key
    assert record.certificate_hash and row()["certificate_number"] not in record.certificate_number_encrypted
    assert record.status == LegacyRecord.Status.OPEN
    assert LegacyRecord.objects.get(record_number="11010502030144").domain == "xn--fsqu00a.xn--fiqs8s"


def test_the_record_number_may_be_written_with_its_prefix():
    report = import_(row("京公网安备 11010502030143号"))
    assert report.errors == []
    assert LegacyRecord.objects.get().record_number == NUMBER


def test_missing_columns_import_nothing_and_say_which():
    data = b"domain,agency_code\nyunjing.cn,110105\n"
    with pytest.raises(CsvFileError, match="record_number, website_name"):
        _import_csv(data)
    assert not LegacyRecord.objects.exists()


def test_empty_and_binary_files_are_refused_clearly():
    with pytest.raises(CsvFileError, match="empty"):
        _import_csv(b"")
    with pytest.raises(CsvFileError):
        _import_csv(b"\x00\x01\x02PK\x03\x04garbage\xff\xfe")


def test_bad_rows_are_reported_per_row_and_the_good_ones_imported():
    rows = [plain_row(1), plain_row(2, record_number="1101050203014"),  # 13 digits
            row("33010602030143", domain="zhejiang-old.cn"),  # a Zhejiang number for a Beijing agency
            plain_row(4, domain="http://bad.cn/x"), plain_row(5, icp_number="ICP12345"),
            plain_row(6, agency_code="999999"), plain_row(7, deadline="31.12.2026"),
            plain_row(8, certificate_type="uscc", certificate_number="911101050000000000"),
            plain_row(9, website_name=""), plain_row(10)]
    report = _import_csv(csv_bytes(rows))
    assert report.imported == 2
    assert sorted(LegacyRecord.objects.values_list("domain", flat=True)) == ["old1.cn", "old10.cn"]
    found = {(error.row, error.field) for error in report.errors}
    assert found == {(3, "record_number"), (4, "record_number"), (5, "domain"), (6, "icp_number"),
                     (7, "agency_code"), (8, "deadline"), (9, "certificate_number"), (10, "website_name")}
    assert all(error.reason for error in report.errors)


def test_reimporting_a_record_number_updates_it_never_duplicates():
    import_(row(deadline="2026-12-31"))
    report = import_(row("京公网安备11010502030143号", website_name="云景官网（旧）",
                         domain="YUNJING-OLD.CN."))
    assert (report.imported, report.updated) == (0, 1)
    record = LegacyRecord.objects.get()
    assert record.website_name == "云景官网（旧）"
    assert record.deadline == datetime.date(2026, 12, 31)  # kept: the new row gave no deadline


def test_a_number_of_this_platform_is_not_a_legacy_record():
    application = submitted_application(approved_sponsor(make_applicant()))
    from beian.filings import services as filing_services

    website = filing_services.approve_application(actor=make_reviewer(), application=application)
    report = import_(row(website.record_number, domain="x.cn"), plain_row(2))
    assert [(e.row, e.field) for e in report.errors] == [(1, "record_number")]
    assert report.imported == 1


def test_default_deadline_is_the_setting_after_the_import(settings):
    settings.LEGACY_DEADLINE_DAYS = 10
    import_(row(), now=datetime.datetime(2026, 11, 2, 3, 0, tzinfo=datetime.UTC))
    assert LegacyRecord.objects.get().deadline == datetime.date(2026, 11, 12)


def test_rows_outside_the_allowed_agencies_are_rejected_per_row():
    report = import_(plain_row(1), plain_row(2, agency_code="330106", record_number="33010600000002"),
                     agencies=Agency.objects.filter(code="110105"))
    assert report.imported == 1
    assert [(e.row, e.field) for e in report.errors] == [(2, "agency_code")]
    assert "jurisdiction" in report.errors[0].reason


def test_the_import_is_audited():
    import_(row())
    entry = AuditEntry.objects.filter(action="legacy_imported").latest("id")
    assert entry.details["imported"] == 1 and entry.details["via"] == "test"


def test_a_changed_certificate_is_matched_afresh_and_state_is_kept_on_reimport():
    import_(row())
    LegacyRecord.objects.update(notified_at="2026-01-01T00:00:00Z")
    import_(row(certificate_number=OTHER_USCC))
    assert LegacyRecord.objects.get().notified_at is None


def test_two_thousand_rows_in_batches():
    rows = [plain_row(n) for n in range(2000)]
    rows[1500]["domain"] = "bad..cn"
    report = _import_csv(csv_bytes(rows))
    assert report.imported == 1999
    assert [(e.row, e.field) for e in report.errors] == [(1502, "domain")]


def test_a_failing_batch_writes_none_of_its_rows(monkeypatch):
    """A database error in the second batch: the first batch stays, nothing of the second is written."""
    from beian.legacy import services

    monkeypatch.setattr(services, "BATCH_SIZE", 10)
    original = LegacyRecord.objects.bulk_create
    calls = []

    def failing_second(objs, **kwargs):
        calls.append(len(objs))
        if len(calls) == 2:
            original(objs[:3], **kwargs)  # part of the batch reaches the database …
            raise DatabaseError("disk full")  # … then the write fails
        return original(objs, **kwargs)

    monkeypatch.setattr(LegacyRecord.objects, "bulk_create", failing_second)
    with pytest.raises(DatabaseError):
        import_(*[plain_row(n) for n in range(25)])
    assert LegacyRecord.objects.count() == 10  # the first batch only; the failed one rolled back whole


def test_malicious_cells_never_crash_the_import():
    huge = "x" * 200_000  # beyond the csv module's field limit
    data = (csv_bytes([plain_row(1)]) + f"11010500000002,{huge},n,,,,,110105,\r\n".encode()
            + b"11010500000003,nul\x00.cn,n,,,,,110105,\r\n" + b'"unterminated,x\r\n')
    report = _import_csv(data)
    assert LegacyRecord.objects.filter(domain="old1.cn").exists()
    assert report.errors and all(error.row >= 3 for error in report.errors)


def test_one_hundred_thousand_rows_are_checked_streaming_without_a_crash():
    """The checking and batching of 100,000 CSV rows (the writing is measured by `python -m bench
    legacy`): every row is accounted for, bad rows are reported, no batch exceeds its size."""
    rows = [plain_row(n) for n in range(100_000)]
    for bad in (7, 50_001, 99_999):
        rows[bad]["domain"] = "not a domain"
    data = csv_bytes(rows, header=HEADER_ZH, encoding="gbk")
    batches = []

    def count_batch(batch, report):
        batches.append(len(batch))
        report.imported += len(batch)

    report = run_import(rows=read_rows(io.BytesIO(data), LEGACY_COLUMNS),
                        checker=RowChecker.for_agencies(Agency.objects.all(), datetime.date(2026, 11, 1)),
                        key=lambda valid: valid.record_number, write_batch=count_batch, first_row=2)
    assert report.imported == 99_997 and sum(batches) == 99_997 and max(batches) <= 1000
    assert [(e.row, e.field) for e in report.errors] == [(9, "domain"), (50_003, "domain"),
                                                         (100_001, "domain")]
