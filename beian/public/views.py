from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from beian.core.prechecks import run_precheck
from beian.public import statistics
from beian.public.forms import PrecheckForm
from beian.rules import InputError


@login_not_required
def landing(request):
    return render(request, "public/landing.html", {
        "review_days": settings.REVIEW_DEADLINE_WORKING_DAYS,
        "late_days": settings.LATE_FILING_DAYS,
    })


@login_not_required
def precheck(request):
    """Check a website name, domains and a certificate before registering (SPEC §7, issue 3)."""
    form = PrecheckForm(request.POST if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.is_valid():
        document = form.document()
        if not document:
            form.add_error(None, _("Fill in at least one field to check."))
        else:
            try:
                result = run_precheck(document, get_language() or "zh-hans")
                _label_fields(result, form)
            except InputError as exc:
                form.add_error(None, str(exc))
    return render(request, "public/precheck.html", {"form": form, "result": result})


@login_not_required
@require_safe
def statistics_view(request):
    """Open statistics: aggregates only, cached (issue 8)."""
    response = render(request, "public/statistics.html", statistics.for_page(statistics.figures()))
    patch_cache_control(response, public=not request.user.is_authenticated,
                        private=request.user.is_authenticated, max_age=settings.PUBLIC_HTTP_MAX_AGE)
    return response

# Where a finding of the §7.1 document belongs on this form.
_FORM_FIELDS = {
    "sponsor.type": "sponsor_type", "sponsor.name": "sponsor_name",
    "sponsor.certificate_type": "certificate_type", "sponsor.certificate_number": "certificate_number",
    "website.name": "website_name",
}


def _label_fields(result: dict, form: PrecheckForm) -> None:
    for problem in result["problems"]:
        name = _FORM_FIELDS.get(problem["field"]) or (
            "domains" if problem["field"].startswith("website.domains") else None)
        bound = form[name] if name else None
        problem["label"] = bound.label if bound else ""
        problem["anchor"] = bound.id_for_label if bound else ""
