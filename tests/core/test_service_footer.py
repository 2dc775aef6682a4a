"""The service footer of every page: operator, contact and the platform's own record numbers, from
settings; an empty setting hides its part."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

CONFIGURED = {
    "SERVICE_OPERATOR": "某市公安局网安支队",
    "SERVICE_CONTACT_PHONE": "010-12345678",
    "SERVICE_CONTACT_EMAIL": "help@beian.example.cn",
    "SERVICE_RECORD_NUMBER": "京公网安备 11010502030143号",
    "SERVICE_RECORD_URL": "",
    "SERVICE_ICP_NUMBER": "京ICP备12345678号-1",
}


@override_settings(**CONFIGURED)
def test_the_footer_shows_operator_contact_and_record_numbers(client):
    page = client.get("/").content.decode()
    footer = page[page.index('<footer class="site-footer">'):]
    assert "主办单位" in footer and "某市公安局网安支队" in footer
    assert '<a href="tel:010-12345678">010-12345678</a>' in footer
    assert '<a href="mailto:help@beian.example.cn">help@beian.example.cn</a>' in footer
    # The record number links to the platform's own public record, with the badge image.
    assert '<a href="/records/11010502030143"><img src="/static/public/badge-v1-20.png"' in footer
    assert "京公网安备 11010502030143号" in footer
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">京ICP备12345678号-1</a>' in footer


@override_settings(**CONFIGURED)
def test_the_footer_is_on_pages_of_other_apps_in_english_too(client):
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Operated by" in page and "Telephone" in page and "11010502030143" in page


@override_settings(**{**CONFIGURED, "SERVICE_CONTACT_PHONE": "", "SERVICE_ICP_NUMBER": "",
                      "SERVICE_RECORD_URL": "https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"})
def test_an_empty_setting_hides_its_part_and_the_record_link_can_point_elsewhere(client):
    page = client.get("/").content.decode()
    footer = page[page.index('<footer class="site-footer">'):]
    assert "联系电话" not in footer and "tel:" not in footer
    assert "ICP" not in footer
    assert "help@beian.example.cn" in footer
    assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"' in footer
