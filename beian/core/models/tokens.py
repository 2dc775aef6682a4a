"""Bearer tokens of integrations (ADR 0098): the abstract model every kind of token shares.

A token is 256 random bits shown once to whoever creates it; only its SHA-256 is stored (a slow hash
adds nothing against 256 bits, and the lookup must be one indexed equality). A kind of token (the
agencies' API tokens, later the providers') subclasses this with its owner and the text its tokens
start with; beian.core.bearer_tokens creates, authenticates and revokes them, audited.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beian.core.personal_data import Category as DataCategory
from beian.core.personal_data import NotPersonal, PersonalData, Protection, Reader, Retention


class BearerToken(models.Model):
    # Set by each kind: the start of its tokens' text, and the audit actions (beian.core.audit_actions)
    # of creating and revoking one.
    TEXT_PREFIX = ""
    AUDIT_CREATED = None
    AUDIT_REVOKED = None

    class State(models.TextChoices):
        ACTIVE = "active", _("active")
        EXPIRED = "expired", _("expired")
        REVOKED = "revoked", _("revoked")

    name = models.CharField(_("name"), max_length=100, blank=True,
                            help_text=_("What the token is for, e.g. the system that uses it."))
    # The first characters of the token, to recognise it in lists and logs (not enough to use it).
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    # Empty only for tokens created before tokens expired (they keep working until revoked).
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("revoked by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")

    # Who created or revoked a token: staff, whose records are kept (ADR 0104).
    _STAFF_LINK = PersonalData(DataCategory.ACCOUNT_LINK, Protection.PLAIN,
                               (Reader.SECURITY_ADMINISTRATOR, Reader.AUDITOR), Retention.STAFF_RECORD)
    PERSONAL_DATA = {
        "name": NotPersonal("what the token is for, e.g. the system that uses it"),
        "created_by": _STAFF_LINK,
        "revoked_by": _STAFF_LINK,
    }

    class Meta:
        abstract = True

    def owner_text(self) -> str:
        """Who the token acts for, as lists show it."""
        raise NotImplementedError

    def state(self, *, now=None) -> str:
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_at is not None and self.expires_at <= (now or timezone.now()):
            return self.State.EXPIRED
        return self.State.ACTIVE

    def get_state_display(self) -> str:
        return self.State(self.state()).label
