"""The applicant's "website claim" menu (SPEC §4.8): the legacy records pushed to their sponsor entity,
their claims, an exact search (never a browse; rate-limited), and "Claim" (the filing wizard, prefilled)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.core import audit, ratelimit
from beian.core.audit_actions import AuditAction
from beian.core.http import client_address
from beian.filings.services import FilingActionRefused
from beian.legacy import selectors, services
from beian.legacy.forms import ClaimForm, SearchForm
from beian.staff.permissions import role_required

APPLICANT = User.Role.APPLICANT
# Searching is for finding one's own website, not for collecting other people's: a few a minute.
SEARCH_LIMITS = [ratelimit.Limit(10, 60), ratelimit.Limit(100, 24 * 3600)]
FOUND_SESSION_KEY = "legacy_found"
FOUND_KEPT = 20


def _render(request, *, status=200, **extra):
    context = {"records": selectors.for_applicant(request.user), "search_form": SearchForm(),
               "today": timezone.localdate(), **extra}
    return render(request, "legacy/claims.html", context, status=status)


@role_required(APPLICANT)
def mine_view(request):
    return _render(request)


@role_required(APPLICANT)
def search_view(request):
    form = SearchForm(request.GET or None)
    if not form.is_valid():
        return _render(request, search_form=form, status=422 if request.GET else 200)
    verdict = ratelimit.hit(f"legacy-search:{request.user.pk}", SEARCH_LIMITS)
    if not verdict.allowed:
        minutes = max(1, (verdict.retry_after + 59) // 60)
        form.add_error("q", _("Too many searches. Try again in %(minutes)d minutes.") % {"minutes": minutes})
        return _render(request, search_form=form, status=429)
    found = list(selectors.find_for_claim(request.user, form.cleaned_data["q"]))
    # Only what was found may be claimed without a match (the claim view checks this list).
    kept = [record.pk for record in found] + request.session.get(FOUND_SESSION_KEY, [])
    request.session[FOUND_SESSION_KEY] = list(dict.fromkeys(kept))[:FOUND_KEPT]
    audit.record(actor=request.user, action=AuditAction.LEGACY_SEARCHED,
                 client_address=client_address(request), details={"found": len(found)})
    return _render(request, search_form=form, found=found, searched=True)


@role_required(APPLICANT)
@require_POST
def claim_view(request):
    form = ClaimForm(request.POST)
    if not form.is_valid():
        raise Http404
    record = selectors.claimable_by(request.user).filter(pk=form.cleaned_data["record"]).first()
    found = request.session.get(FOUND_SESSION_KEY, [])
    if record is None or (record.matched_entity_id is None and record.pk not in found):
        # Neither pushed to this applicant nor found by their exact search: not theirs to see.
        if not selectors.for_applicant(request.user).filter(pk=form.cleaned_data["record"]).exists():
            raise Http404
        messages.error(request, _("This website has already been claimed and filed anew."))
        return redirect("claims:mine")
    try:
        application = services.start_claim(actor=request.user, record=record)
    except (services.ClaimRefused, FilingActionRefused) as refused:
        messages.error(request, str(refused))
        return redirect("claims:mine")
    if not application.is_editable:  # the claim is already with the police: show where it stands
        return redirect("filings:application", application.pk)
    return redirect("filings:step", application.pk, "basic")
