"""The lookup page: numbers go straight to the record, domains and names list results."""

import pytest
from django.urls import reverse

from beian.filings.models import RecordAlias
from beian.public.models import PublicDomain
from tests.public import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def website(reference_data):
    return helpers.file_website(name="云景读书会", main_domain="yunjing-books.cn",
                                other_domains=["books-yunjing.com"])


def lookup(client, query, **extra):
    return client.get(reverse("records:lookup"), {"q": query}, **extra)


def test_the_lookup_page_without_a_query(client, reference_data):
    response = client.get(reverse("records:lookup"))
    assert response.status_code == 200 and 'name="q"' in response.content.decode()


@pytest.mark.parametrize("spelling", ["{n}", "京公网安备 {n}号", "京公网安备{n}", "{n}号", " {n} "])
def test_a_record_number_goes_straight_to_its_page(client, website, spelling):
    response = lookup(client, spelling.format(n=website.record_number))
    assert response.status_code == 302
    assert response["Location"] == reverse("records:record", args=[website.record_number])


def test_a_legacy_number_goes_to_the_current_record(client, website):
    RecordAlias.objects.create(number="11010502000077", website=website)
    response = lookup(client, "京公网安备 11010502000077号")
    assert response["Location"] == reverse("records:record", args=[website.record_number])


def test_an_unknown_number_says_so(client, reference_data):
    response = lookup(client, "11010502999999")
    assert response.status_code == 200 and "11010502999999" in response.content.decode()


@pytest.mark.parametrize("query", ["yunjing-books.cn", "www.yunjing-books.cn", "m.shop.yunjing-books.cn",
                                   "https://www.yunjing-books.cn/", "books-yunjing.com",
                                   "www.books-yunjing.com"])
def test_domain_lookup(client, website, query):
    response = lookup(client, query)
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("records:record", args=[website.record_number]) in page, query


def test_a_sub_domain_matches_only_under_a_main_domain(client, website):
    # books-yunjing.com is another domain of the site, not its main one: its sub-domains are not it.
    page = lookup(client, "shop.books-yunjing.com").content.decode()
    assert reverse("records:record", args=[website.record_number]) not in page


def test_the_closest_main_domain_wins(client, reference_data):
    parent = helpers.file_website(main_domain="closest-test.cn")
    child = helpers.file_website(main_domain="shop.closest-test.cn")
    page = lookup(client, "a.shop.closest-test.cn").content.decode()
    assert reverse("records:record", args=[child.record_number]) in page
    assert reverse("records:record", args=[parent.record_number]) not in page


def test_name_lookup_contains(client, website):
    page = lookup(client, "读书").content.decode()
    assert "云景读书会" in page and website.record_number_text in page
    assert "云景读书会" not in lookup(client, "没有这样的网站").content.decode()


def test_an_empty_query_is_a_400_with_a_message(client, reference_data):
    response = lookup(client, "  ")
    assert response.status_code == 400 and "notice-error" in response.content.decode()


def test_the_domain_index_follows_the_record(reference_data):
    website = helpers.file_website(main_domain="index-follow.cn", other_domains=["www.index-follow.cn"])
    rows = set(PublicDomain.objects.filter(website=website).values_list("domain", "is_main", "filed"))
    assert rows == {("index-follow.cn", True, True), ("www.index-follow.cn", False, True)}
    helpers.cancel(website)
    assert set(PublicDomain.objects.filter(website=website).values_list("filed", flat=True)) == {False}


def test_the_landing_page_has_the_lookup_box(client, reference_data):
    page = client.get(reverse("public:landing")).content.decode()
    assert f'action="{reverse("records:lookup")}"' in page and 'name="q"' in page
