from django.urls import path

from beian.data_rights import views

app_name = "data_rights"

urlpatterns = [
    path("data/", views.my_data, name="my_data"),
    path("data/request/", views.request_export, name="request_export"),
    path("data/<int:export_id>/download/", views.download, name="download"),
    path("close/", views.close_account, name="close_account"),
]
