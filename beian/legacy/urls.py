"""The workbench pages of legacy records (police): list, enforcement list, detail, export, upload."""

from django.urls import path

from beian.legacy import views

app_name = "legacy"

urlpatterns = [
    path("", views.workbench_view, name="workbench"),
    path("overdue/", views.enforcement_view, name="enforcement"),
    path("<int:record_id>/", views.detail_view, name="detail"),
    path("export.<str:file_format>", views.export_view, name="export"),
    path("upload/", views.upload_view, name="upload"),
    path("imports/<int:run_id>/", views.import_run_view, name="import_run"),
    path("imports/<int:run_id>/errors.csv", views.import_errors_view, name="import_errors"),
]
