"""A copy of everything the platform holds about an applicant (PIPL art. 45), prepared in the
background and downloadable by its owner until it expires (ADR 0103)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from beian.core.personal_data import Category, PersonalData, Protection, Reader, Retention
from beian.core.pii_files import personal_storage


def export_path(instance, filename: str) -> str:
    # A random name of ours: the archive is served only by data_rights:download, never by its path.
    return f"data_exports/{uuid.uuid4().hex}.zip"


class DataExport(FSMModelMixin, models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("being prepared")
        RUNNING = "running", _("being prepared")
        READY = "ready", _("ready to download")
        FAILED = "failed", _("could not be prepared")
        EXPIRED = "expired", _("expired")

    IN_PROGRESS = (Status.QUEUED, Status.RUNNING)

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.PROTECT,
                              related_name="data_exports")
    status = FSMField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED,
                      protected=True)
    requested_at = models.DateTimeField(_("requested at"))
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    # Private storage (settings.STORAGES["default"]); emptied when the export expires.
    file = models.FileField(upload_to=export_path, blank=True, storage=personal_storage)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)

    class Meta:
        verbose_name = _("copy of personal data")
        verbose_name_plural = _("copies of personal data")
        ordering = ["-requested_at", "-id"]
        constraints = [models.UniqueConstraint(
            fields=["owner"], condition=Q(status__in=["queued", "running"]),
            name="one_data_export_in_progress_per_account")]

    def __str__(self) -> str:
        return f"{self.owner_id} {self.requested_at:%Y-%m-%d %H:%M}"

    PERSONAL_DATA = {
        "owner": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, (Reader.OWNER,),
                              Retention.DATA_EXPORT),
        # Everything the platform holds about the person, certificate numbers in clear: encrypted at rest.
        "file": PersonalData(Category.DOCUMENT, Protection.ENCRYPTED, (Reader.OWNER,), Retention.DATA_EXPORT,
                             sensitive=True),
    }

    @property
    def in_progress(self) -> bool:
        return self.status in self.IN_PROGRESS

    def is_downloadable(self, now) -> bool:
        return self.status == self.Status.READY and self.expires_at is not None and now < self.expires_at

    # --- transitions (called only by beian.data_rights.exports) ----------------------------------
    @transition(field=status, source=Status.QUEUED, target=Status.RUNNING)
    def start(self):
        pass

    @transition(field=status, source=Status.RUNNING, target=Status.READY)
    def finish(self):
        pass

    @transition(field=status, source=[Status.QUEUED, Status.RUNNING], target=Status.FAILED)
    def fail(self):
        pass

    @transition(field=status, source=Status.READY, target=Status.EXPIRED)
    def expire(self):
        pass
