"""A fast generator of filed websites for the records benchmark (issue 8): BENCH_RECORDS rows of
applications, websites and the public domain index, written with executemany (SQLite) or COPY
(PostgreSQL) in batches; sponsors and accounts (a few hundred) through the ORM.

Each number is registered as issued (filings.KnownRecordNumber, ADR 0090) in the same transaction as
its website, and each agency's sequence is moved past its highest generated serial, so a later approval
issues a fresh number at once.

Rows are built from the models themselves (every concrete field, defaults applied), so a new column
with a default in the filings models does not break the generator."""

from __future__ import annotations

import json
import random
import time
from datetime import timedelta

BATCH = 20_000
SPONSORS = 300
AGENCIES = 200


def _setup():
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beian.settings")
    import django

    django.setup()


class RowMaker:
    """Turns one template instance of a model into a row tuple; chosen columns change per row.

    The template goes through each field's own database preparation once; the values that change per
    row are ints, text, booleans, datetimes and JSON lists, converted by the cheapest adapter that is
    right for them (the full field preparation of every value would be most of the generator's time)."""

    def __init__(self, model, connection, **template):
        from django.db.models import DateTimeField, JSONField

        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.columns = [field.column for field in self.fields]
        instance = model(**template)
        self.template = []
        for field in self.fields:
            value = field.pre_save(instance, True)
            if isinstance(field, JSONField):
                self.template.append(json.dumps(value, ensure_ascii=False))
            else:
                self.template.append(field.get_db_prep_save(value, connection))
        self.position = {field.attname: index for index, field in enumerate(self.fields)}
        self.convert = {}
        for field in self.fields:
            if isinstance(field, JSONField):
                self.convert[field.attname] = lambda value: json.dumps(value, ensure_ascii=False)
            elif isinstance(field, DateTimeField):
                self.convert[field.attname] = connection.ops.adapt_datetimefield_value

    def row(self, **values) -> tuple:
        row = list(self.template)
        position, convert = self.position, self.convert
        for name, value in values.items():
            converter = convert.get(name)
            row[position[name]] = converter(value) if converter else value
        return tuple(row)


def _write(connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({marks})",
                               rows)


def _sponsors(now):
    from beian.accounts.models import User
    from beian.core.models import SponsorType
    from beian.sponsors.models import SponsorEntity

    enterprise = SponsorType.objects.get(code="enterprise")
    existing = list(SponsorEntity.objects.filter(owner__username__startswith="bench_owner_"))
    if len(existing) >= SPONSORS:
        return existing
    users = User.objects.bulk_create([User(username=f"bench_owner_{n:04d}", password="!", role="applicant")
                                      for n in range(len(existing), SPONSORS)])
    SponsorEntity.objects.bulk_create([
        SponsorEntity(owner=user, sponsor_type=enterprise, name=f"基准测试科技有限公司{user.pk}",
                      status="approved") for user in users])
    return list(SponsorEntity.objects.filter(owner__username__startswith="bench_owner_"))


def generate(count: int) -> dict:
    """Make sure `count` filed websites exist; returns timing and a sample of numbers and domains."""
    from django.core.management.color import no_style
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.utils import timezone

    from beian.core.models import Agency
    from beian.filings.models import KnownRecordNumber, Website, WebsiteApplication
    from beian.filings.record_numbers import website_category
    from beian.public.models import PublicDomain

    # The connection itself, not the django.db.connection proxy (an attribute lookup per value otherwise).
    connection = connections[DEFAULT_DB_ALIAS]
    started = time.perf_counter()
    have = Website.objects.count()
    now = timezone.now()
    if have < count:
        sponsors = _sponsors(now)
        agencies = list(Agency.objects.filter(level="county", active=True).order_by("code")[:AGENCIES])
        first_id = (Website.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        first_app = (WebsiteApplication.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        applications = RowMaker(WebsiteApplication, connection, owner_id=sponsors[0].owner_id,
                                sponsor_id=sponsors[0].pk, status="approved", kind="new", name="x",
                                interactive=False, agency_id=agencies[0].pk, submitted_at=now, decided_at=now)
        websites = RowMaker(Website, connection, application_id=1, sponsor_id=sponsors[0].pk,
                            agency_id=agencies[0].pk, record_number="0", name="x", filed_at=now, domains=[])
        domains = RowMaker(PublicDomain, connection, domain="x", website_id=1)
        known = RowMaker(KnownRecordNumber, connection, number="0", kind=KnownRecordNumber.Kind.ISSUED)
        category = website_category()
        rng = random.Random(11)
        app_rows, site_rows, domain_rows, known_rows = [], [], [], []
        last_serials = {}
        domain_id = (PublicDomain.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        for offset in range(count - have):
            number = have + offset
            sponsor = sponsors[number % len(sponsors)]
            agency = agencies[number % len(agencies)]
            serial = number // len(agencies) + 1
            name = f"基准网站{number:07d}"
            main = f"bench{number:07d}.cn"
            listed = [main, f"www.{main}"] if number % 2 == 0 else [main]
            filed_at = now - timedelta(days=rng.randint(0, 3000))
            app_id, site_id = first_app + offset, first_id + offset
            record_number = f"{agency.code}{category}{serial:06d}"
            last_serials[agency.pk] = serial
            app_rows.append(applications.row(id=app_id, owner_id=sponsor.owner_id, sponsor_id=sponsor.pk,
                                             agency_id=agency.pk, name=name))
            site_rows.append(websites.row(id=site_id, application_id=app_id, current_application_id=app_id,
                                          sponsor_id=sponsor.pk, agency_id=agency.pk, name=name,
                                          record_number=record_number, domains=listed, filed_at=filed_at))
            known_rows.append(known.row(number=record_number))
            for position, domain in enumerate(listed):
                domain_rows.append(domains.row(id=domain_id, domain=domain, website_id=site_id,
                                               is_main=position == 0, filed=True))
                domain_id += 1
            if len(site_rows) >= BATCH:
                _flush(connection, (applications, app_rows), (websites, site_rows), (domains, domain_rows),
                       (known, known_rows))
        _flush(connection, (applications, app_rows), (websites, site_rows), (domains, domain_rows),
               (known, known_rows))
        _advance_sequences(last_serials, category)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [WebsiteApplication, Website,
                                                                            PublicDomain]):
                cursor.execute(statement)
            cursor.execute("ANALYZE")
    elapsed = round(time.perf_counter() - started, 1)
    return {"records": count, "existing": have, "generated_in_s": elapsed}


def _advance_sequences(last_serials: dict[int, int], category: str) -> None:
    """Move each agency's sequence to its highest generated serial (never back)."""
    from beian.filings.models import RecordNumberSequence

    current = dict(RecordNumberSequence.objects.filter(category=category, agency_id__in=list(last_serials))
                   .values_list("agency_id", "last_serial"))
    RecordNumberSequence.objects.bulk_create(
        [RecordNumberSequence(agency_id=agency_id, category=category,
                              last_serial=max(serial, current.get(agency_id, 0)))
         for agency_id, serial in last_serials.items()],
        update_conflicts=True, unique_fields=["agency", "category"], update_fields=["last_serial"])


def _flush(connection, *tables):
    from django.db import transaction

    with transaction.atomic():
        for maker, rows in tables:
            if rows:
                _write(connection, maker.model._meta.db_table, maker.columns, rows)
            rows.clear()


def samples(size: int = 5000) -> dict:
    """Record numbers and domains to ask for, spread over the whole table."""
    from beian.filings.models import Website

    total = Website.objects.count()
    rng = random.Random(5)
    ids = sorted(rng.sample(range(1, total + 1), min(size, total)))
    rows = list(Website.objects.filter(id__in=ids).values_list("record_number", "domains"))
    return {"numbers": [row[0] for row in rows], "domains": [row[1][-1] for row in rows if row[1]]}
