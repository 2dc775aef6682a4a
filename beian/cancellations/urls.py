from django.urls import path

from beian.cancellations import views

app_name = "cancellations"

urlpatterns = [
    path("", views.list_view, name="list"),
    path("website/<int:website_id>/", views.new_view, name="new"),
    path("website/<int:website_id>/send-code/", views.send_code_view, name="send_code"),
    path("<int:cancellation_id>/", views.detail_view, name="detail"),
]
