"""/records/ — the public register (SPEC §6). Namespace "records": other apps reverse records:record."""

from django.urls import path

from beian.public import record_views

app_name = "records"

urlpatterns = [
    path("", record_views.lookup_view, name="lookup"),
    path("<str:digits>", record_views.record_view, name="record"),
    path("<str:digits>/badge", record_views.badge_view, name="badge"),
]
