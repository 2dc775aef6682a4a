"""Scope of every filings URL: staff roles are refused (403/404), another applicant gets 404 for
objects that are not theirs; anonymous visitors are covered by tests/test_url_access.py."""

import pytest
from django.urls import reverse

from beian.filings import services
from tests.factories import make_staff, sign_in_verified
from tests.filings import helpers
from tests.test_url_access import ALL_PATTERNS, _sample_path

pytestmark = pytest.mark.django_db
STAFF_ROLES = {"reviewer": "110105", "supervisor": "330100", "system_administrator": None,
               "security_administrator": None, "auditor": None}
FILINGS_PATTERNS = [pattern for _, pattern in ALL_PATTERNS if pattern.startswith("filings/")]
CASES = [(role, pattern) for role in STAFF_ROLES for pattern in FILINGS_PATTERNS]


@pytest.mark.parametrize(("role", "pattern"), CASES, ids=[f"{r}:{p}" for r, p in CASES])
def test_staff_roles_are_refused(client, reference_data, role, pattern):
    sign_in_verified(client, make_staff(role, STAFF_ROLES[role]))
    assert client.get(_sample_path(pattern)).status_code in (403, 404, 405)
    assert client.post(_sample_path(pattern)).status_code in (403, 404, 405)


def test_another_applicant_gets_404_on_every_object_url(client, sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    draft = services.start_application(actor=sponsor.owner)
    website = services.approve_application(actor=reviewer, application=application)
    client.force_login(helpers.approved_sponsor().owner)
    urls = [reverse("filings:application", args=[draft.pk]), reverse("filings:check", args=[draft.pk]),
            reverse("filings:website", args=[website.pk])]
    urls += [reverse("filings:step", args=[draft.pk, step]) for step in ("basic", "leaders", "prompt")]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("filings:start_change", args=[website.pk])).status_code == 404
    assert client.get(reverse("filings:security_scheme", args=[draft.pk])).status_code == 404
    for name in ("submit", "withdraw"):
        assert client.post(reverse(f"filings:{name}", args=[draft.pk])).status_code == 404, name
    assert client.post(reverse("filings:check_field", args=[draft.pk, "basic"]),
                       HTTP_HX_TRIGGER_NAME="name").status_code == 404
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_every_filings_url_is_covered():
    assert len(FILINGS_PATTERNS) == 16
