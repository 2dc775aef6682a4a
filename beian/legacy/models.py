"""Websites filed offline with a police agency before the platform existed (SPEC §4.8). A legacy
record is claimed by its sponsor through a claim application (the new-website wizard, kind "claim");
on approval its number becomes an alias of the new record (beian.filings.models.RecordAlias). The
sponsor's certificate number is sealed like a sponsor entity's (encrypted + keyed search hash), so
matching with a sponsor entity is an exact comparison of hashes."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from beian.core import pii
from beian.rules import format_record_number


class LegacyRecord(FSMModelMixin, models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("not claimed")
        CLAIMED = "claimed", _("claimed")

    record_number = models.CharField(_("legacy record number"), max_length=14, unique=True)
    domain = models.CharField(_("domain"), max_length=253, db_index=True,
                              help_text=_("The ASCII form (A-label), lower case."))
    icp_number = models.CharField(_("ICP record number"), max_length=40, blank=True)
    # The ICP number without its spelling (province prefix, digits, site): what a search compares.
    icp_key = models.CharField(max_length=30, blank=True, db_index=True)
    website_name = models.CharField(_("website name"), max_length=100)
    sponsor_name = models.CharField(_("sponsor name"), max_length=200, blank=True)
    certificate_type = models.ForeignKey("core.CertificateType", verbose_name=_("certificate type"),
                                         null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                         db_index=False)  # searched only with the hash (index below)
    certificate_number_encrypted = models.TextField(blank=True)
    certificate_hash = models.CharField(max_length=64, blank=True)
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="legacy_records")
    deadline = models.DateField(_("deadline"))
    status = FSMField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN,
                      protected=True)
    matched_entity = models.ForeignKey("sponsors.SponsorEntity", verbose_name=_("matched sponsor entity"),
                                       null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="legacy_records")
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)
    # The claim application being prepared or reviewed (the latest one); the filed website after approval.
    application = models.ForeignKey("filings.WebsiteApplication", verbose_name=_("claim application"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="legacy_records")
    website = models.ForeignKey("filings.Website", verbose_name=_("filed website"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="legacy_records")
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["deadline", "record_number"]
        indexes = [models.Index(fields=["agency", "status", "deadline"], name="legacy_agency_due"),
                   models.Index(fields=["certificate_hash", "certificate_type"], name="legacy_certificate")]
        verbose_name = _("legacy record")
        verbose_name_plural = _("legacy records")

    def __str__(self):
        return self.record_number

    @transition(field=status, source=Status.OPEN, target=Status.CLAIMED)
    def claim(self):
        """Called only when the claim application is approved (beian.legacy.services)."""

    @property
    def record_number_text(self) -> str:
        try:
            return format_record_number(self.record_number)
        except ValueError:
            return self.record_number

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

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and self.deadline < today
