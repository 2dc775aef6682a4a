"""Record numbers (SPEC §6): format, per-agency serials, and uniqueness under concurrent approvals."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from beian.core.models import Agency
from beian.filings import records, services
from beian.filings.models import RecordNumberSequence, Website, WebsiteApplication
from tests.filings import helpers

pytestmark = pytest.mark.django_db


def test_numbers_are_agency_code_category_and_a_six_digit_serial(reference_data):
    chaoyang, haidian = Agency.objects.get(code="110105"), Agency.objects.get(code="110108")
    with transaction.atomic():
        first = records.allocate_record_number(chaoyang)
        second = records.allocate_record_number(chaoyang)
        other = records.allocate_record_number(haidian)
        other_category = records.allocate_record_number(chaoyang, "03")
    assert (first, second) == ("11010502000001", "11010502000002")
    assert other == "11010802000001" and other_category == "11010503000001"


def test_a_rolled_back_approval_issues_nothing_and_serials_continue(reference_data):
    agency = Agency.objects.get(code="110105")
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        records.allocate_record_number(agency)
        1 / 0  # noqa: B018 - the approval fails after the number was drawn
    with transaction.atomic():
        assert records.allocate_record_number(agency) == "11010502000001"


def test_the_serials_run_out_with_a_clear_error(reference_data):
    agency = Agency.objects.get(code="110105")
    RecordNumberSequence.objects.create(agency=agency, category="02", last_serial=999_999)
    with pytest.raises(records.RecordNumbersExhausted), transaction.atomic():
        records.allocate_record_number(agency)


def test_the_database_refuses_a_duplicate_record_number(sponsor, chaoyang_reviewer):
    website = services.approve_application(actor=chaoyang_reviewer,
                                           application=helpers.submitted_application(sponsor))
    other = helpers.submitted_application(helpers.approved_sponsor())
    with pytest.raises(IntegrityError), transaction.atomic():
        Website.objects.create(application=other, sponsor=other.sponsor, agency=other.agency,
                               record_number=website.record_number, name="x", filed_at=website.filed_at)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_approvals_get_twenty_consecutive_serials(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")
    reviewer = helpers.reviewer("110105")
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
