"""A check that could not read the page says why in the reader's language, never with an
exception's own words; the failures list is searched by domain, sponsor or record number."""

import httpx
import pytest
from django.urls import reverse
from django.utils import translation

from beian.badge_checks import failure_texts
from beian.badge_checks.models import Outcome
from tests.badge_checks.test_workbench import stored
from tests.factories import make_reviewer, sign_in_verified
from tests.public import helpers

pytestmark = pytest.mark.django_db
DNS_FAILURE = httpx.ConnectError("[Errno -2] Name or service not known")


@pytest.mark.parametrize(("failure", "code"), [
    (DNS_FAILURE, failure_texts.NAME_NOT_FOUND),
    (httpx.ConnectError("[Errno 111] Connection refused"), failure_texts.REFUSED),
    (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"), failure_texts.TLS),
    (httpx.ReadTimeout("timed out"), failure_texts.TIMEOUT),
    (httpx.TooManyRedirects("Exceeded maximum allowed redirects."), failure_texts.REDIRECTS),
    (httpx.RemoteProtocolError("illegal header"), failure_texts.PROTOCOL),
    (ValueError("odd"), failure_texts.OTHER),
])
def test_exceptions_become_codes(failure, code):
    assert failure_texts.failure_code(failure) == code


def test_texts_are_translated_and_never_raw():
    with translation.override("zh-hans"):
        text = failure_texts.failure_text(failure_texts.NAME_NOT_FOUND)
        assert "域名" in text and "DNS" in text
        http_error = failure_texts.failure_text("HTTP 500")
        assert "500" in http_error and "HTTP 错误" in http_error
        # A check stored before the codes keeps the exception's words: they are never shown.
        old = failure_texts.failure_text("ConnectError: [Errno -2] Name or service not known")
        assert old == text
        assert "Error" not in failure_texts.failure_text("OSError: boom")


def test_the_workbench_shows_the_readable_failure_and_searches(client, reference_data):
    failing = helpers.file_website(main_domain="gone-wb.cn")
    other = helpers.file_website(main_domain="other-wb.cn")
    stored(failing, Outcome.UNREACHABLE, detail=failure_texts.NAME_NOT_FOUND)
    stored(other, Outcome.NO_LINK)
    sign_in_verified(client, make_reviewer())
    with translation.override("zh-hans"):
        page = client.get(reverse("badge_checks:workbench"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "gone-wb.cn" in page and "Name or service" not in page
    page = client.get(reverse("badge_checks:workbench"), {"q": "gone-wb"}).content.decode()
    assert "gone-wb.cn" in page and "other-wb.cn" not in page
    page = client.get(reverse("badge_checks:workbench"), {"q": failing.record_number}).content.decode()
    assert "gone-wb.cn" in page and "other-wb.cn" not in page
    page = client.get(reverse("badge_checks:workbench"), {"outcome": "no_link"}).content.decode()
    assert "other-wb.cn" in page and "gone-wb.cn" not in page
