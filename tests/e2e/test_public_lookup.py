"""A visitor looks up a website by its domain from the landing page, opens the record, goes to the
badge kit and follows the link inside the filing code back to the record."""

import re

from playwright.sync_api import expect

from tests.public import helpers


def test_lookup_by_domain_record_page_and_badge_link(page, accessible):
    website = helpers.file_website(name="云景读书会", main_domain="e2e-lookup.cn",
                                   other_domains=["www.e2e-lookup.cn"])
    page.goto("/")
    accessible(page)
    page.get_by_label("备案号、域名或网站名称").fill("www.e2e-lookup.cn")
    page.get_by_role("button", name="查询", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("查询备案")
    accessible(page)
    page.get_by_role("link", name="云景读书会").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("云景读书会")
    expect(page.locator("main")).to_contain_text(website.record_number_text)
    expect(page.locator("main")).to_contain_text("已备案")
    accessible(page)
    page.get_by_role("link", name="本网站的备案图标与备案编号代码").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("备案图标与备案编号代码")
    accessible(page)
    snippet = page.locator("#filing-code").input_value()
    assert website.record_number_text in snippet and "badge-v1-20" in snippet
    link = re.search(r'href="([^"]+)"', snippet).group(1)
    page.goto(link)
    expect(page).to_have_url(re.compile(rf"/records/{website.record_number}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("云景读书会")
    accessible(page)


def test_statistics_and_an_unknown_number(page, accessible):
    helpers.file_website(main_domain="e2e-stats.cn")
    page.goto("/statistics")
    expect(page.get_by_role("heading", level=1)).to_have_text("公开统计")
    expect(page.locator("svg.chart")).to_have_count(2)
    accessible(page)
    page.goto("/records/11010502999999")
    expect(page.get_by_role("heading", level=1)).to_have_text("未找到备案")
    accessible(page)
