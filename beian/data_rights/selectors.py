"""Reads of the person's rights pages, always scoped to the signed-in account."""

from django.utils.translation import gettext as _

from beian.data_rights.models import DataExport
from beian.filings.models import Website, WebsiteApplication
from beian.sponsors.models import SponsorEntity


def exports_of(user):
    return DataExport.objects.filter(owner=user)


def export_for(user, export_id: int) -> DataExport:
    """The account's own export; DataExport.DoesNotExist for anyone else's (the view answers 404)."""
    return exports_of(user).get(pk=export_id)


def closure_blockers(user) -> list[str]:
    """Why the account cannot be closed now, one sentence per active filing: while the police review
    or keep a filing, its holder must stay reachable (SPEC §4.6: a filed website is cancelled first)."""
    reasons = []
    if SponsorEntity.objects.filter(owner=user, status=SponsorEntity.Status.SUBMITTED).exists():
        reasons.append(_("Your sponsor entity is waiting for the police's review."))
    for application in WebsiteApplication.objects.filter(
            owner=user, status__in=WebsiteApplication.UNDER_REVIEW).order_by("id"):
        reasons.append(_("The application “%(name)s” (%(kind)s) is %(status)s.") % {
            "name": application.name or "—", "kind": application.get_kind_display(),
            "status": application.get_status_display()})
    for website in Website.objects.filter(sponsor__owner=user, status=Website.Status.FILED).order_by("id"):
        reasons.append(_("The website “%(name)s” (%(record_number)s) is filed and not cancelled.") % {
            "name": website.name, "record_number": website.record_number_text})
    return reasons
