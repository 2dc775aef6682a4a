from django.urls import path

from beian.inspections import views

app_name = "inspections"

urlpatterns = [
    path("<int:appointment_id>/book/", views.pick_slot_view, name="pick_slot"),
    path("<int:appointment_id>/other-times/", views.ask_for_other_slots_view, name="ask_for_other_slots"),
]
