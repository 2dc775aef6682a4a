"""Record numbers (SPEC §6): format, per-agency serials, uniqueness under concurrent approvals, and
the registry of every known number (ADR 0090): the allocation skips legacy numbers and aliases."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from beian.core.models import Agency
from beian.filings import record_numbers, services
from beian.filings.models import KnownRecordNumber, RecordNumberSequence, Website, WebsiteApplication
from tests.factories import make_reviewer
from tests.filings import helpers

pytestmark = pytest.mark.django_db


def test_numbers_are_agency_code_category_and_a_six_digit_serial(reference_data):
    chaoyang, haidian = Agency.objects.get(code="110105"), Agency.objects.get(code="110108")
    with transaction.atomic():
        first = record_numbers.allocate_record_number(chaoyang)
        second = record_numbers.allocate_record_number(chaoyang)
        other = record_numbers.allocate_record_number(haidian)
        other_category = record_numbers.allocate_record_number(chaoyang, "03")
    assert (first, second) == ("11010502000001", "11010502000002")
    assert other == "11010802000001" and other_category == "11010503000001"


def test_a_rolled_back_approval_issues_nothing_and_serials_continue(reference_data):
    agency = Agency.objects.get(code="110105")
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        record_numbers.allocate_record_number(agency)
        1 / 0  # noqa: B018 - the approval fails after the number was drawn
    with transaction.atomic():
        assert record_numbers.allocate_record_number(agency) == "11010502000001"


def test_the_serials_run_out_with_a_clear_error(reference_data):
    agency = Agency.objects.get(code="110105")
    RecordNumberSequence.objects.create(agency=agency, category="02", last_serial=999_999)
    with pytest.raises(record_numbers.RecordNumbersExhausted), transaction.atomic():
        record_numbers.allocate_record_number(agency)


def test_the_database_refuses_a_duplicate_record_number(sponsor, reviewer):
    website = services.approve_application(actor=reviewer,
                                           application=helpers.submitted_application(sponsor))
    other = helpers.submitted_application(helpers.approved_sponsor())
    with pytest.raises(IntegrityError), transaction.atomic():
        Website.objects.create(application=other, sponsor=other.sponsor, agency=other.agency,
                               record_number=website.record_number, name="x", filed_at=website.filed_at)


def _allocate(agency, times=1):
    with transaction.atomic():
        return [record_numbers.allocate_record_number(agency) for _ in range(times)]


def test_the_allocation_skips_numbers_known_as_legacy_or_alias(reference_data):
    agency = Agency.objects.get(code="110105")
    KnownRecordNumber.objects.create(number="11010502000002", kind=KnownRecordNumber.Kind.LEGACY)
    KnownRecordNumber.objects.create(number="11010502000003", kind=KnownRecordNumber.Kind.ALIAS)
    assert _allocate(agency, 3) == ["11010502000001", "11010502000004", "11010502000005"]
    assert RecordNumberSequence.objects.get(agency=agency).last_serial == 5
    issued = KnownRecordNumber.objects.filter(kind=KnownRecordNumber.Kind.ISSUED)
    assert sorted(issued.values_list("number", flat=True)) == ["11010502000001", "11010502000004",
                                                               "11010502000005"]


def test_a_long_run_of_known_numbers_is_skipped_a_window_at_a_time(reference_data,
                                                                   django_assert_max_num_queries):
    agency = Agency.objects.get(code="110105")
    KnownRecordNumber.objects.bulk_create([KnownRecordNumber(number=f"1101050200{serial:04d}", kind="legacy")
                                           for serial in range(1, 251)])
    # 3 windows of the registry next to the sequence's and the savepoints' statements, not 250 look-ups.
    with django_assert_max_num_queries(15):
        assert _allocate(agency) == ["11010502000251"]


def test_the_last_serials_known_elsewhere_exhaust_the_agency(reference_data):
    agency = Agency.objects.get(code="110105")
    RecordNumberSequence.objects.create(agency=agency, category="02", last_serial=999_998)
    KnownRecordNumber.objects.create(number="11010502999999", kind=KnownRecordNumber.Kind.LEGACY)
    with pytest.raises(record_numbers.RecordNumbersExhausted), transaction.atomic():
        record_numbers.allocate_record_number(agency)


def test_an_approval_registers_the_number_it_issues(sponsor, reviewer):
    website = services.approve_application(actor=reviewer,
                                           application=helpers.submitted_application(sponsor))
    assert KnownRecordNumber.objects.get(number=website.record_number).kind == KnownRecordNumber.Kind.ISSUED


def test_the_registry_refuses_a_second_use_of_a_number_whatever_its_kind(reference_data):
    agency = Agency.objects.get(code="110105")
    (number,) = _allocate(agency)
    for kind in KnownRecordNumber.Kind.values:
        with pytest.raises(IntegrityError), transaction.atomic():
            KnownRecordNumber.objects.create(number=number, kind=kind)


def test_the_database_refuses_a_known_number_when_the_skip_is_bypassed(reference_data, monkeypatch):
    """Without the look-up of the registry (every serial offered in turn), the insert of the registry
    row still refuses the known number: the next one is issued, never the legacy one."""
    agency = Agency.objects.get(code="110105")
    KnownRecordNumber.objects.create(number="11010502000001", kind=KnownRecordNumber.Kind.LEGACY)

    def every_serial(prefix, after):
        for serial in range(after + 1, after + 10):
            yield serial, f"{prefix}{serial:06d}"

    monkeypatch.setattr(record_numbers, "_unregistered_numbers", every_serial)
    assert _allocate(agency) == ["11010502000002"]
    assert KnownRecordNumber.objects.get(number="11010502000001").kind == KnownRecordNumber.Kind.LEGACY


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_approvals_get_twenty_consecutive_serials(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")
    reviewer = make_reviewer("110105")
    applications = [helpers.submitted_application(helpers.approved_sponsor()) for _ in range(20)]
    start = threading.Barrier(len(applications))
    numbers, failures = [], []

    def approve(application: WebsiteApplication):
        from django.db import connection as own_connection

        try:
            start.wait(timeout=30)
            website = services.approve_application(actor=reviewer, application=application)
            numbers.append(website.record_number)
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(repr(error))
        finally:
            own_connection.close()

    threads = [threading.Thread(target=approve, args=(application,)) for application in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    serials = sorted(int(number[-6:]) for number in numbers)
    assert serials == list(range(1, 21))
    assert Website.objects.count() == 20
    assert RecordNumberSequence.objects.get().last_serial == 20
    assert sorted(KnownRecordNumber.objects.values_list("number", flat=True)) == sorted(numbers)
