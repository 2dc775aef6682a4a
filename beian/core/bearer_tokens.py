"""Create, authenticate, list and revoke bearer tokens of any kind (ADR 0098) — one set of services
for every subclass of beian.core.models.tokens.BearerToken. Creation and revocation are audited with
the kind's AUDIT_CREATED / AUDIT_REVOKED actions."""

import datetime
import hashlib
import secrets

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from beian.core import audit

PREFIX_LENGTH = 10
MAX_TEXT_LENGTH = 100
# The last-use time is written at most once a minute per token: a busy integration must not turn
# every request into a write.
LAST_USE_PRECISION = datetime.timedelta(minutes=1)


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _acting(actor):
    return actor if actor is not None and actor.pk else None


def issue(model, *, actor, name: str, valid_days: int, client_address: str | None = None,
          **owner) -> tuple:
    """A new token of `model` for `owner` (its owner fields); returns (row, the token text). The text
    is stored nowhere: it is shown once."""
    if valid_days < 1:
        raise ValueError("a token is valid for at least one day")
    text = model.TEXT_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        token = model.objects.create(name=name, prefix=text[:PREFIX_LENGTH], token_hash=hash_text(text),
                                     created_at=now, created_by=_acting(actor),
                                     expires_at=now + datetime.timedelta(days=valid_days), **owner)
        audit.record(actor=actor, action=model.AUDIT_CREATED, target=token,
                     client_address=client_address,
                     details={"owner": token.owner_text(), "name": name, "prefix": token.prefix,
                              "expires_at": token.expires_at})
    return token, text


def authenticate(queryset: QuerySet, text: str):
    """The active token (not revoked, not expired) with this text, or None. Notes its use."""
    model = queryset.model
    if not text or not text.startswith(model.TEXT_PREFIX) or len(text) > MAX_TEXT_LENGTH:
        return None
    now = timezone.now()
    token = active(queryset, now=now).filter(token_hash=hash_text(text)).first()
    if token is not None and (token.last_used_at is None or token.last_used_at <= now - LAST_USE_PRECISION):
        model.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def active(queryset: QuerySet, *, now=None) -> QuerySet:
    now = now or timezone.now()
    return queryset.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), revoked_at__isnull=True)


def listing(queryset: QuerySet) -> QuerySet:
    """Every token: the ones not revoked first, then by creation, newest first."""
    return queryset.select_related("created_by", "revoked_by").order_by(
        F("revoked_at").desc(nulls_first=True), "-created_at")


def revoke(*, token, actor, client_address: str | None = None) -> bool:
    """Revoke `token` for good; False (and nothing written) when it already was."""
    model = type(token)
    now = timezone.now()
    with transaction.atomic():
        revoked = model.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=now, revoked_by=_acting(actor))
        if not revoked:
            return False
        token.revoked_at, token.revoked_by = now, _acting(actor)
        audit.record(actor=actor, action=model.AUDIT_REVOKED, target=token,
                     client_address=client_address,
                     details={"owner": token.owner_text(), "name": token.name, "prefix": token.prefix})
    return True


def find(queryset: QuerySet, reference: str) -> list:
    """Tokens matching `reference`: an id, or the beginning of the token text (its prefix)."""
    reference = reference.strip()
    if reference.isdigit():
        return list(queryset.filter(pk=int(reference)))
    if len(reference) < 4:
        return []
    return list(queryset.filter(prefix__startswith=reference[:PREFIX_LENGTH]))
