"""URL map. Every view needs a signed-in user unless it is marked @login_not_required (deny by
default; tests/test_url_access.py walks every pattern)."""

from django.contrib import admin
from django.urls import include, path

from beian.accounts.language import set_language_view
from beian.api.urls import api_urls
from beian.core import views as core_views

urlpatterns = [
    path("", include("beian.public.urls")),
    path("accounts/", include("beian.accounts.urls")),
    path("my-account/", include("beian.data_rights.urls")),
    path("captcha/", include("beian.accounts.captcha_urls")),
    path("staff/api-tokens/", include("beian.imports.token_urls")),
    path("staff/", include("beian.staff.urls")),
    path("messages/", include("beian.notifications.urls")),
    path("i18n/setlang/", set_language_view, name="set_language"),  # no CSRF token: ADR 0080 add. 3
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", api_urls),
    path("workbench/", include("beian.imports.urls")),
    path("review/badges/", include("beian.badge_checks.urls")),
    path("review/", include("beian.review.urls")),
    path("sponsor/", include("beian.sponsors.urls")),
    path("filings/badge-checks/", include("beian.badge_checks.sponsor_urls")),
    path("filings/", include("beian.filings.urls")),
    path("records/", include("beian.public.record_urls")),
    path("unregistered/", include("beian.unregistered.urls")),
    path("legacy/", include("beian.legacy.urls")),
    path("claims/", include("beian.legacy.claim_urls")),
    path("cancellations/", include("beian.cancellations.urls")),
    path("inspections/", include("beian.inspections.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "beian.core.views.bad_request"
handler403 = "beian.core.views.permission_denied"
handler404 = "beian.core.views.page_not_found"
handler500 = "beian.core.views.server_error"
