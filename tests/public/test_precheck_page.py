import pytest

pytestmark = pytest.mark.django_db


def test_the_page_is_public_and_bilingual(client):
    assert "提交前先检查" in client.get("/precheck").content.decode()
    assert "Check before you file" in client.get("/precheck", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_findings_are_listed_with_their_rule_and_a_link_to_the_field(client):
    response = client.post("/precheck", {
        "website_name": "中国新闻网", "domains": "example.cn\nnot a domain",
        "sponsor_type": "individual", "sponsor_name": "王先生",
        "certificate_type": "uscc", "certificate_number": "91330106MA2H0Q1X3M",
    }, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    for rule in ("website_name.national_prefix", "domain.invalid", "certificate.type_not_allowed",
                 "person_name.placeholder"):
        assert rule in page, rule
    assert 'href="#id_domains"' in page and 'href="#id_website_name"' in page
    assert "cannot be submitted" in page
    assert 'value="王先生"' in page  # nothing typed is lost


def test_a_clean_entry_says_so(client):
    response = client.post("/precheck", {"website_name": "云栖科技", "domains": "yunqi-tech.cn"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "No problems found" in response.content.decode()


def test_an_empty_form_asks_for_something(client):
    response = client.post("/precheck", {}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Fill in at least one field" in response.content.decode()


def test_an_unknown_choice_is_a_field_error_not_a_crash(client):
    response = client.post("/precheck", {"sponsor_type": "pirate"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
