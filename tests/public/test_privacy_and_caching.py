"""No personal data of individuals in public output; cache invalidation on change and cancellation;
conditional GET; the lookup's rate limit."""

import pytest
from django.urls import reverse

from beian.public import record_cache
from tests.public import helpers
from tests.sponsors.helpers import INDIVIDUAL_ID, PERSON_ID

pytestmark = pytest.mark.django_db


def test_no_personal_data_of_an_individual_in_any_public_view(client, reference_data):
    sponsor = helpers.individual_sponsor()
    website = helpers.file_website(sponsor, name="李娜的读书笔记", main_domain="lina-notes.cn",
                                   service_types=["personal_blog"])
    number = website.record_number
    outputs = {
        "record": client.get(reverse("records:record", args=[number])),
        "badge": client.get(reverse("records:badge", args=[number])),
        "json": client.get(f"/api/v1/records/{number}"),
        "json by domain": client.get("/api/v1/records", {"domain": "lina-notes.cn"}),
        "lookup by domain": client.get(reverse("records:lookup"), {"q": "lina-notes.cn"}),
        "lookup by name": client.get(reverse("records:lookup"), {"q": "读书笔记"}),
        "statistics": client.get(reverse("public:statistics")),
        "landing": client.get(reverse("public:landing")),
    }
    masked = INDIVIDUAL_ID[:4]
    for label, response in outputs.items():
        assert response.status_code == 200, label
        body = response.content.decode()
        # The website name itself contains the name here: look for it outside the website name.
        body = body.replace("李娜的读书笔记", "")
        assert helpers.PERSON_NAME not in body, label
        assert INDIVIDUAL_ID not in body and PERSON_ID not in body, label
        assert f"{masked}****" not in body and "**********" not in body, label
    data = outputs["json"].json()
    assert data["sponsor_is_unit"] is False and data["sponsor_name"] is None
    assert data["sponsor_type"]["code"] == "individual"
    assert sponsor.name == helpers.PERSON_NAME  # the person's name exists, and was not shown
    assert "个人" in outputs["record"].content.decode()


def test_unit_pages_never_show_certificate_numbers(client, reference_data):
    website = helpers.file_website()
    sponsor = website.sponsor
    body = client.get(reverse("records:record", args=[website.record_number])).content.decode()
    body += client.get(f"/api/v1/records/{website.record_number}").content.decode()
    assert sponsor.name in body
    assert sponsor.certificate_number not in body and sponsor.person_certificate_number not in body
    assert sponsor.person_name not in body


def test_a_change_of_the_record_invalidates_page_and_json(client, django_capture_on_commit_callbacks,
                                                          reference_data):
    website = helpers.file_website()
    url = reverse("records:record", args=[website.record_number])
    api = f"/api/v1/records/{website.record_number}"
    assert client.get(api).json()["website_name"] == "云景科技官网"
    first_etag = client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        helpers.rename(website, "云景科技新官网")
    assert client.get(api).json()["website_name"] == "云景科技新官网"
    response = client.get(url)
    assert "云景科技新官网" in response.content.decode() and response["ETag"] != first_etag


def test_a_cancellation_invalidates_page_and_json(client, django_capture_on_commit_callbacks, reference_data):
    website = helpers.file_website()
    api = f"/api/v1/records/{website.record_number}"
    assert client.get(api).json()["status"] == "filed"
    with django_capture_on_commit_callbacks(execute=True):
        helpers.cancel(website)
    assert client.get(api).json()["status"] == "cancelled"
    assert "注销" in client.get(reverse("records:record", args=[website.record_number])).content.decode()


def test_the_cache_answers_without_the_database(client, django_assert_num_queries, reference_data):
    website = helpers.file_website()
    api = f"/api/v1/records/{website.record_number}"
    client.get(api)
    with django_assert_num_queries(0):
        assert client.get(api).status_code == 200


def test_a_rolled_back_change_keeps_the_cache(client, reference_data):
    website = helpers.file_website()
    entry = record_cache.entry(website.record_number)
    try:
        from django.db import transaction

        with transaction.atomic():
            website.name = "回滚的名称"
            website.save()
            raise RuntimeError
    except RuntimeError:
        pass
    assert record_cache.entry(website.record_number) == entry


def test_a_change_is_cached_again_from_the_primary_database(monkeypatch, django_capture_on_commit_callbacks,
                                                            reference_data):
    """With a read replica the next reader must not cache the old record from a lagging replica: the
    hook writes the entry from the primary database right after the commit (ADR 0080, addendum 3)."""
    from beian.public import selectors

    website = helpers.file_website()
    record_cache.entry(website.record_number)
    monkeypatch.setattr(selectors, "public_database", lambda: "a-replica-that-must-not-be-asked")
    with django_capture_on_commit_callbacks(execute=True):
        website.name = "改过名的网站"
        website.save()
    assert record_cache.entry(website.record_number)["data"]["website_name"] == "改过名的网站"


def test_conditional_get_answers_304(client, reference_data):
    website = helpers.file_website()
    page = reverse("records:record", args=[website.record_number])
    for url in (f"/api/v1/records/{website.record_number}", page):
        response = client.get(url)
        etag = response["ETag"]
        assert etag and "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again["ETag"] == etag and again.content == b""
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_reader_of_public_pages_gets_no_cookie(client, reference_data):
    """A visitor who only reads carries no cookie, so a CDN keyed on Cookie can serve everyone from
    one copy (the language switch in the header has no CSRF token; ADR 0080, addendum 3)."""
    website = helpers.file_website()
    number = website.record_number
    for url in (reverse("records:record", args=[number]), reverse("records:badge", args=[number]),
                reverse("records:lookup"), f"{reverse('records:lookup')}?q=example.cn",
                reverse("public:statistics"), reverse("public:landing")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, list(response.cookies))
    assert "public" in client.get(reverse("records:record", args=[number]))["Cache-Control"]


def test_the_language_switch_needs_no_csrf_token(reference_data):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/records/"})
    assert response.status_code == 302 and response["Location"] == "/records/"
    assert client.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get("/records/").content.decode()


def test_a_signed_in_visitor_gets_a_private_page(client, reference_data):
    website = helpers.file_website()
    client.force_login(website.sponsor.owner)
    response = client.get(reverse("records:record", args=[website.record_number]))
    assert "private" in response["Cache-Control"]
    assert "public" in client.get(f"/api/v1/records/{website.record_number}")["Cache-Control"]


def test_the_lookup_is_rate_limited_with_a_friendly_page(client, settings, reference_data):
    settings.PUBLIC_LOOKUP_RATE_PER_MINUTE = 3
    for _ in range(3):
        assert client.get(reverse("records:lookup"), {"q": "example.cn"}).status_code == 200
    response = client.get(reverse("records:lookup"), {"q": "example.cn"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "稍候" in response.content.decode() or "秒" in response.content.decode()
    response = client.get("/api/v1/records", {"domain": "example.cn"})
    assert response.status_code == 429 and response.json()["detail"][0]["message"]
    # Record pages stay open.
    assert client.get("/records/11010502999999").status_code == 404
    # Another client is not affected.
    assert client.get(reverse("records:lookup"), {"q": "example.cn"},
                      REMOTE_ADDR="10.0.0.9").status_code == 200
