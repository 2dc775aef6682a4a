"""The applicant's "website claim" menu (SPEC §4.8): records to claim, exact search, claim."""

from django.urls import path

from beian.legacy import claim_views

app_name = "claims"

urlpatterns = [
    path("", claim_views.mine_view, name="mine"),
    path("search/", claim_views.search_view, name="search"),
    path("claim/", claim_views.claim_view, name="claim"),
]
