from django.urls import path

from beian.sponsors import review_views, views

app_name = "sponsors"

urlpatterns = [
    path("", views.entity_view, name="entity"),
    path("edit/", views.edit_view, name="edit"),
    path("show/<str:which>/", views.owner_reveal_view, name="owner_reveal"),
    path("documents/", views.documents_view, name="documents"),
    path("documents/<int:document_id>/", views.document_view, name="document"),
    path("submit/", views.submit_view, name="submit"),
    path("divisions/cities/", views.city_options_view, name="city_options"),
    path("divisions/counties/", views.county_options_view, name="county_options"),
    path("review/<int:item_id>/reveal/", review_views.reveal_view, name="reveal"),
]
