from django.urls import path

from beian.filings.views import pages

app_name = "records"

urlpatterns = [
    path("<str:digits>", pages.record_view, name="record"),
]
