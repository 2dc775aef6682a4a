"""Short forms (issue 18 item 2): fields that apply only after another answer say so to the page,
optional answers are marked, the steps read as a task list with their states, and a first sponsor
form starts from the account's own details."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from beian.filings import services
from beian.filings.forms import BasicForm
from beian.filings.progress import step_list
from tests.factories import make_applicant
from tests.filings import helpers

pytestmark = pytest.mark.django_db

RETURN_REASONS = [{"code": "domain-unreachable", "text_zh": "域名无法访问",
                   "text_en": "The domain does not answer", "field": "website.domains[0]"}]


def _wrapper_of(page: str, field: str) -> str:
    """The opening tag of the wizard row that holds the field's input."""
    position = page.index(f'name="{field}"')
    return page[page.rindex('<div class="wizard-field', 0, position):][:200]


def _basic_page(client, application) -> str:
    client.force_login(application.owner)
    return client.get(reverse("filings:step", args=[application.pk, "basic"])).content.decode()


def test_interactive_services_and_each_pre_approval_number_follow_their_answer(client, sponsor):
    application = services.start_application(actor=sponsor.owner)
    page = _basic_page(client, application)
    assert 'data-shown-when="interactive=yes"' in _wrapper_of(page, "interactive_services")
    form = BasicForm(application=application)
    assert form.pre_approval_rows, "the reference data declares pre-approvals"
    code = form.pre_approval_rows[0].code
    for part in ("number", "scan"):
        assert f'data-shown-when="pre_approvals={code}"' in _wrapper_of(page, f"pre_approval_{part}_{code}")
    assert "data-shown-when" not in _wrapper_of(page, "name")


def test_optional_answers_are_marked_and_required_ones_are_not(client, sponsor):
    application = services.start_application(actor=sponsor.owner)
    with translation.override("zh-hans"):
        page = _basic_page(client, application)
    labels = dict(re.findall(r'<label for="id_([a-z_]+)">(.*?)</label>', page, re.S))
    for optional in ("other_domains", "icp_number", "registrar"):
        assert "（选填）" in labels[optional], optional
    for required in ("name", "main_domain", "ips"):
        assert "选填" not in labels[required], required


def test_the_task_list_says_what_is_done_what_is_missing_and_what_was_returned(sponsor, reviewer):
    application = services.start_application(actor=sponsor.owner)
    states = {step["name"]: step["state"] for step in step_list(application)}
    assert states == {"sponsor": "done", "basic": "to_do", "leaders": "to_do", "prompt": "to_do",
                      "check": "to_do"}

    complete = helpers.complete_application(sponsor)
    assert {step["name"]: step["state"] for step in step_list(complete)} == {
        "sponsor": "done", "basic": "done", "leaders": "done", "prompt": "done", "check": "ready"}

    services.submit_application(actor=complete.owner, application=complete)
    complete.refresh_from_db()
    services.return_application(actor=reviewer, application=complete, reasons=RETURN_REASONS)
    complete.refresh_from_db()
    states = {step["name"]: step["state"] for step in step_list(complete)}
    assert states["basic"] == "returned"
    assert states["leaders"] == "done"
    assert states["check"] == "to_do"


def test_the_wizard_page_shows_each_step_with_its_state(client, sponsor):
    application = services.start_application(actor=sponsor.owner)
    with translation.override("zh-hans"):
        page = _basic_page(client, application)
    start = page.index('class="wizard-progress')
    progress = page[start:page.index("</nav>", start)]
    assert 'class="is-done"' in progress and "已完成" in progress
    assert "is-to_do is-current" in progress and 'aria-current="step"' in progress
    assert "未完成" in progress


def test_a_first_sponsor_form_starts_from_the_account(client, reference_data):
    applicant = make_applicant()
    client.force_login(applicant)
    page = client.get(reverse("sponsors:edit")).content.decode()
    assert f'value="{applicant.mobile}"' in page
    assert f'value="{applicant.email}"' in page
    assert f'name="person_name" value="{applicant.real_name}"' in page or \
        re.search(r'name="person_name"[^>]*value="' + applicant.real_name, page)


def test_an_individual_sponsor_is_named_after_the_account(client, reference_data):
    applicant = make_applicant()
    client.force_login(applicant)
    page = client.post(reverse("sponsors:edit"),
                       {"sponsor_type": "individual", "refresh": "1"}).content.decode()
    assert re.search(r'name="name"[^>]*value="' + applicant.real_name, page)


def test_the_account_never_overwrites_what_was_typed(client, reference_data):
    applicant = make_applicant()
    client.force_login(applicant)
    page = client.post(reverse("sponsors:edit"), {"sponsor_type": "enterprise", "refresh": "1",
                                                  "mobile": "13900000000"}).content.decode()
    assert re.search(r'name="mobile"[^>]*value="13900000000"', page)
    assert not re.search(r'name="name"[^>]*value="' + applicant.real_name, page)
