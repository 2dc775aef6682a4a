"""Public pages on a phone and on a desktop (issue 18): nothing wider than the window, a record number
on one line, and chart labels whole (English agency names used to end as "Cyber Securit…")."""

import pytest
from playwright.sync_api import expect

from tests.public import helpers

NO_PAGE_OVERFLOW = "document.documentElement.scrollWidth <= window.innerWidth"
# Each chart label's lines joined, and whether the label lies inside its chart's drawing area.
CHART_LABELS = """() => [...document.querySelectorAll("svg.chart text.label")].map(label => {
    const box = label.getBBox(), view = label.ownerSVGElement.viewBox.baseVal;
    const lines = [...label.querySelectorAll("tspan")].map(line => line.textContent);
    return {text: lines.length ? lines.join(" ") : label.textContent,
            inside: box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width
                    && box.y + box.height <= view.height};
})"""


@pytest.fixture
def open_page(browser, live_server, reference_data):
    contexts = []

    def open_(path, *, width, language="zh-CN"):
        context = browser.new_context(base_url=live_server.url, locale=language,
                                      viewport={"width": width, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(path)
        return page

    yield open_
    for context in contexts:
        context.close()


def test_the_record_page_fits_a_phone_with_the_record_number_on_one_line(open_page):
    website = helpers.file_website(name="云景读书会", main_domain="e2e-narrow-record.cn")
    page = open_page(f"/records/{website.record_number}", width=390)
    expect(page.get_by_role("heading", level=1)).to_have_text("云景读书会")
    assert page.evaluate(NO_PAGE_OVERFLOW)
    numbers = page.locator("main .record-number")
    expect(numbers).to_have_count(2)  # under the heading and in the list
    for number in numbers.all():
        assert number.inner_text() == website.record_number_text
        assert number.evaluate("element => element.getClientRects().length") == 1, "broken over lines"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_statistics_in_english_fit_the_window_with_whole_chart_labels(open_page, width):
    helpers.file_website(main_domain="e2e-layout-stats.cn")
    page = open_page("/statistics", width=width, language="en-US")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open statistics")
    assert page.evaluate(NO_PAGE_OVERFLOW)
    agencies = page.locator("#review-title ~ .table-scroll tbody th").all_inner_texts()
    assert agencies and agencies[0].startswith("Cyber Security")
    labels = page.evaluate(CHART_LABELS)
    assert {label["text"] for label in labels} >= set(agencies), "a label is cut"
    assert all(label["inside"] for label in labels), labels
    assert not [label for label in labels if "…" in label["text"]]
