from django.urls import path

from beian.filings.views import attachments, changes, pages, wizard

app_name = "filings"

urlpatterns = [
    path("new/", wizard.new_view, name="new"),
    path("<int:application_id>/", pages.application_view, name="application"),
    path("<int:application_id>/step/<slug:step>/", wizard.step_view, name="step"),
    path("<int:application_id>/check-field/<slug:step>/", wizard.check_field_view, name="check_field"),
    path("<int:application_id>/check/", wizard.check_view, name="check"),
    path("<int:application_id>/submit/", wizard.submit_view, name="submit"),
    path("<int:application_id>/withdraw/", wizard.withdraw_view, name="withdraw"),
    path("under-review/", pages.under_review_view, name="under_review"),
    path("filed/", pages.filed_view, name="filed"),
    path("filed/<int:website_id>/", pages.website_view, name="website"),
    path("changes/", changes.changes_view, name="changes"),
    path("filed/<int:website_id>/change/", changes.start_change_view, name="start_change"),
    path("documents/<int:document_id>/", pages.leader_document_view, name="leader_document"),
    path("pre-approval-scans/<int:declaration_id>/", attachments.pre_approval_scan_view,
         name="pre_approval_scan"),
    path("<int:application_id>/security-scheme/", attachments.security_scheme_view, name="security_scheme"),
]
