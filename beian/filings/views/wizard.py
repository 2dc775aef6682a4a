"""The applicant's new-website wizard (SPEC §4.3): sponsor → basic information → leaders → prompt →
check your answers → submit. Thin: the forms read the answers, the services save and submit."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from beian.accounts.models import User
from beian.core.body_limits import body_limit
from beian.filings import checks, selectors, services
from beian.filings.forms import STEP_FORMS, check_url_for
from beian.filings.labels import labels_for
from beian.filings.models import AccessProvider, SecurityNotice, WebsiteApplication
from beian.filings.progress import STEPS, step_list
from beian.sponsors import selectors as sponsor_selectors
from beian.staff.permissions import role_required

APPLICANT = User.Role.APPLICANT


def _own(request, application_id: int) -> WebsiteApplication:
    try:
        return selectors.application_of(request.user, application_id)
    except WebsiteApplication.DoesNotExist as missing:
        raise Http404 from missing


def _step_url(application, step: str):
    if step == "check":
        return redirect("filings:check", application.pk)
    return redirect("filings:step", application.pk, step)


@role_required(APPLICANT)
@require_http_methods(["GET", "POST"])
def new_view(request):
    """Step 1 of a new application: the sponsor entity; "Next" creates the draft."""
    sponsor = sponsor_selectors.entity_of(request.user)
    if request.method == "POST":
        try:
            application = services.start_application(actor=request.user)
        except services.FilingActionRefused as refused:
            messages.error(request, str(refused))
            return redirect("filings:new")
        return redirect("filings:step", application.pk, "basic")
    drafts = selectors.applications_of(request.user).filter(status__in=[WebsiteApplication.Status.DRAFT,
                                                                        WebsiteApplication.Status.RETURNED])
    return render(request, "filings/step_sponsor.html", {
        "sponsor": sponsor, "drafts": drafts, "steps": step_list(None), "current": "sponsor",
        "can_start": sponsor is not None and sponsor.status in ("submitted", "approved")})


def _reasons_by_field(application) -> dict[str, list[dict]]:
    by_field: dict[str, list[dict]] = {}
    if application.status in (WebsiteApplication.Status.RETURNED, WebsiteApplication.Status.DRAFT):
        for reason in application.return_reasons:
            by_field.setdefault(checks.form_field_of(reason.get("field") or ""), []).append(reason)
    return by_field


def _render_step(request, application, step, form, *, status=200):
    problems = checks.application_problems(application)
    findings = checks.findings_by_field(problems, get_language())
    reasons = _reasons_by_field(application)
    rows = {field.name: {"field": field, "findings": findings.get(field.name, []),
                         "reasons": reasons.get(field.name, [])} for field in form if field.name != "version"}
    shown = set(rows)
    context = {
        "application": application, "form": form, "rows": rows, "step": step, "steps": step_list(application),
        "current": step, "other_reasons": [r for name, found in reasons.items() if name not in shown
                                           for r in found],
    }
    if step == "basic":
        context["providers"] = AccessProvider.objects.filter(active=True)
        context["number_rows"] = [rows[field.name] for field in form.document_number_fields()]
        for name, condition in form.shown_when().items():
            rows[name]["shown_when"] = condition
        context["scans"] = application.pre_approvals.exclude(scan="").select_related("pre_approval")
    elif step == "leaders":
        context["leader_groups"] = [
            {"prefix": prefix, "title": role.label, "same_as": rows[f"{prefix}_same_as_person_in_charge"],
             "rows": [rows[field.name] for field in form.fields_of(prefix)]}
            for role, prefix in checks.LEADER_PREFIX.items()]
        context["photo_rows"] = [rows[field.name] for field in form.photo_fields()]
        context["photos"] = application.leader_documents.all()
        context["sponsor"] = application.sponsor
    elif step == "prompt":
        context["notice"] = SecurityNotice.current()
    return render(request, f"filings/step_{step}.html", context, status=status)


@body_limit("PHOTO_PAGE_MAX_BODY_BYTES")  # photos up to 15 MB each, made smaller (ADR 0109)
@role_required(APPLICANT)
@require_http_methods(["GET", "POST"])
def step_view(request, application_id: int, step: str):
    application = _own(request, application_id)
    if step not in STEP_FORMS:
        raise Http404
    if not application.is_editable:
        messages.info(request, _("This application has been submitted and cannot be changed now."))
        return redirect("filings:application", application.pk)
    form_class, initial = STEP_FORMS[step]
    check_url = check_url_for(application, step)
    if request.method == "GET":
        return _render_step(request, application, step, form_class(initial=initial(application),
                                                                    check_url=check_url,
                                                                    application=application))
    form = form_class(request.POST, request.FILES, check_url=check_url, application=application)
    if not form.is_valid():
        return _render_step(request, application, step, form, status=400)
    try:
        application = services.save_draft_step(actor=request.user, application=application, step=step,
                                               data=form.step_data(), version=form.cleaned_data["version"])
    except services.FilingActionRefused as refused:  # StaleDraft included: the typed answers stay
        form.add_error(None, str(refused))
        return _render_step(request, application, step, form, status=409)
    action = request.POST.get("action", "continue")
    index = STEPS.index(step)
    if action == "leave":
        messages.success(request, _("Saved. You can continue this application later from "
                                    "“Filings under review”."))
        return redirect("filings:under_review")
    if action == "back":
        return redirect("filings:new") if index == 1 else _step_url(application, STEPS[index - 1])
    return _step_url(application, STEPS[index + 1])


@role_required(APPLICANT)
@require_POST
def check_field_view(request, application_id: int, step: str):
    """Live check (htmx): the findings of one field, as the applicant leaves it."""
    application = _own(request, application_id)
    if step not in STEP_FORMS:
        raise Http404
    field_name = request.headers.get("HX-Trigger-Name") or request.POST.get("_field", "")
    form = STEP_FORMS[step][0](request.POST, application=application)
    if field_name not in form.fields:
        return render(request, "filings/field_findings.html", {"name": "unknown", "findings": []}, status=400)
    form.is_valid()
    data = form.step_data()  # the valid part of the answers
    website = leaders = None
    if step == "basic":
        website = checks.website_document_from_step(data)
    elif step == "leaders":
        leaders = checks.leader_documents_from_step(data, application.sponsor)
    problems = checks.application_problems(application, website=website, leaders=leaders)
    findings = checks.findings_by_field(problems, get_language()).get(field_name, [])
    errors = form.errors.get(field_name, [])
    return render(request, "filings/field_findings.html", {"name": field_name, "findings": findings,
                                                           "errors": errors})


@role_required(APPLICANT)
def check_view(request, application_id: int):
    """Check your answers: everything given, every finding and what is missing; submit when clean."""
    application = _own(request, application_id)
    if not application.is_editable:
        return redirect("filings:application", application.pk)
    problems = checks.application_problems(application)
    findings = checks.described(checks.stored_findings(problems), get_language())
    for finding in findings:
        field = checks.form_field_of(finding["field"])
        finding["step"] = checks.step_of_field(field)
    missing = checks.missing_fields(application)
    return render(request, "filings/step_check.html", {
        "application": application, "steps": step_list(application, missing), "current": "check",
        "findings": findings, "missing": missing, "labels": labels_for(application),
        "leaders": application.leaders.select_related("certificate_type"),
        "can_submit": not missing and not checks.has_errors(problems)})


@role_required(APPLICANT)
@require_POST
def submit_view(request, application_id: int):
    application = _own(request, application_id)
    try:
        item = services.submit_application(actor=request.user, application=application)
    except services.SubmissionBlocked:
        messages.error(request, _("The application cannot be submitted yet: correct the problems listed "
                                  "below, then submit again."))
        return redirect("filings:check", application.pk)
    except services.FilingActionRefused as refused:
        messages.error(request, str(refused))
        return redirect("filings:application", application.pk)
    messages.success(request, _("Submitted. The police decide by %(date)s; you will be told by SMS and "
                                "system message.") % {"date": item.due_date.isoformat()})
    return redirect("filings:application", application.pk)


@role_required(APPLICANT)
@require_POST
def withdraw_view(request, application_id: int):
    application = _own(request, application_id)
    try:
        services.withdraw_application(actor=request.user, application=application)
    except services.FilingActionRefused as refused:
        messages.error(request, str(refused))
        return redirect("filings:application", application.pk)
    messages.success(request, _("The application has been withdrawn."))
    return redirect("filings:under_review")
