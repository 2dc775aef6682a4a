"""/filings/badge-checks/ — the sponsor's re-check of a filed website (applicant area)."""

from django.urls import path

from beian.badge_checks import views

app_name = "badge_checks_sponsor"

urlpatterns = [
    path("<int:website_id>/recheck/", views.recheck_view, name="recheck"),
]
