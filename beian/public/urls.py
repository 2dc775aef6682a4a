from django.urls import path

from beian.public import views

app_name = "public"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("precheck", views.precheck, name="precheck"),
    path("statistics", views.statistics_view, name="statistics"),
]
