"""The records benchmark's generator writes filed websites the public side reads like any other:
a record by number, its domains in the index, the JSON answer; and it keeps the registry of known
numbers and the agencies' sequences in step, so a later approval issues a fresh number (ADR 0090)."""

import pytest
from django.db import transaction

from beian.filings.models import KnownRecordNumber, RecordNumberSequence, Website
from beian.filings.record_numbers import allocate_record_number
from beian.public import selectors
from beian.public.models import PublicDomain
from bench.records_data import generate, samples

pytestmark = pytest.mark.django_db


def test_generated_websites_are_public_records(client, reference_data, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "tests-bench-generator"}}
    result = generate(40)
    assert result["records"] == 40 and result["existing"] == 0
    assert Website.objects.filter(status=Website.Status.FILED).count() == 40
    sample = samples(10)
    number, domain = sample["numbers"][0], sample["domains"][0]
    row = selectors.website_by_number(number)
    assert row["record_number"] == number and row["sponsor__sponsor_type__is_unit"] is True
    assert selectors.numbers_for_domain(domain) == [number]
    answer = client.get(f"/api/v1/records/{number}")
    assert answer.status_code == 200 and answer.json()["status"] == "filed"
    assert generate(40)["existing"] == 40  # a second run adds nothing
    # The sequences follow the written ids: the ORM's next row takes a new one.
    PublicDomain.objects.create(domain="after-the-generator.cn", website=Website.objects.first())


def test_generated_numbers_are_registered_and_never_issued_again(reference_data):
    generate(450)  # 200 agencies: the first ones get three serials
    numbers = set(Website.objects.values_list("record_number", flat=True))
    assert set(KnownRecordNumber.objects.filter(kind=KnownRecordNumber.Kind.ISSUED)
               .values_list("number", flat=True)) == numbers
    first = Website.objects.filter(record_number__endswith="02000003").earliest("record_number").agency
    assert RecordNumberSequence.objects.get(agency=first, category="02").last_serial == 3
    with transaction.atomic():
        assert allocate_record_number(first) == f"{first.code}02000004"
    RecordNumberSequence.objects.all().delete()  # a sequence behind: the registry still skips
    with transaction.atomic():
        assert allocate_record_number(first) == f"{first.code}02000005"
