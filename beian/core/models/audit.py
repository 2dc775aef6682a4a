"""The append-only, HMAC-chained audit log (SPEC §8, ADR 0097). Written only through beian.core.audit;
the database itself refuses UPDATE and DELETE on the entries (beian.core.append_only)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.audit_actions import label_of
from beian.core.personal_data import AUDIT_READERS, Category, PersonalData, Protection, Retention


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("time"), db_index=True)
    # PROTECT: accounts that acted are deactivated, never deleted, so every entry stays verifiable.
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("actor"), null=True,
                              blank=True, on_delete=models.PROTECT, related_name="+")
    # The username at the time, readable without a join.
    actor_label = models.CharField(_("actor"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    object_type = models.CharField(_("object type"), max_length=80, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    # HMAC-SHA256 of the entry under the key named by key_id (beian.core.audit_keys); an empty key_id
    # marks the plain SHA-256 of the entries written before the log was keyed.
    entry_hash = models.CharField(max_length=64, unique=True)
    key_id = models.CharField(max_length=16, blank=True, default="")

    PERSONAL_DATA = {
        "actor": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, AUDIT_READERS, Retention.AUDIT_LOG),
        "actor_label": PersonalData(Category.ACCOUNT, Protection.PLAIN, AUDIT_READERS, Retention.AUDIT_LOG),
        "client_address": PersonalData(Category.NETWORK, Protection.PLAIN, AUDIT_READERS,
                                       Retention.AUDIT_LOG),
        # Certificate numbers are written masked (beian.core.audit); names and usernames may appear.
        "details": PersonalData(Category.FREE_TEXT, Protection.PLAIN, AUDIT_READERS, Retention.AUDIT_LOG),
    }

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        # Append-only: an existing entry is never rewritten (the hash chain would show it anyway).
        if not self._state.adding:
            raise PermissionError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("audit entries are append-only")

    @property
    def action_label(self) -> str:
        """What the auditor reads for the action (beian.core.audit_actions); `action` stays the code."""
        return label_of(self.action)


class AuditChainHead(models.Model):
    """One row holding the newest entry hash; locking it serialises appends across processes."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_hash = models.CharField(max_length=64)


class AuditHeadExport(models.Model):
    """One row: the periodic export of the chain head (beian.core.audit_heads) — when it runs next,
    and the newest entry already exported, so that an export with nothing new writes nothing."""

    next_run_at = models.DateTimeField(null=True, blank=True)
    last_exported_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("audit head export")
        verbose_name_plural = _("audit head export")

    def __str__(self) -> str:
        return f"next export at {self.next_run_at}"
