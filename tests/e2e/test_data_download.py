"""The person's rights (issue 15 item 4): an applicant asks for a copy of their data on "My data"
(linked from the account menu), the page shows it ready (tasks run at once in tests), the ZIP
downloads, and it holds data.json with their account and sponsor entity, and their ID photos."""

import json
import re
import zipfile

from playwright.sync_api import expect

from beian.core.models import AuditEntry
from tests.e2e.accounts_helpers import clean_limits  # noqa: F401
from tests.e2e.staff_helpers import sign_in
from tests.factories import PASSWORD, make_applicant
from tests.filings.helpers import approved_sponsor
from tests.sponsors.helpers import PERSON_ID


def test_an_applicant_downloads_a_copy_of_their_data(page, accessible, tmp_path, clean_limits):  # noqa: F811
    owner = approved_sponsor(make_applicant("data_copy_owner")).owner
    sign_in(page, owner.username, PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    page.get_by_role("link", name="我的信息：下载个人信息副本、注销账号").click()
    expect(page.locator("h1")).to_have_text("我的信息")
    accessible(page)

    page.get_by_role("button", name="生成我的个人信息副本").click()
    expect(page.locator(".notice-success")).to_contain_text("您的副本正在准备中")
    link = page.get_by_role("link", name=re.compile(r"下载 ZIP 文件"))
    expect(link).to_be_visible()
    expect(page.locator("main table")).to_contain_text("可以下载")
    accessible(page)

    with page.expect_download() as download_info:
        link.click()
    saved = tmp_path / "copy.zip"
    download_info.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
        data = json.loads(archive.read("data.json"))
    assert data["account"]["username"] == "data_copy_owner"
    assert data["sponsor_entity"]["person_certificate_number"] == PERSON_ID
    assert sum(name.startswith("files/") for name in names) == 3  # ID photos (front, back), licence
    assert AuditEntry.objects.filter(actor=owner, action="personal_data_downloaded").count() == 1

    page.get_by_role("link", name="注销我的账号").click()
    expect(page.locator("h1")).to_have_text("注销账号")
    accessible(page)
