from django.urls import path

from beian.unregistered import views

app_name = "unregistered"

urlpatterns = [
    path("", views.mine_view, name="mine"),
    path("<int:site_id>/file-it/", views.file_it_view, name="file_it"),
    path("workbench/", views.workbench_view, name="workbench"),
    path("workbench/overdue/", views.enforcement_view, name="enforcement"),
    path("workbench/<int:site_id>/", views.detail_view, name="detail"),
    path("workbench/export.<str:file_format>", views.export_view, name="export"),
    path("workbench/upload/", views.upload_view, name="upload"),
    path("workbench/imports/<int:run_id>/", views.import_run_view, name="import_run"),
    path("workbench/imports/<int:run_id>/errors.csv", views.import_errors_view, name="import_errors"),
]
