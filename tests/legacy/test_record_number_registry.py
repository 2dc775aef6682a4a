"""A record number is never used twice (SPEC §6, issue 13 item 1, ADR 0090): a legacy number imported
before the counter reaches it is skipped; one imported after is refused on its row; a claimed legacy
number stays one known number (now an alias); numbers known before the registry existed are registered
by the migrations; a legacy import and twenty approvals at the same moment never share a number."""

import importlib
import itertools
import json
import threading

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from beian.core.models import Agency, AuditEntry
from beian.filings.models import KnownRecordNumber, RecordAlias, Website
from beian.legacy.models import LegacyRecord
from beian.legacy.services import import_rows
from tests.factories import make_reviewer
from tests.filings.helpers import submitted_application
from tests.legacy.helpers import (
    NUMBER,
    approve_claim,
    file_in_xihu,
    import_,
    make_applicant_with_approved_sponsor,
    row,
    xihu_sponsor,
)
from tests.public.helpers import cancel, file_website
from tests.sponsors.helpers import XIHU
from tests.unregistered.helpers import api_token, post_json

pytestmark = pytest.mark.usefixtures("reference_data")
OLD_SITE = "33010602000012"
Kind = KnownRecordNumber.Kind


@pytest.fixture(autouse=True)
def _own_cache(settings):
    """Public reads are cached: a cache of this test only."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "tests-record-number-registry"}}


def xihu_row(number, n=0, **changes):
    """A Xihu legacy row without certificate."""
    values = {"domain": f"old-site{n}.cn", "website_name": f"旧网站{n}", "icp_number": "", "sponsor_name": "",
              "certificate_type": "", "certificate_number": "", "agency_code": XIHU, **changes}
    return row(number, **values)


def serial_numbers(*serials):
    return [f"{XIHU}02{serial:06d}" for serial in serials]


def test_a_legacy_number_imported_first_is_skipped_by_the_approvals(client):
    """The reproduction of the issue: legacy 33010602000012 imported, then approvals in 330106 until
    the serial reaches 12: the twelfth website gets 13 and the old number shows no stranger."""
    report = import_(xihu_row(OLD_SITE, 12))
    assert (report.imported, report.errors) == (1, [])
    sponsor, police = xihu_sponsor(), make_reviewer(XIHU)
    numbers = [file_in_xihu(sponsor, police).record_number for _ in range(12)]
    assert numbers == serial_numbers(*range(1, 12), 13)
    assert KnownRecordNumber.objects.get(number=OLD_SITE).kind == Kind.LEGACY
    assert not Website.objects.filter(record_number=OLD_SITE).exists()
    assert client.get(f"/api/v1/records/{OLD_SITE}").status_code == 404
    assert client.get(reverse("records:record", args=[OLD_SITE])).status_code == 404
    newest = client.get(f"/api/v1/records/{numbers[-1]}")
    assert newest.status_code == 200 and newest.json()["record_number"] == numbers[-1]


@pytest.mark.parametrize("cancelled", [False, True])
def test_a_legacy_number_the_counter_already_issued_is_refused_on_its_row(cancelled):
    website = file_in_xihu(xihu_sponsor())
    if cancelled:
        cancel(website)
    with translation.override("zh-hans"):  # the importer's language
        report = import_(xihu_row(website.record_number, 1), xihu_row(serial_numbers(3)[0], 3))
    assert report.imported == 1
    assert [(error.row, error.field) for error in report.errors] == [(1, "record_number")]
    assert report.errors[0].reason == "该号码是本平台的备案号，不是历史备案记录。"
    assert not LegacyRecord.objects.filter(record_number=website.record_number).exists()
    assert KnownRecordNumber.objects.get(number=website.record_number).kind == Kind.ISSUED
    later = [file_in_xihu(xihu_sponsor()).record_number for _ in range(2)]
    assert later == serial_numbers(2, 4)


def test_the_api_import_refuses_an_issued_number_on_its_row_in_the_callers_language(client):
    website = file_in_xihu(xihu_sponsor())
    token, body = api_token("330000"), {"records": [xihu_row(website.record_number)]}
    answer = post_json(client, "/api/v1/legacy-records", body, token=token).json()
    assert answer["imported"] == 0
    assert [(error["row"], error["field"]) for error in answer["errors"]] == [(1, "record_number")]
    assert answer["errors"][0]["message"] == "该号码是本平台的备案号，不是历史备案记录。"
    english = client.post("/api/v1/legacy-records", json.dumps(body), content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["errors"][0]["message"] == "This number is a record of this platform, not a legacy record."


def test_reimporting_a_legacy_number_updates_it_and_keeps_one_known_number():
    import_(xihu_row(OLD_SITE, 12))
    report = import_(xihu_row(OLD_SITE, 12, website_name="旧网站（改名）"))
    assert (report.imported, report.updated, report.errors) == (0, 1, [])
    assert list(KnownRecordNumber.objects.values_list("number", "kind")) == [(OLD_SITE, Kind.LEGACY)]


def test_a_claimed_legacy_number_becomes_an_alias_in_its_one_registry_row():
    owner = make_applicant_with_approved_sponsor()
    import_(row())
    website = approve_claim(owner, LegacyRecord.objects.get())
    assert RecordAlias.objects.get(number=NUMBER).website == website
    assert dict(KnownRecordNumber.objects.values_list("number", "kind")) == {
        NUMBER: Kind.ALIAS, website.record_number: Kind.ISSUED}
    report = import_(row(website_name="改名"))  # the claimed record is still the legacy record of the number
    assert (report.updated, report.errors) == (1, [])
    assert KnownRecordNumber.objects.get(number=NUMBER).kind == Kind.ALIAS


def _legacy_record_written_before_the_registry(number, agency_code="110105"):
    """A legacy record that shares an issued number: what the import could write before ADR 0090."""
    return LegacyRecord.objects.create(record_number=number, domain="shared-number.cn", website_name="旧网站",
                                       agency=Agency.objects.get(code=agency_code),
                                       deadline=timezone.localdate())


def test_claiming_a_legacy_record_that_shares_an_issued_number_makes_no_alias():
    owner = make_applicant_with_approved_sponsor()
    earlier = file_website()
    record = _legacy_record_written_before_the_registry(earlier.record_number)
    website = approve_claim(owner, record)
    record.refresh_from_db()
    assert record.status == LegacyRecord.Status.CLAIMED and record.website == website
    assert not RecordAlias.objects.exists()
    assert KnownRecordNumber.objects.get(number=earlier.record_number).kind == Kind.ISSUED
    assert AuditEntry.objects.filter(action="legacy_claimed").latest("id").details["alias"] is False


def test_the_migrations_register_every_number_known_before():
    issued, aliased = file_website(), file_website()
    import_(row())
    shared = _legacy_record_written_before_the_registry(issued.record_number)
    claimed = _legacy_record_written_before_the_registry("11010502000077")
    RecordAlias.objects.create(number=claimed.record_number, website=aliased)
    KnownRecordNumber.objects.all().delete()
    filings_0005 = importlib.import_module("beian.filings.migrations.0005_known_record_numbers")
    legacy_0002 = importlib.import_module("beian.legacy.migrations.0002_register_legacy_numbers")
    filings_0005.register_existing(apps, None)
    legacy_0002.register_legacy(apps, None)
    assert dict(KnownRecordNumber.objects.values_list("number", "kind")) == {
        issued.record_number: Kind.ISSUED, aliased.record_number: Kind.ISSUED, NUMBER: Kind.LEGACY,
        claimed.record_number: Kind.ALIAS}
    assert shared.record_number == issued.record_number  # the issued website keeps its number


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_legacy_import_and_twenty_approvals_at_once_never_share_a_number():
    """Twenty approvals in 330106 and an import of legacy numbers in the range they issue, all started
    at the same moment on their own connections: every approval succeeds; a legacy number is either
    imported (and skipped by the approvals) or refused on its row because an approval issued it first."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")
    police = make_reviewer(XIHU)
    sponsors = [xihu_sponsor() for _ in range(4)]
    applications = [submitted_application(sponsors[n % len(sponsors)]) for n in range(20)]
    legacy_numbers = serial_numbers(*range(2, 30, 3))  # 2, 5, …, 29: inside the range the approvals issue
    rows = [xihu_row(number, n) for n, number in enumerate(legacy_numbers)]
    start = threading.Barrier(len(applications) + 1)
    numbers, failures, reports = [], [], []

    def in_own_connection(work):
        from django.db import connection as own_connection

        try:
            start.wait(timeout=30)
            work()
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(repr(error))
        finally:
            own_connection.close()

    def approve(application):
        from beian.filings import services

        numbers.append(services.approve_application(actor=police, application=application).record_number)

    def import_legacy():
        reports.append(import_rows(actor_label="race", rows=rows, allowed_agencies=Agency.objects.all()))

    threads = [threading.Thread(target=in_own_connection, args=(lambda a=application: approve(a),))
               for application in applications]
    threads.append(threading.Thread(target=in_own_connection, args=(import_legacy,)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    (report,) = reports
    imported = set(LegacyRecord.objects.values_list("record_number", flat=True))
    refused = {rows[error.row - 1]["record_number"] for error in report.errors}
    assert all(error.field == "record_number" for error in report.errors)
    assert imported | refused == set(legacy_numbers) and not imported & refused
    assert len(set(numbers)) == 20 and not imported & set(numbers)
    assert refused <= set(numbers)  # refused only because an approval had issued it
    free = (number for number in (f"{XIHU}02{serial:06d}" for serial in itertools.count(1))
            if number not in imported)
    assert sorted(numbers) == list(itertools.islice(free, 20))  # consecutive but for the legacy numbers
    assert dict(KnownRecordNumber.objects.values_list("number", "kind")) == {
        **dict.fromkeys(numbers, Kind.ISSUED), **dict.fromkeys(imported, Kind.LEGACY)}
