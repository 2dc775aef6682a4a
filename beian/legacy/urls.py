"""The workbench pages of legacy records (police): list, enforcement list, detail, export, upload."""

from django.urls import path

from beian.legacy import views

app_name = "legacy"

urlpatterns = [
    path("<int:record_id>/", views.detail_view, name="detail"),
    *views.pages.urlpatterns(prefix=""),
]
