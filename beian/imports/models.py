"""What every police import shares (unregistered websites in beian.unregistered, legacy records in
beian.legacy): the abstract imported website, the agencies' API tokens of the import APIs, and the
record of a workbench import (ADR 0105). The two concrete models keep the tables they were created
with in beian.unregistered (unregistered_apitoken, unregistered_importrun)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beian.core import pii
from beian.core.audit_actions import AuditAction
from beian.core.models import BearerToken
from beian.core.personal_data import (
    POLICE,
    Category,
    NotPersonal,
    PersonalData,
    Protection,
    Reader,
    Retention,
)
from beian.core.pii_files import personal_storage
from beian.core.progress import percent_done


class ImportedWebsite(models.Model):
    """What every imported kind of website shares (unregistered websites in beian.unregistered, legacy
    records in beian.legacy): the sponsor's sealed certificate, by which it is matched with a sponsor entity,
    its deadline, overdue while the entry is still open, and when its sponsor was told. A subclass
    has `domain`, `agency`, `matched_entity` and a `Status` with OPEN."""

    certificate_type = models.ForeignKey("core.CertificateType", verbose_name=_("certificate type"),
                                         null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                         db_index=False)  # searched only with the hash (index below)
    certificate_number_encrypted = models.TextField(blank=True)
    certificate_hash = models.CharField(max_length=64, blank=True)
    sponsor_name = models.CharField(_("sponsor name"), max_length=200, blank=True)
    deadline = models.DateField(_("deadline"))
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    PII_SEALED = (pii.Sealed("certificate_number_encrypted", "certificate_hash", "certificate_type"),)
    # The sponsor as the importing agency knows it: a person's name and certificate for a person.
    PERSONAL_DATA = {
        "certificate_number_encrypted": PersonalData(
            Category.IDENTIFICATION_NUMBER, Protection.ENCRYPTED, POLICE, Retention.IMPORTED, sensitive=True),
        "certificate_hash": PersonalData(Category.IDENTIFICATION_NUMBER, Protection.KEYED_HASH,
                                         (Reader.NOBODY,), Retention.IMPORTED, sensitive=True),
        "sponsor_name": PersonalData(Category.NAME, Protection.PLAIN, POLICE, Retention.IMPORTED),
    }

    class Meta:
        abstract = True

    @property
    def unicode_domain(self) -> str:
        try:
            return self.domain.encode("ascii").decode("idna")
        except UnicodeError:
            return self.domain

    @property
    def masked_certificate_number(self) -> str:
        if not self.certificate_number_encrypted:
            return ""
        return pii.mask(pii.decrypt(self.certificate_number_encrypted))

    def carries_certificate_of(self, entity) -> bool:
        """Whether this entry's certificate is the entity's (the hash under any key of the ring)."""
        if entity.certificate_type_id != self.certificate_type_id or not entity.certificate_hash:
            return False
        return self.certificate_hash in pii.sealed_hashes(
            entity.certificate_type.code, entity.certificate_number_encrypted, entity.certificate_hash)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and self.deadline < today


class ApiToken(BearerToken):
    """A bearer token of one agency for the import APIs (unregistered websites, legacy records): it
    imports for its agency and every agency below it. Created, listed and revoked by the security
    administrator (/staff/api-tokens/, or `manage.py create_api_token / list_api_tokens /
    revoke_api_token`); only the SHA-256 of the token is stored (beian.core.models.tokens)."""

    TEXT_PREFIX = "bu_"
    AUDIT_CREATED = AuditAction.API_TOKEN_CREATED
    AUDIT_REVOKED = AuditAction.API_TOKEN_REVOKED

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="api_tokens")

    class Meta:
        db_table = "unregistered_apitoken"
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.agency.code} {self.prefix}…"

    def owner_text(self) -> str:
        return f"{self.agency.code} {self.agency.name}"


def import_file_path(instance, filename: str) -> str:
    # A server-made name: the uploaded name may hold anything.
    return f"imports/{uuid.uuid4().hex}.csv"


class ImportRun(models.Model):
    """One import through the workbench (unregistered websites or legacy records), kept so that its
    result and error report can be shown and downloaded. A large file is imported in the background:
    the run is queued with the stored file, a task runs it once (queued → running → done / failed)
    and deletes the file."""

    class Kind(models.TextChoices):
        UNREGISTERED = "unregistered", _("unregistered websites")
        LEGACY = "legacy", _("legacy records")

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("importing")
        DONE = "done", _("finished")
        FAILED = "failed", _("failed")

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UNREGISTERED)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DONE)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                              related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Encrypted in the private storage while queued (the rows hold certificate numbers).
    file = models.FileField(upload_to=import_file_path, blank=True, storage=personal_storage)
    file_name = models.CharField(max_length=100, blank=True)
    imported = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    notified = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    failure = models.TextField(blank=True)
    # A background import's progress: the file's data rows, and those checked and written so far
    # (updated a batch at a time by uploads.run_queued).
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    rows_done = models.PositiveIntegerField(default=0)

    PERSONAL_DATA = {
        "actor": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, POLICE, Retention.STAFF_RECORD),
        # The uploaded CSV holds sponsors' names and certificate numbers in clear until it is imported.
        "file": PersonalData(Category.DOCUMENT, Protection.PRIVATE_FILE, (Reader.NOBODY,),
                             Retention.IMPORT_FILE, sensitive=True),
        "file_name": NotPersonal(_("the name the agency gave its file")),
    }

    class Meta:
        db_table = "unregistered_importrun"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return percent_done(self.rows_done, self.rows_total, finished=self.status == self.Status.DONE)


def export_file_path(instance, filename: str) -> str:
    return f"exports/{uuid.uuid4().hex}.{instance.file_format}"


class ExportRun(models.Model):
    """One export of a workbench list (unregistered websites, legacy records, failed badge checks),
    written by a background task with no row cap (an XLSX file stops at the sheet's limit and says
    so) and downloaded by its owner only from "my exports" (beian.imports.background_exports)."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("writing")
        DONE = "done", _("finished")
        FAILED = "failed", _("failed")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)  # a key of background_exports.EXPORTERS
    filters = models.TextField(blank=True)  # the list's query string, as the owner filtered it
    file_format = models.CharField(max_length=4, choices=Format.choices, default=Format.CSV)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_written = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    message = models.TextField(blank=True)  # why it failed, or that the XLSX sheet limit stopped it
    # Encrypted in the private storage: a copy of the list, with its sponsors' names.
    file = models.FileField(upload_to=export_file_path, blank=True, storage=personal_storage)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_DATA = {
        "owner": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, POLICE, Retention.STAFF_RECORD),
        "file": PersonalData(Category.DOCUMENT, Protection.PRIVATE_FILE, POLICE, Retention.IMPORTED,
                             sensitive=True),
        "filters": NotPersonal(_("the filters of the exported list")),
    }

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return percent_done(self.rows_written, self.rows_total, finished=self.status == self.Status.DONE)
