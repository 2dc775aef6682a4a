"""The CSV import page declares its own body limit (ADR 0096): files far larger than an ordinary page
accepts reach the import, and a body beyond the import's own limit is refused before it is read."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from beian.unregistered.models import UnregisteredWebsite
from tests.unregistered.helpers import csv_bytes, row

pytestmark = pytest.mark.usefixtures("reference_data")


def test_a_csv_larger_than_a_page_accepts_is_imported(client, signed_in, supervisor, settings):
    settings.REQUEST_MAX_BODY_BYTES = 4 * 1024
    data = csv_bytes([row(f"site{number}.cn") for number in range(60)])
    assert len(data) > settings.REQUEST_MAX_BODY_BYTES
    signed_in(supervisor)
    response = client.post(reverse("unregistered:upload"),
                           {"file": SimpleUploadedFile("sites.csv", data, content_type="text/csv")})
    assert response.status_code == 200
    assert UnregisteredWebsite.objects.count() == 60


def test_a_body_beyond_the_import_limit_is_refused_with_413(client, signed_in, supervisor, settings):
    settings.UNREGISTERED_UPLOAD_MAX_BYTES = 16 * 1024
    data = csv_bytes([row(f"site{number}.cn") for number in range(3000)])
    assert len(data) > 16 * 1024 + 256 * 1024  # the file limit plus the form's other fields
    signed_in(supervisor)
    response = client.post(reverse("unregistered:upload"),
                           {"file": SimpleUploadedFile("sites.csv", data, content_type="text/csv")})
    assert response.status_code == 413
    assert "请求过大" in response.content.decode()
    assert not UnregisteredWebsite.objects.exists()
