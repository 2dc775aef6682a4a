"""The applicant starts a change of a filed website (SPEC §4.5); the wizard does the rest."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.filings import changes, selectors
from beian.filings.models import Website
from beian.staff.permissions import role_required


@role_required(User.Role.APPLICANT)
@require_POST
def start_change_view(request, website_id: int):
    try:
        website = selectors.website_of(request.user, website_id)
        change = changes.start_change(actor=request.user, website=website)
    except Website.DoesNotExist as missing:
        raise Http404 from missing
    except changes.ChangeRefused as refused:
        messages.error(request, str(refused))
        return redirect("filings:website", website_id)
    return redirect("filings:step", change.pk, "basic")


@role_required(User.Role.APPLICANT)
def changes_view(request):
    """The "website information change" menu: each filed website with its open change, if any."""
    rows = [{"website": website, "change": changes.open_change_of(website)}
            for website in selectors.websites_of(request.user).filter(status=Website.Status.FILED)]
    return render(request, "filings/changes.html", {"rows": rows})
