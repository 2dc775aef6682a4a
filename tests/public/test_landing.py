import pytest

pytestmark = pytest.mark.django_db


def test_landing_page_is_chinese_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="zh-Hans">' in page
    assert "向公安机关备案您的网站" in page
    assert "30 日内" in page
    assert "21 个工作日" in page
    assert "English" in page  # the switch offers the other language


def test_landing_page_in_english_on_request(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "File your website with the public security organs" in page
    assert "within\n    30 days" in page or "within 30 days" in page
    assert "中文" in page


def test_language_switch_keeps_the_visitor_on_the_same_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/?next=/x"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/x"
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in page and "Sign in" in page


def test_language_switch_refuses_to_leave_the_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.content.decode()


def test_unknown_urls_get_a_friendly_page_in_the_current_language(client):
    response = client.get("/no-such-page", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get("/no-such-page")
    assert "页面不存在" in response.content.decode()


def test_server_errors_show_no_internals(client, settings):
    from django.test import RequestFactory

    from beian.core.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Traceback" not in page and "出错了" in page
