from django.urls import path

from beian.review.views import dashboard, detail, queue

app_name = "review"

urlpatterns = [
    path("", queue.queue_view, name="queue"),
    path("bulk-assign/", queue.bulk_assign_view, name="bulk_assign"),
    path("views/", queue.save_view, name="save_view"),
    path("views/<int:view_id>/delete/", queue.delete_view, name="delete_view"),
    path("<int:item_id>/", detail.detail_view, name="detail"),
    path("<int:item_id>/assign/", detail.assign_view, name="assign"),
    path("<int:item_id>/unassign/", detail.unassign_view, name="unassign"),
    path("<int:item_id>/decide/<slug:decision>/", detail.decide_view, name="decide"),
    path("dashboard/", dashboard.dashboard_view, name="dashboard"),
    path("export.<str:file_format>", dashboard.export_view, name="export"),
]
