"""The reviewer's "show the full number" (SPEC §8: masked by default, every full view logged)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.review.models import ReviewItem
from beian.review.selectors import item_in_scope
from beian.sponsors import services
from beian.sponsors.models import SponsorEntity, SponsorIdentityChange
from beian.staff.permissions import role_required


@role_required(*User.POLICE_ROLES)
@require_POST
def reveal_view(request, item_id: int):
    which = request.POST.get("which", "")
    if which not in ("sponsor", "person"):
        raise Http404
    try:
        item = item_in_scope(request.user, item_id)
    except ReviewItem.DoesNotExist as missing:
        raise Http404 from missing
    subject = item.subject
    if not isinstance(subject, SponsorEntity | SponsorIdentityChange):
        raise Http404
    number = services.reveal_certificate_number(actor=request.user, subject=subject, which=which)
    template = "sponsors/revealed_fragment.html" if request.htmx else "sponsors/revealed.html"
    return render(request, template, {"item": item, "number": number, "which": which})
