"""Open statistics (aggregates only, cached) and the badge image (20-px PNG, hashed static name)."""

import io
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from beian.public import statistics
from beian.public.badge import BADGE_PNG, BADGE_SVG
from beian.public.badge_image import render_png
from beian.review.models import ReturnReason, ReviewEvent, ReviewItem
from tests.public import helpers


@pytest.mark.django_db
def test_statistics_count_by_province_and_show_a_chart(client, reference_data):
    helpers.file_website(main_domain="stats-one.cn")
    helpers.file_website(main_domain="stats-two.cn")
    cancelled = helpers.file_website(main_domain="stats-three.cn")
    helpers.cancel(cancelled)
    figures = statistics.compute()
    assert [(row["prefix"], row["count"]) for row in figures["provinces"]] == [("11", 2)]
    assert figures["provinces"][0]["name_zh"] == "北京市" and figures["provinces"][0]["abbreviation"] == "京"
    assert figures["review_times"] and figures["review_times"][0]["code"] == "110105"
    response = client.get(reverse("public:statistics"))
    page = response.content.decode()
    assert response.status_code == 200
    chart = page[page.index("<svg"):page.index("</svg>")]  # the first chart: filed websites by province
    assert "北京市" in chart and chart.count("<rect") == 1, chart
    assert "public" in response["Cache-Control"]


@pytest.mark.django_db
def test_statistics_list_the_most_frequent_return_reasons(reference_data):
    helpers.file_website(main_domain="stats-reasons.cn")
    item = ReviewItem.objects.first()
    ReturnReason.objects.update_or_create(code="stats-reason", defaults={"text_zh": "材料不清晰",
                                                                         "text_en": "Unclear documents"})
    for _ in range(3):
        ReviewEvent.objects.create(item=item, action="returned", reasons=[{"code": "stats-reason"}])
    old = ReviewEvent.objects.create(item=item, action="returned", reasons=[{"code": "old-reason"}])
    ReviewEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=200))
    reasons = statistics.compute()["return_reasons"]
    assert reasons[0] == {"code": "stats-reason", "text_zh": "材料不清晰", "text_en": "Unclear documents",
                          "count": 3}
    assert "old-reason" not in [row["code"] for row in reasons]


@pytest.mark.django_db
def test_statistics_are_cached(client, reference_data):
    client.get(reverse("public:statistics"))
    helpers.file_website(main_domain="stats-late.cn")
    assert statistics.figures()["provinces"] == []  # the cached figures (computed before the filing)


def test_the_png_badge_is_20_pixels_high_and_matches_the_drawing():
    path = finders.find(BADGE_PNG)
    with Image.open(path) as image:
        assert image.size == (20, 20) and image.format == "PNG"
    assert open(path, "rb").read() == render_png(20)
    assert finders.find(BADGE_SVG)


def test_the_badge_gets_a_content_hash_in_production(tmp_path, settings):
    """Production storage (collectstatic with ManifestStaticFilesStorage, whitenoise's hashed names
    served with a ten-year max-age)."""
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    call_command("collectstatic", "--noinput", "-v", "0")
    storage = ManifestStaticFilesStorage(location=tmp_path)
    hashed = storage.stored_name(BADGE_PNG)
    assert hashed != BADGE_PNG and hashed.startswith("public/badge-v1-20.") and hashed.endswith(".png")
    from whitenoise.middleware import WhiteNoiseMiddleware

    middleware = WhiteNoiseMiddleware(lambda request: None)
    assert middleware.immutable_file_test("", f"/static/{hashed}")
    assert io.BytesIO((tmp_path / hashed).read_bytes()).getvalue() == (tmp_path / BADGE_PNG).read_bytes()
