"""The security administrator's pages for one kind of bearer token (ADR 0098): the list (never the
tokens themselves), creation with the token shown once, and revocation after a confirmation.

Written once for every kind: an app makes one `TokenPages` with its token model, the form that
creates one (`form.issue(actor=, client_address=)` → (row, text)) and the queryset to list, and
mounts `urlpatterns()` under a namespace of its own.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from beian.core import bearer_tokens
from beian.core.http import client_address
from beian.staff.permissions import TOKEN_ADMINISTRATORS, role_required

PAGE_SIZE = 50


@dataclass(frozen=True)
class TokenPages:
    form_class: type
    tokens: Callable[[], QuerySet]
    title: str  # lazy: the heading of the list
    owner_label: str  # lazy: the column of who a token acts for

    def urlpatterns(self) -> list:
        def guard(view):
            return role_required(*TOKEN_ADMINISTRATORS)(require_http_methods(["GET", "POST"])(view))

        return [path("", guard(self.token_list), name="list"),
                path("<int:pk>/revoke/", guard(self.revoke), name="revoke")]

    def token_list(self, request):
        """GET lists; POST creates one and shows its text on this answer only (never stored)."""
        created = None
        form = self.form_class(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            created = form.issue(actor=request.user, client_address=client_address(request))
            form = self.form_class()
        page = Paginator(bearer_tokens.listing(self.tokens()), PAGE_SIZE).get_page(request.GET.get("page"))
        response = render(request, "staff/tokens.html", {
            "pages": self, "form": form, "page": page, "created": created,
            "namespace": request.resolver_match.namespace})
        if created:
            response["Cache-Control"] = "no-store"
        return response

    def revoke(self, request, pk):
        token = get_object_or_404(self.tokens(), pk=pk)
        namespace = request.resolver_match.namespace
        if request.method == "POST":
            revoked = bearer_tokens.revoke(token=token, actor=request.user,
                                           client_address=client_address(request))
            message = (_("The token %(prefix)s… is revoked: it no longer opens the API.") if revoked
                       else _("The token %(prefix)s… was already revoked."))
            messages.success(request, message % {"prefix": token.prefix})
            return redirect(f"{namespace}:list")
        return render(request, "staff/token_revoke.html",
                      {"pages": self, "token": token, "namespace": namespace})
