from django.urls import path

from beian.unregistered import views

app_name = "unregistered"

urlpatterns = [
    path("", views.mine_view, name="mine"),
    path("search/", views.search_view, name="search"),
    path("<int:site_id>/file-it/", views.file_it_view, name="file_it"),
    path("workbench/<int:site_id>/", views.detail_view, name="detail"),
    *views.pages.urlpatterns(prefix="workbench/"),
]
