"""/review/badges/ — the police workbench of badge-display checks."""

from django.urls import path

from beian.badge_checks import views

app_name = "badge_checks"

urlpatterns = [
    path("", views.workbench_view, name="workbench"),
    path("export.<str:file_format>", views.export_view, name="export"),
    path("run/", views.run_view, name="run"),
]
