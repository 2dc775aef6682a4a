"""Websites filed offline with a police agency before the platform existed (SPEC §4.8). A legacy
record is claimed by its sponsor through a claim application (the new-website wizard, kind "claim");
on approval its number becomes an alias of the new record (beian.filings.models.RecordAlias). The
sponsor's certificate number is sealed like a sponsor entity's (encrypted + keyed search hash), so
matching with a sponsor entity is an exact comparison of hashes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from beian.core.personal_data import NotPersonal
from beian.imports.models import ImportedWebsite
from beian.rules import format_record_number


class LegacyRecord(FSMModelMixin, ImportedWebsite):
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
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="legacy_records")
    status = FSMField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN,
                      protected=True)
    matched_entity = models.ForeignKey("sponsors.SponsorEntity", verbose_name=_("matched sponsor entity"),
                                       null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="legacy_records")
    # The claim application being prepared or reviewed (the latest one); the filed website after approval.
    application = models.ForeignKey("filings.WebsiteApplication", verbose_name=_("claim application"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="legacy_records")
    website = models.ForeignKey("filings.Website", verbose_name=_("filed website"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="legacy_records")
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)

    PERSONAL_DATA = {
        **ImportedWebsite.PERSONAL_DATA,
        "website_name": NotPersonal(_("the website's name")),
    }

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
