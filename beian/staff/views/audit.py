"""The auditor's read-only view of the audit log (SPEC §8)."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from beian.accounts.models import User
from beian.core.audit import verify_chain
from beian.core.audit_actions import labelled
from beian.staff import selectors
from beian.staff.permissions import role_required

PAGE_SIZE = 50


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.CharField(label=_("Actor (username)"), required=False, max_length=150)
    since = forms.DateField(label=_("From (date)"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                            error_messages={"invalid": _("Enter a date such as 2026-01-31.")})
    until = forms.DateField(label=_("To (date)"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                            error_messages={"invalid": _("Enter a date such as 2026-01-31.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions"))] + labelled(selectors.audit_actions())

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned


@role_required(User.Role.AUDITOR)
@require_GET
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value}
    entries = selectors.audit_entries(tz=timezone.get_current_timezone(), **filters)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "staff/audit_log.html", {
        "form": form, "page": page, "filter_query": query.urlencode()})


@role_required(User.Role.AUDITOR)
@require_GET
def audit_verify(request):
    # Reads the whole log, so it runs when the auditor asks, not on every page of the log.
    return render(request, "staff/audit_verify.html", {"report": verify_chain()})
