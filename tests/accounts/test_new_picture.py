"""A new picture for the human check without posting the form (the picture is a button, ADR 0020)."""

import pytest
from captcha.models import CaptchaStore
from django.test import override_settings
from django.urls import reverse

from tests.accounts.helpers import STRONG_PASSWORD
from tests.accounts.test_sign_in import LOGIN
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db
NEW_PICTURE = reverse("captcha-new")


def test_a_new_picture_is_a_fresh_challenge_whose_image_is_served(client):
    first = client.get(NEW_PICTURE)
    second = client.get(NEW_PICTURE)
    assert first.status_code == 200 and "no-store" in first["Cache-Control"]
    key = first.json()["key"]
    assert CaptchaStore.objects.filter(hashkey=key).exists()
    assert second.json()["key"] != key
    image = client.get(first.json()["image_url"])
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


@override_settings(CAPTCHA_TEST_MODE=False)
def test_the_new_picture_answers_the_form(client):
    user = make_applicant()
    key = client.get(NEW_PICTURE).json()["key"]
    answer = CaptchaStore.objects.get(hashkey=key).response
    response = client.post(LOGIN, {"username": user.username, "password": STRONG_PASSWORD,
                                   "captcha_0": key, "captcha_1": answer})
    assert response.status_code == 302


def test_only_get_and_the_form_names_the_endpoint_and_the_script(client):
    assert client.post(NEW_PICTURE).status_code == 405
    page = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert f'data-new-picture-url="{NEW_PICTURE}"' in page and 'data-new-picture-label="换一张"' in page
    assert 'src="/static/accounts/human-check.js" defer' in page
    # Without JavaScript the form's own button still shows another picture.
    assert 'name="captcha_switch" value="image"' in page
    text_page = client.get(LOGIN + "?check=text").content.decode()
    assert "data-new-picture-url" not in text_page
