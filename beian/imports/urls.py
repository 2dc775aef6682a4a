"""/workbench/ — the user's past exports and imports, whichever list they came from."""

from django.urls import path

from beian.imports import export_views

app_name = "exports"

urlpatterns = [
    path("exports/", export_views.exports_view, name="list"),
    path("exports/<int:run_id>/download/", export_views.download_view, name="download"),
    path("imports/", export_views.imports_view, name="imports"),
]
