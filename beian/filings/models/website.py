"""Filed websites and their record numbers (SPEC §4.4, §6).

A record number is `<agency code: 6><category: 2><serial: 6>`. The serial is per agency and category,
strictly increasing and never reused: it comes from one RecordNumberSequence row, locked while it is
advanced, and the record number itself is unique in the database (ADR 0051).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.rules import format_record_number


class RecordNumberSequence(models.Model):
    agency = models.ForeignKey("core.Agency", verbose_name=_("filing agency"), on_delete=models.PROTECT,
                               related_name="+")
    category = models.CharField(_("record category"), max_length=2)
    last_serial = models.PositiveIntegerField(_("last serial issued"), default=0)

    class Meta:
        verbose_name = _("record number sequence")
        verbose_name_plural = _("record number sequences")
        constraints = [models.UniqueConstraint(fields=["agency", "category"],
                                               name="one_sequence_per_agency_and_category")]


class Website(models.Model):
    class Status(models.TextChoices):
        FILED = "filed", _("filed")
        CANCELLED = "cancelled", _("cancelled")

    application = models.OneToOneField("filings.WebsiteApplication", verbose_name=_("application"),
                                       on_delete=models.PROTECT, related_name="website")
    sponsor = models.ForeignKey("sponsors.SponsorEntity", verbose_name=_("sponsor entity"),
                                on_delete=models.PROTECT, related_name="websites")
    agency = models.ForeignKey("core.Agency", verbose_name=_("filing agency"), on_delete=models.PROTECT,
                               related_name="websites")
    record_number = models.CharField(_("record number"), max_length=14, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.FILED)
    name = models.CharField(_("website name"), max_length=100)
    domains = models.JSONField(_("domains"), default=list, blank=True)  # the main domain first
    interactive = models.BooleanField(_("interactive"), default=False)
    filed_at = models.DateTimeField(_("filed at"))

    class Meta:
        ordering = ["-filed_at", "-id"]
        verbose_name = _("filed website")
        verbose_name_plural = _("filed websites")

    def __str__(self) -> str:
        return f"{self.name} ({self.record_number})"

    @property
    def record_number_text(self) -> str:
        return format_record_number(self.record_number)

    @property
    def main_domain(self) -> str:
        return self.domains[0] if self.domains else ""
