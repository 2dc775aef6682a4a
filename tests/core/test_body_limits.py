"""Bounded request bodies (issue 14 item 7, ADR 0096): a body larger than the page accepts is refused
with 413 from its Content-Length, before anything reads it; a body without a length is never read.

The requests go through Django's WSGI request handler with a body that is made on demand and counts
what the platform read of it, as a server would hand it over.
"""

import io
import json
import sys

import pytest
from django.template.defaultfilters import filesizeformat
from django.test.client import ClientHandler

from beian.core.body_limits import FORM_ALLOWANCE

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
BOUNDARY = "----beian-test-boundary"


class GeneratedBody(io.RawIOBase):
    """`size` bytes (a multipart head, then zeros) made as they are read; `consumed` counts them."""

    def __init__(self, head: bytes, size: int):
        self.head, self.size, self.consumed = head, size, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        count = min(len(buffer), self.size - self.consumed)
        start = self.consumed
        head = self.head[start:start + count]
        buffer[:len(head)] = head
        buffer[len(head):count] = bytes(count - len(head))
        self.consumed += count
        return count


def file_field_head(name="id_front", filename="scan.png") -> bytes:
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
            "Content-Type: image/png\r\n\r\n").encode()


def send(path: str, body: GeneratedBody, *, length: int | None, content_type: str, **headers):
    """POST through the WSGI handler, with the CSRF cookie a browser has (so the token check reads the
    form, as it does for every real form post)."""
    environ = {
        "REQUEST_METHOD": "POST", "PATH_INFO": path, "SCRIPT_NAME": "", "QUERY_STRING": "",
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1", "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.input": body,
        "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": False,
        "wsgi.run_once": False, "CONTENT_TYPE": content_type, "HTTP_COOKIE": "csrftoken=" + "a" * 32,
        **headers,
    }
    if length is not None:
        environ["CONTENT_LENGTH"] = str(length)
    return ClientHandler(enforce_csrf_checks=True)(environ)


def test_a_60_mb_upload_is_refused_before_its_body_is_read():
    size = 60 * MB
    body = GeneratedBody(file_field_head(), size)
    response = send("/sponsor/documents/", body, length=size,
                    content_type=f"multipart/form-data; boundary={BOUNDARY}")
    assert body.consumed == 0, f"{body.consumed / MB:.1f} MB read"
    assert response.status_code == 413
    page = response.content.decode().replace("\xa0", " ")
    # In the user's language, with the limit of the photo pages (ADR 0109).
    assert "请求过大" in page and filesizeformat(45 * MB + FORM_ALLOWANCE).replace("\xa0", " ") in page


@pytest.mark.parametrize("path", ["/sponsor/documents/", "/filings/1/step/leaders/"])
def test_the_photo_pages_let_three_12_mb_phone_photos_through(path):
    """Photos are made smaller, not refused (ADR 0109): a body of 40 MB reaches the page's form."""
    size = 40 * MB
    body = GeneratedBody(file_field_head(), size)
    response = send(path, body, length=size, content_type=f"multipart/form-data; boundary={BOUNDARY}")
    assert response.status_code != 413
    assert body.consumed > 0  # read by the page, not refused from its Content-Length


def test_other_pages_keep_the_10_mb_limit():
    body = GeneratedBody(file_field_head(), 20 * MB)
    response = send("/sponsor/edit/", body, length=20 * MB,
                    content_type=f"multipart/form-data; boundary={BOUNDARY}")
    assert body.consumed == 0 and response.status_code == 413
    assert "10.0" in response.content.decode()


def test_the_413_page_speaks_english_to_an_english_browser():
    body = GeneratedBody(file_field_head(), 20 * MB)
    response = send("/sponsor/edit/", body, length=20 * MB, HTTP_ACCEPT_LANGUAGE="en",
                    content_type=f"multipart/form-data; boundary={BOUNDARY}")
    assert response.status_code == 413
    assert "Request too large" in response.content.decode()


def test_a_chunked_body_without_a_length_is_refused_and_never_read():
    body = GeneratedBody(file_field_head(), 60 * MB)
    response = send("/sponsor/documents/", body, length=None, HTTP_TRANSFER_ENCODING="chunked",
                    content_type=f"multipart/form-data; boundary={BOUNDARY}")
    assert body.consumed == 0
    assert response.status_code == 411
    assert "Content-Length" in response.content.decode()


def test_form_fields_beyond_django_s_in_memory_limit_answer_413_not_400(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    size = 200 * 1024  # under the page's limit, over what Django keeps in memory for plain fields
    body = GeneratedBody(b"csrfmiddlewaretoken=" + b"a" * 32 + b"&note=", size)
    response = send("/accounts/login/", body, length=size,
                    content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert "请求过大" in response.content.decode()


def test_a_small_body_passes_the_limit(client):
    response = client.post("/accounts/login/", {"username": "nobody", "password": "x"})
    assert response.status_code != 413


def test_the_api_answers_413_and_411_in_its_own_error_shape():
    size = 5 * MB
    body = GeneratedBody(b'{"website": {"name": "', size)
    response = send("/api/v1/prechecks", body, length=size, content_type="application/json")
    assert body.consumed == 0
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "64.0\xa0KB" in json.loads(response.content)["detail"][0]["message"]
    chunked = send("/api/v1/prechecks", GeneratedBody(b"{}", 2), length=None,
                   HTTP_TRANSFER_ENCODING="chunked", content_type="application/json")
    assert chunked.status_code == 411
    assert "Content-Length" in json.loads(chunked.content)["detail"][0]["message"]
