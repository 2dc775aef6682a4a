"""The register of personal data in the staff area: the administrators and the auditor read it, in
their language; other roles are refused."""

import pytest

from beian.accounts.models import User

pytestmark = pytest.mark.django_db
Role = User.Role
URL = "/staff/personal-data/"


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMINISTRATOR, Role.SECURITY_ADMINISTRATOR, Role.AUDITOR])
def test_administrators_and_the_auditor_read_the_register(client, staff, signed_in, role):
    signed_in(staff(role))
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Register of personal data" in page
    assert "<code>person_certificate_number_encrypted</code>" in page
    assert "encrypted, shown masked" in page and "image of an identity document" in page
    assert "<code>RETENTION_CANCELLED_SPONSOR_DOCUMENTS_DAYS</code>" in page
    assert "a public office&#x27;s telephone, given to applicants" in page  # the exemptions, with reasons
    home = client.get("/staff/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'href="{URL}"' in home


def test_the_register_speaks_chinese_by_default(client, staff, signed_in):
    signed_in(staff(Role.SYSTEM_ADMINISTRATOR))
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "个人信息登记表" in page and "加密存储，脱敏显示" in page and "敏感" in page


@pytest.mark.parametrize(("role", "agency"), [(Role.REVIEWER, "330106"), (Role.SUPERVISOR, "330100"),
                                              (Role.APPLICANT, None)])
def test_other_roles_are_refused(client, staff, signed_in, role, agency):
    user = staff(role, agency)
    signed_in(user)
    assert client.get(URL).status_code == 403
    if user.needs_second_factor:
        assert f'href="{URL}"' not in client.get("/staff/").content.decode()


def test_the_page_is_read_only(client, staff, signed_in):
    signed_in(staff(Role.AUDITOR))
    assert client.post(URL).status_code == 405
