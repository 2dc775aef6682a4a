from django.urls import path

from beian.filings.views import pages, wizard

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
    path("documents/<int:document_id>/", pages.leader_document_view, name="leader_document"),
]
