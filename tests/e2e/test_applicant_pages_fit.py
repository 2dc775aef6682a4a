"""Every applicant and public page fits a 375 px phone without sideways scrolling, and a desktop
window too, and passes the axe check at both widths (issue 18, item 7).

The data is built once: an approved sponsor with a filed website (long domain), an application
under review with a face review offered, a returned application and a legacy record to claim."""

from beian.filings import services
from beian.inspections.models import Appointment
from beian.notifications.models import SystemMessage
from tests.e2e.staff_helpers import sign_in
from tests.factories import make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, submitted_application
from tests.inspections.helpers import interactive_application, offered
from tests.legacy.helpers import import_, row
from tests.public.helpers import file_website

APPLICANT_PASSWORD = "Tiger-lily-2026"
VIEWPORTS = [(375, 800), (1280, 900)]
LONG_DOMAIN = "yunjing-technology-enterprise-portal-customer-service-centre.cn"
RETURN_REASONS = [{"code": "domain-unreachable", "text": "域名无法访问", "text_zh": "域名无法访问",
                   "text_en": "The domain does not answer", "field": "website.domains[0]"}]

# The elements that stick out of the window: past its right edge while their parent is not, and not
# inside a container that scrolls or clips its own overflow (a .table-scroll wrapper is fine). An
# absolutely positioned element escapes such a container unless a positioned ancestor holds it: it is
# reported (a visually hidden text in a wide table cell can push the page sideways).
OVERFLOWING = """() => {
  const width = window.innerWidth;
  const clipped = (el) => {
    if (getComputedStyle(el).position === 'absolute') return false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const out = (el) => el.getBoundingClientRect().right > width + 1;
  const parentOut = (el) => el.parentElement !== document.body && out(el.parentElement);
  return [...document.body.querySelectorAll('*')]
    .filter((el) => out(el) && !parentOut(el) && !clipped(el))
    .slice(0, 6)
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (typeof el.className === 'string' && el.className.trim()
         ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
      + ' right=' + Math.round(el.getBoundingClientRect().right)
      + ' "' + (el.textContent || '').trim().slice(0, 40) + '"');
}"""


def _build_data():
    sponsor = approved_sponsor(make_applicant("fit_applicant"))
    website = file_website(sponsor, main_domain=LONG_DOMAIN, home_url=f"https://{LONG_DOMAIN}/")
    under_review = interactive_application(sponsor)
    offered(under_review, make_reviewer(), mode=Appointment.Mode.FACE_REVIEW)
    returned = submitted_application(sponsor, name="云景客服中心")
    services.return_application(actor=make_reviewer(), application=returned, reasons=RETURN_REASONS)
    import_(row(domain="yunjing-old-portal-of-the-company-before-the-new-platform.cn"))
    return sponsor, website, under_review, returned


def _public_urls(website) -> list[str]:
    return ["/", "/precheck", "/records/", f"/records/{website.record_number}", "/statistics",
            "/api/v1/docs", "/accounts/login/", "/accounts/register/", "/accounts/password/reset/"]


def _applicant_urls(website, under_review, returned) -> list[str]:
    message = SystemMessage.objects.filter(user=website.sponsor.owner).latest("pk")
    return [
        "/accounts/", "/sponsor/", "/sponsor/edit/", "/sponsor/documents/",
        f"/filings/{under_review.pk}/", f"/filings/{returned.pk}/",
        f"/filings/{returned.pk}/step/basic/", f"/filings/{returned.pk}/step/leaders/",
        f"/filings/{returned.pk}/step/prompt/", f"/filings/{returned.pk}/check/",
        "/filings/under-review/", "/filings/filed/", f"/filings/filed/{website.pk}/", "/filings/changes/",
        "/claims/", "/claims/search/", "/unregistered/", "/cancellations/",
        f"/cancellations/website/{website.pk}/", "/messages/", f"/messages/{message.pk}/",
        "/my-account/data/", "/accounts/password/change/",
    ]


def _problems_at(page, url: str, accessible) -> list[str]:
    problems = []
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        response = page.goto(url)
        if response is None or response.status >= 400:
            problems.append(f"{url} answered {response and response.status}")
            continue
        scroll_width, inner_width = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]")
        if scroll_width > inner_width:
            problems.append(f"{url} at {width}px scrolls sideways ({scroll_width} > {inner_width}): "
                            + "; ".join(page.evaluate(OVERFLOWING)))
        try:
            accessible(page)
        except AssertionError as error:
            problems.append(f"{url} at {width}px: {error}")
    return problems


def test_applicant_and_public_pages_fit_a_phone_and_a_desktop(page, accessible):
    sponsor, website, under_review, returned = _build_data()
    problems = []
    for url in _public_urls(website):
        problems += _problems_at(page, url, accessible)
    sign_in(page, sponsor.owner.username, APPLICANT_PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    for url in _applicant_urls(website, under_review, returned):
        problems += _problems_at(page, url, accessible)
    assert not problems, "\n".join(problems)
