"""On the check-your-answers page the "Change" links stand after their section headings, not inside
them: a heading names its section only (issue 18, item 8c)."""

import re

import pytest
from django.urls import reverse

from tests.filings import helpers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "change"), [("en", "Change"), ("zh-hans", "修改")])
def test_no_heading_holds_a_change_link(client, sponsor, language, change):
    application = helpers.complete_application(sponsor)
    client.force_login(sponsor.owner)
    response = client.get(reverse("filings:check", args=[application.pk]), HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    headings = re.findall(r"<h([23])[^>]*>(.*?)</h\1>", page, flags=re.S)
    assert headings and not [text for _, text in headings if "<a " in text]
    links = re.findall(r'<a href="/filings/\d+/step/(\w+)/" class="change-link">' + change, page)
    assert links == ["basic", "leaders", "prompt"]
