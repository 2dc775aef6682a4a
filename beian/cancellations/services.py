"""Every change of a website cancellation, one function per business action (SPEC §4.6, §5).

The applicant's submission is three steps in a fixed order: the probe (network, so outside any
transaction), then the SMS code (verify_code commits its attempt counter itself), then one transaction
that creates the request, opens its review item, writes the audit entry and the notices. The probe
runs before the code is used up, so a refusal because the website still answers leaves the code valid
for another try once the website is closed. The reviewer's decisions are one transaction each.
"""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_fsm import TransitionNotAllowed

from beian.accounts.models import User, VerificationCode
from beian.accounts.sms_codes import issue_code, verify_code
from beian.cancellations import probe
from beian.cancellations.models import CancellationApplication
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.ratelimit import Limit, hit
from beian.filings.changes import open_change_of
from beian.filings.checks import held_domain_names
from beian.filings.models import DomainHold, Website, WebsiteApplication
from beian.notifications.services import notify_account
from beian.review import services as review_services
from beian.review.decisions import deciding, joined_reasons, require_reasons
from beian.review.models import Kind
from beian.review.services import Listing, ReviewActionRefused, open_item, record_decision

Status = CancellationApplication.Status
PURPOSE = VerificationCode.Purpose.CANCELLATION
# Each submission probes every domain twice: a person needs a few tries, a loop does not get many.
PROBE_LIMITS = [Limit(20, 3600)]


class CancellationRefused(Exception):
    """The applicant's action is not possible now; the message says why and what to do."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field  # the form field the message belongs next to ("code"), or None


class WebsiteStillOnline(CancellationRefused):
    """The probe found a domain that still answers with a page; nothing was submitted."""

    def __init__(self, results: list[probe.ProbeResult]):
        self.results = results
        findings = "; ".join(result.describe() for result in probe.answering(results))
        super().__init__(_("The website still answers, so its filing cannot be cancelled yet: %(findings)s. "
                           "Close the website on every domain (stop serving pages, or point the domain "
                           "away) and submit again; your SMS code stays valid for 10 minutes.")
                         % {"findings": findings})


# --- the applicant ------------------------------------------------------------------------------

def _website_open_to_cancel(actor, website) -> Website:
    """The actor's own filed website with no request waiting (Website.DoesNotExist → 404 otherwise)."""
    if getattr(actor, "role", None) != User.Role.APPLICANT:
        raise PermissionDenied
    website = Website.objects.select_related("agency", "sponsor").get(pk=website.pk, sponsor__owner=actor)
    _check_cancellable(website)
    return website


def _check_cancellable(website: Website) -> None:
    if website.status != Website.Status.FILED:
        raise CancellationRefused(_("The filing of this website is already cancelled."))
    if cancellation_waiting(website):
        raise CancellationRefused(_("A cancellation of this website is already waiting for the police's "
                                    "decision. You will be told the result by SMS."))
    if open_change_of(website, WebsiteApplication.UNDER_REVIEW) is not None:
        raise CancellationRefused(_("A change of this website is waiting for the police's decision. Wait "
                                    "for the decision, or withdraw the change (filings under review) "
                                    "while it is not yet being reviewed, then cancel."))


def cancellation_waiting(website: Website) -> bool:
    return CancellationApplication.objects.filter(website=website,
                                                  status__in=CancellationApplication.OPEN).exists()


def change_blocker(website: Website) -> str | None:
    """Registered in beian.filings.changes.change_blockers: no change while a cancellation waits."""
    if cancellation_waiting(website):
        return _("A cancellation of this website is waiting for the police's decision; the website "
                 "cannot be changed meanwhile.")
    return None


def _confirmed_mobile(actor) -> str:
    if not actor.mobile or actor.mobile_verified_at is None:
        raise CancellationRefused(_("Your account has no confirmed mobile number, so no code can be sent. "
                                    "Confirm your mobile number first."))
    return actor.mobile


def request_code(*, actor, website: Website, client_address: str | None, language: str | None = None,
                 now=None, human_checked: bool = False) -> None:
    """Send the SMS code that confirms the cancellation. Raises sms_codes.CodeNotSent when rate
    limited (HumanCheckNeeded when the human check must be answered first), CancellationRefused when
    the website cannot be cancelled."""
    website = _website_open_to_cancel(actor, website)
    phone = _confirmed_mobile(actor)
    with transaction.atomic():
        issue_code(phone=phone, purpose=PURPOSE, client_address=client_address, now=now, user=actor,
                   language=language, human_checked=human_checked)
        audit.record(actor=actor, action=AuditAction.CANCELLATION_CODE_REQUESTED, target=website,
                     client_address=client_address)


def submit_cancellation(*, actor, website: Website, code: str, reason: str = "", client_address=None,
                        now=None, transport=None) -> CancellationApplication:
    """Probe the website, check the SMS code, submit the request to the website's filing agency.
    Raises WebsiteStillOnline (with the probe results) or CancellationRefused; `transport` replaces
    the network in tests (beian.cancellations.probe)."""
    website = _website_open_to_cancel(actor, website)
    phone = _confirmed_mobile(actor)
    code = (code or "").strip()
    if not re.fullmatch(r"\d{6}", code):
        raise CancellationRefused(_("Type the 6-digit code from the SMS."), field="code")
    verdict = hit(f"cancellation-probe:{actor.pk}", PROBE_LIMITS, now=now)
    if not verdict.allowed:
        minutes = -(-verdict.retry_after // 60)
        raise CancellationRefused(ngettext(
            "The website was checked too often. Try again in %(count)d minute.",
            "The website was checked too often. Try again in %(count)d minutes.", minutes)
            % {"count": minutes})
    probed_at = timezone.now()
    results = probe.probe_website(website.domains, transport=transport)
    if probe.answering(results):
        audit.record(actor=actor, action=AuditAction.CANCELLATION_REFUSED_WEBSITE_ONLINE, target=website,
                     client_address=client_address,
                     details={"answered": [result.url for result in probe.answering(results)]})
        raise WebsiteStillOnline(results)
    check = verify_code(phone=phone, purpose=PURPOSE, code=code, now=now)
    if not check.ok:
        raise CancellationRefused(check.message, field="code")
    return _create(actor=actor, website=website, reason=reason, results=results, probed_at=probed_at,
                   client_address=client_address, now=now or timezone.now())


@transaction.atomic
def _create(*, actor, website, reason, results, probed_at, client_address, now) -> CancellationApplication:
    website = Website.objects.select_for_update().select_related("agency", "sponsor").get(pk=website.pk)
    _check_cancellable(website)  # again, under the lock: another tab may have submitted meanwhile
    try:
        with transaction.atomic():
            cancellation = CancellationApplication.objects.create(
                website=website, owner=actor, agency=website.agency, reason=(reason or "").strip()[:1000],
                probe_results=[result.as_dict() for result in results], probed_at=probed_at, submitted_at=now)
    except IntegrityError as taken:  # the partial unique constraint: a simultaneous submission won
        raise CancellationRefused(_("A cancellation of this website is already waiting for the police's "
                                    "decision. You will be told the result by SMS.")) from taken
    item = open_item(kind=Kind.CANCELLATION, subject=cancellation, agency=website.agency,
                     status=cancellation.status, listing=_listing(website), actor=actor, now=now)
    audit.record(actor=actor, action=AuditAction.CANCELLATION_SUBMITTED, target=cancellation,
                 client_address=client_address,
                 details={"website": website.pk, "record_number": website.record_number,
                          "probed": [result.url for result in results]})
    notify_account(user=actor, template="cancellation_submitted", context={
        "name": website.name, "record_number": website.record_number_text,
        "due_date": item.due_date.isoformat()}, language=None)
    return cancellation


def _listing(website: Website) -> Listing:
    keys = tuple(f"domain:{name}" for name in held_domain_names(website.domains))
    return Listing(title=website.name, sponsor_name=website.sponsor.name, interactive=website.interactive,
                   search_keys=keys + (f"record:{website.record_number}",))


# --- the reviewer -------------------------------------------------------------------------------

# Each decision locks the request and checks the reviewer's jurisdiction and the request's state through
# beian.review.decisions.deciding; what follows is what the decision does to a cancellation.

@transaction.atomic
def start_review(*, actor, cancellation: CancellationApplication) -> CancellationApplication:
    """The reviewer takes the request (submitted → in review); it is assigned to them if nobody has it."""
    with deciding(CancellationApplication, cancellation.pk, actor=actor) as cancellation:
        cancellation.start_review()
    cancellation.save()
    item = record_decision(subject=cancellation, actor=actor, action="assigned",
                           to_status=cancellation.status, closes=False)
    if item.assignee_id is None:
        review_services.assign(actor=actor, item_id=item.pk)
    return cancellation


@transaction.atomic
def approve_cancellation(*, actor, cancellation: CancellationApplication, now=None) -> Website:
    """The record becomes cancelled: its number stays with it (never reissued) and its domains are free
    for a new filing."""
    now = now or timezone.now()
    with deciding(CancellationApplication, cancellation.pk, actor=actor) as cancellation:
        cancellation.approve()
    website = Website.objects.select_for_update().select_related("agency").get(pk=cancellation.website_id)
    try:
        website.cancel()
    except TransitionNotAllowed as refused:
        raise ReviewActionRefused(_("The filing of this website is already cancelled.")) from refused
    website.cancelled_at = now
    website.save()
    # ADR 0050: the filed website's domain holds end with it.
    DomainHold.objects.filter(application_id__in={website.application_id, website.current_application_id}
                              - {None}).delete()
    cancellation.decided_at, cancellation.decided_by = now, actor
    cancellation.save()
    record_decision(subject=cancellation, actor=actor, action="approved", to_status=cancellation.status,
                    closes=True)
    audit.record(actor=actor, action=AuditAction.WEBSITE_CANCELLED, target=website,
                 details={"record_number": website.record_number, "cancellation": cancellation.pk})
    agency = website.agency
    notify_account(user=cancellation.owner, template="cancellation_approved", context={
        "name": website.name, "record_number": website.record_number_text, "agency": agency.name_zh},
        language=settings.LANGUAGE_CODE)
    return website


@transaction.atomic
def reject_cancellation(*, actor, cancellation: CancellationApplication, reasons: list[dict],
                        note: str = "") -> CancellationApplication:
    """Reject with reasons ({"code", "text_zh", "text_en", "field"}) and a note; the applicant may
    apply again."""
    require_reasons(reasons, _("Choose at least one reason for rejecting."))
    with deciding(CancellationApplication, cancellation.pk, actor=actor) as cancellation:
        cancellation.reject()
    cancellation.rejection_reasons, cancellation.rejection_note = list(reasons), note
    cancellation.decided_at, cancellation.decided_by = timezone.now(), actor
    cancellation.save()
    record_decision(subject=cancellation, actor=actor, action="rejected", to_status=cancellation.status,
                    reasons=reasons, note=note, closes=True)
    website = cancellation.website
    notify_account(user=cancellation.owner, template="cancellation_rejected", context={
        "name": website.name, "record_number": website.record_number_text,
        "reasons": joined_reasons(reasons), "note": note}, language=settings.LANGUAGE_CODE)
    return cancellation
