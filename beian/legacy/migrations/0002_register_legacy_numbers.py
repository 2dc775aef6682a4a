"""Register the legacy numbers imported so far as known record numbers (ADR 0090). A number the
platform issued, or an alias, is registered already (filings 0005) and keeps its kind: a legacy record
that shares an issued number stays readable, its claim leads to no alias (beian.legacy.services)."""

from django.db import migrations

CHUNK = 5000


def register_legacy(apps, schema_editor):
    known = apps.get_model("filings", "KnownRecordNumber")
    numbers = (apps.get_model("legacy", "LegacyRecord").objects.order_by()
               .values_list("record_number", flat=True).iterator(chunk_size=CHUNK))
    chunk = []
    for number in numbers:
        chunk.append(known(number=number, kind="legacy"))
        if len(chunk) >= CHUNK:
            known.objects.bulk_create(chunk, ignore_conflicts=True)
            chunk = []
    known.objects.bulk_create(chunk, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("filings", "0005_known_record_numbers"),
        ("legacy", "0001_initial"),
    ]

    operations = [migrations.RunPython(register_legacy, migrations.RunPython.noop)]
