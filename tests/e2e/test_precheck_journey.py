from playwright.sync_api import expect


def test_a_visitor_checks_a_website_name_before_registering(page, accessible):
    page.goto("/")
    page.get_by_role("link", name="提交前先检查").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("提交前先检查")
    accessible(page)
    page.get_by_label("网站名称").fill("中国新闻网")
    page.get_by_label("域名").fill("bbs.example.cn")
    page.get_by_label("开办主体性质").select_option("enterprise")
    page.get_by_role("button", name="检查").click()
    findings = page.locator("[data-error-summary]")
    expect(findings).to_be_focused()
    expect(findings.locator('[data-rule="website_name.national_prefix"]').first).to_be_visible()
    expect(findings).not_to_contain_text("website_name.national_prefix")  # the rule id is not shown
    accessible(page)
    findings.get_by_role("link", name="网站名称").first.click()
    expect(page.get_by_label("网站名称")).to_be_focused()
