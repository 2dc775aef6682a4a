from django.urls import path

from beian.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:message_id>/", views.detail, name="detail"),
    path("mark-all-read/", views.mark_all_read, name="mark_all_read"),
]
