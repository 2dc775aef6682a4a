"""The applicant's pages of the sponsor entity (thin: forms and services do the work)."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from beian.accounts import reauth
from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.body_limits import body_limit
from beian.core.private_files import image_response
from beian.sponsors import checks, divisions, selectors, services
from beian.sponsors.forms import (
    DocumentsForm,
    PasswordConfirmForm,
    SponsorEntityForm,
    current_numbers,
    initial_from_entity,
    kept_input,
    prefilled_from_account,
)
from beian.sponsors.models import SponsorDocument, SponsorEntity, SponsorIdentityChange
from beian.staff.permissions import role_required

APPLICANT = User.Role.APPLICANT


def _reasons_by_field(subject) -> dict[str, list[dict]]:
    by_field: dict[str, list[dict]] = {}
    if subject is None or subject.status != SponsorEntity.Status.RETURNED:
        return by_field
    for reason in subject.return_reasons:
        field = checks.FORM_FIELD.get(reason.get("field", ""), reason.get("field", "") or "")
        by_field.setdefault(field, []).append(reason)
    return by_field


def _returned_subject(entity):
    """What was returned and is being corrected: the entity, or a proposed identity change."""
    if entity is None:
        return None
    change = selectors.pending_change_of(entity)
    if change is not None and change.status == SponsorIdentityChange.Status.RETURNED:
        return change
    return entity if entity.status == SponsorEntity.Status.RETURNED else None


def _reveal_grant(entity, which: str) -> str:
    return f"sponsor:{entity.pk}:{which}"


def _shown_numbers(request, entity) -> dict:
    """The numbers the owner asked to see in full a few minutes ago; every other one is masked."""
    shown = {}
    for which in services.OWN_NUMBERS:
        until = reauth.granted_until(request, _reveal_grant(entity, which))
        if until is not None:
            number = entity.person_certificate_number if which == "person" else entity.certificate_number
            shown[which] = {"number": number, "until": until}
    return shown


@never_cache  # it may show a full number: the browser keeps no copy
@role_required(APPLICANT)
def entity_view(request):
    entity = selectors.entity_of(request.user)
    context = {"entity": entity}
    if entity is not None:
        context["shown"] = _shown_numbers(request, entity)
        change = selectors.pending_change_of(entity)
        problems = checks.problems_for(checks.entity_values(entity, identity=change))
        language = request.LANGUAGE_CODE
        context.update(
            item=selectors.review_item_of(entity),
            change=change,
            change_item=selectors.review_item_of(change) if change else None,
            division_name=divisions.full_name(entity.division),
            documents=entity.documents.all(),
            missing_documents=[SponsorDocument.Kind(kind).label
                               for kind in services.missing_documents(entity)],
            rule_errors=checks.described(checks.stored_findings(checks.errors(problems)), language),
            rule_warnings=checks.described(checks.stored_findings(checks.warnings(problems)), language),
            returned=_returned_subject(entity),
            can_submit=(entity.status in (SponsorEntity.Status.DRAFT, SponsorEntity.Status.RETURNED)
                        or (change is not None and change.status != SponsorIdentityChange.Status.SUBMITTED)),
        )
    return render(request, "sponsors/entity.html", context)


def _render_edit(request, form, entity, status=200):
    reasons = _reasons_by_field(_returned_subject(entity))
    rows = {field.name: {"field": field, "reasons": reasons.get(field.name, [])} for field in form}
    other_reasons = [reason for name, found in reasons.items() if name not in form.fields for reason in found]
    return render(request, "sponsors/edit.html", {
        "form": form, "entity": entity, "rows": rows, "other_reasons": other_reasons,
    }, status=status)


@role_required(APPLICANT)
@require_http_methods(["GET", "POST"])
def edit_view(request):
    entity = selectors.entity_of(request.user)
    if entity is not None and not entity.is_editable:
        messages.info(request, _("Your sponsor entity is under review and cannot be changed now."))
        return redirect("sponsors:entity")
    change = selectors.pending_change_of(entity) if entity else None
    lock_identity = change is not None and change.status == SponsorIdentityChange.Status.SUBMITTED
    current = current_numbers(entity, identity=change)
    if request.method == "GET" or request.POST.get("refresh"):
        if request.method == "POST":
            initial = kept_input(request.POST)
        else:
            initial = initial_from_entity(entity, identity=change) if entity else {}
        if entity is None:
            initial = prefilled_from_account(request.user, initial)
        return _render_edit(request, SponsorEntityForm(initial=initial, lock_identity=lock_identity,
                                                       current=current), entity)
    initial = initial_from_entity(entity, identity=change) if lock_identity else None
    form = SponsorEntityForm(request.POST, initial=initial, lock_identity=lock_identity, current=current)
    if form.is_valid():
        try:
            result = services.save_sponsor_entity(actor=request.user, values=form.cleaned_data)
        except services.SponsorActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Saved."))
            if result.change is not None and result.change.status != SponsorIdentityChange.Status.SUBMITTED:
                messages.info(request, _("The new name, type or certificate is a change that the police "
                                         "review: submit it from this page. Until it is approved, the "
                                         "approved data stays in force."))
            for warning in form.rule_warnings:
                messages.warning(request, warning)
            return redirect("sponsors:entity")
    return _render_edit(request, form, entity, status=400)


@never_cache
@role_required(APPLICANT)
@require_http_methods(["GET", "POST"])
def owner_reveal_view(request, which: str):
    """The owner's "show the full number": the password once more, then the number for a few minutes
    on the entity page (the view is audited; wrong passwords are counted like failed sign-ins)."""
    entity = selectors.entity_of(request.user)
    if entity is None or which not in services.OWN_NUMBERS or (which == "person" and not entity.is_unit):
        raise Http404
    form = PasswordConfirmForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        confirmation = reauth.confirm_password(request, form.cleaned_data["password"],
                                               purpose=f"reveal_{which}")
        if confirmation.ok:
            services.reveal_own_certificate_number(actor=request.user, which=which)
            reauth.grant(request, _reveal_grant(entity, which))
            return redirect(reverse("sponsors:entity") + f"#certificate-{which}")
        form.add_error("password", confirmation.error)
        status = 429 if confirmation.locked else 400
    elif request.method == "POST":
        status = 400
    return render(request, "sponsors/owner_reveal.html", {
        "form": form, "entity": entity, "which": which,
        "masked": entity.masked_person_certificate_number if which == "person"
        else entity.masked_certificate_number,
        "minutes": settings.OWNER_REVEAL_MINUTES}, status=status)


@body_limit("PHOTO_PAGE_MAX_BODY_BYTES")  # photos up to 15 MB each, made smaller (ADR 0109)
@role_required(APPLICANT)
@require_http_methods(["GET", "POST"])
def documents_view(request):
    entity = selectors.entity_of(request.user)
    if entity is None:
        messages.info(request, _("Fill in and save the sponsor entity first, then upload its documents."))
        return redirect("sponsors:edit")
    form = DocumentsForm(is_unit=entity.is_unit)
    if request.method == "POST":
        form = DocumentsForm(request.POST, request.FILES, is_unit=entity.is_unit)
        accepted = form.accepted_images()
        try:
            for kind, image in accepted.items():
                services.upload_document(actor=request.user, kind=kind, image=image)
        except services.SponsorActionRefused as refused:
            form.add_error(None, str(refused))
        if not form.errors:
            if accepted:
                messages.success(request, _("The documents are stored."))
            return redirect("sponsors:entity")
    status = 400 if form.errors else 200
    return render(request, "sponsors/documents.html", {
        "form": form, "entity": entity, "documents": {d.kind: d for d in entity.documents.all()}},
        status=status)


@role_required(APPLICANT)
@require_POST
def submit_view(request):
    try:
        item = services.submit_sponsor_entity(actor=request.user)
    except services.SponsorActionRefused as refused:
        messages.error(request, str(refused))
        return redirect("sponsors:entity")
    except services.SubmissionBlocked as blocked:
        for kind in blocked.missing_documents:
            messages.error(request, _("Upload this document: %(document)s.") % {
                "document": SponsorDocument.Kind(kind).label})
        if blocked.problems:
            entity = selectors.entity_of(request.user)
            change = selectors.pending_change_of(entity)
            form = SponsorEntityForm(initial_from_entity(entity, identity=change),
                                     current=current_numbers(entity, identity=change))
            form.is_valid()  # the rules speak next to their fields
            return _render_edit(request, form, entity, status=400)
        return redirect("sponsors:documents")
    messages.success(request, _("Submitted for review. The police decide by %(date)s.") % {
        "date": item.due_date.isoformat()})
    return redirect("sponsors:entity")


@require_GET
def document_view(request, document_id: int):
    """A document image for its owner or a reviewer of the jurisdiction (every reviewer view logged)."""
    try:
        document, by_reviewer = selectors.document_for_viewer(request.user, document_id)
    except SponsorDocument.DoesNotExist as missing:
        raise Http404 from missing
    if by_reviewer:
        audit.record(actor=request.user, action=AuditAction.DOCUMENT_VIEWED, target=document,
                     details={"entity": document.entity_id, "kind": document.kind})
    return image_response(document)


@role_required(APPLICANT)
@require_GET
def city_options_view(request):
    province = request.GET.get("province", "")
    cities = divisions.cities(province) if province.isdigit() else []
    return render(request, "sponsors/city_options.html", {"choices": cities})


@role_required(APPLICANT)
@require_GET
def county_options_view(request):
    city = request.GET.get("city", "")
    counties = divisions.counties(city) if city.isdigit() else []
    return render(request, "sponsors/options.html", {"choices": counties})
