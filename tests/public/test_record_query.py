"""The record by number as a statement compiled once per connection (ADR 0080, addendum 2): the same
values the ORM gives, nothing for an unknown number, counted like any query, and prepared on
PostgreSQL unless PUBLIC_RECORD_PREPARED is off."""

import pytest
from django.db import connection

from beian.filings.models import Website
from beian.public import record_query, selectors
from tests.public import helpers

pytestmark = pytest.mark.django_db


def test_the_row_is_what_the_orm_gives(reference_data):
    website = helpers.file_website()
    row = selectors.website_by_number(website.record_number)
    expected = Website.objects.values(*selectors.PUBLIC_COLUMNS).get(pk=website.pk)
    assert row == expected
    assert row["filed_at"].tzinfo is not None and isinstance(row["domains"], list)


def test_an_unknown_number_has_no_row(reference_data):
    helpers.file_website()
    assert selectors.website_by_number("11010502999999") is None


def test_the_statement_is_one_logged_query(reference_data, django_assert_num_queries):
    website = helpers.file_website()
    selectors.website_by_number(website.record_number)  # compiled on the first read
    with django_assert_num_queries(1):
        selectors.website_by_number(website.record_number)


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


@pytest.mark.postgres
def test_postgresql_prepares_the_statement(reference_data):
    website = helpers.file_website()
    for _ in range(2):
        assert selectors.website_by_number(website.record_number)["name"] == website.name
    assert any("filings_website" in statement for statement in _prepared_statements())


@pytest.mark.postgres
def test_without_prepared_statements_the_plain_cursor_reads(reference_data, settings, monkeypatch):
    settings.PUBLIC_RECORD_PREPARED = False

    def refuse(connection):
        raise AssertionError("PUBLIC_RECORD_PREPARED=False must not prepare")

    monkeypatch.setattr(record_query, "_preparing_cursor", refuse)
    website = helpers.file_website()
    assert selectors.website_by_number(website.record_number)["name"] == website.name
