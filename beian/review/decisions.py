"""The steps around every reviewer's decision, whatever the kind (ADR 0107).

A decision of any kind — approving a website, returning a sponsor entity, rejecting a cancellation,
recording an inspection's result — is taken the same way: lock the subject's row, check that the actor
is police staff whose jurisdiction covers the subject's agency (the workbench's 404 is not enough),
and refuse when another reviewer decided first (the lock made us wait for them; the subject is no
longer in a state this decision starts from). The kind's service keeps only what is its own: the
transition, its fields and its side effects, then `record_decision` for the queue row and history.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.review.services import ReviewActionRefused


def decided_elsewhere() -> ReviewActionRefused:
    return ReviewActionRefused(_("This item was decided a moment ago by someone else. "
                                 "Here is its current state."))


def check_reviewer_scope(actor, agency_id) -> None:
    """Police staff whose jurisdiction covers the agency, or PermissionDenied."""
    if getattr(actor, "role", None) not in User.POLICE_ROLES:
        raise PermissionDenied
    if not agencies_in_scope(actor).filter(pk=agency_id).exists():
        raise PermissionDenied


def _agency_id(subject):
    return subject.agency_id


@contextmanager
def deciding(model, pk, *, actor, agency_of: Callable = _agency_id, decidable: Callable | None = None,
             refusal: Callable[[], Exception] = decided_elsewhere) -> Iterator:
    """Give the with-block the subject `pk` of `model`, locked (select_for_update) for the rest of the
    caller's transaction, once the actor may decide it: police staff whose jurisdiction covers
    `agency_of(subject)` (PermissionDenied otherwise).

    Raises `refusal()` — by default "decided a moment ago by someone else" — when `decidable(subject)`
    is false, or when the block tries a transition of this subject that its state no longer allows.
    Refused transitions of other objects (a website the block cancels, say) are the block's own to
    handle and pass through unchanged."""
    if getattr(actor, "role", None) not in User.POLICE_ROLES:
        raise PermissionDenied
    subject = model.objects.select_for_update().get(pk=pk)
    check_reviewer_scope(actor, agency_of(subject))
    if decidable is not None and not decidable(subject):
        raise refusal()
    try:
        yield subject
    except TransitionNotAllowed as refused:
        if refused.object is not subject:
            raise
        raise refusal() from refused


def joined_reasons(reasons: Iterable[dict]) -> str:
    """The chosen reasons as one line of the applicant's notice, in Chinese like the notice itself."""
    return "；".join(reason.get("text_zh") or reason.get("text", "") for reason in reasons)


def require_reasons(reasons, message: str | None = None) -> None:
    """A return (or a rejection, a failed inspection) says why: at least one reason is chosen."""
    if not reasons:
        raise ReviewActionRefused(message or _("Choose at least one reason for returning."))
