"""Filed websites and their record numbers (SPEC §4.4, §6).

A record number is `<agency code: 6><category: 2><serial: 6>`. The serial is per agency and category,
strictly increasing and never reused: it comes from one RecordNumberSequence row, locked while it is
advanced, and the record number itself is unique in the database (ADR 0051). Every number the platform
knows — issued here, imported as a legacy (offline) record, kept as an alias — has one row in
KnownRecordNumber, whose primary key is the number: no number can be two things (ADR 0090).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from beian.core.personal_data import NotPersonal
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


class KnownRecordNumber(models.Model):
    """Every record number the platform knows, once: the database's guarantee that a number is never
    issued twice nor issued when it is an offline record's (SPEC §6). Each writer of a number inserts
    its row in the same transaction (beian.filings.record_numbers); the allocation skips the numbers
    found here."""

    class Kind(models.TextChoices):
        ISSUED = "issued", _("issued by this platform")
        LEGACY = "legacy", _("legacy record, not claimed")
        ALIAS = "alias", _("legacy record, now an alias")

    number = models.CharField(_("record number"), max_length=14, primary_key=True)
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)

    class Meta:
        verbose_name = _("known record number")
        verbose_name_plural = _("known record numbers")

    def __str__(self) -> str:
        return self.number


class Website(FSMModelMixin, models.Model):
    """A filed website: the public record. Name, domains and interactive are copied from the approved
    application (and from every approved change), so the public read is one row."""

    class Status(models.TextChoices):
        FILED = "filed", _("filed")
        CANCELLED = "cancelled", _("cancelled")

    application = models.OneToOneField("filings.WebsiteApplication", verbose_name=_("application"),
                                       on_delete=models.PROTECT, related_name="filed_website")
    # The approved application whose answers are the filed data now: the first one, then each
    # approved change (a new change starts from it).
    current_application = models.ForeignKey("filings.WebsiteApplication", verbose_name=_("current data"),
                                            null=True, blank=True, on_delete=models.PROTECT,
                                            related_name="+")
    sponsor = models.ForeignKey("sponsors.SponsorEntity", verbose_name=_("sponsor entity"),
                                on_delete=models.PROTECT, related_name="websites")
    agency = models.ForeignKey("core.Agency", verbose_name=_("filing agency"), on_delete=models.PROTECT,
                               related_name="websites")
    record_number = models.CharField(_("record number"), max_length=14, unique=True)
    status = FSMField(_("status"), max_length=10, choices=Status.choices, default=Status.FILED,
                      protected=True)
    name = models.CharField(_("website name"), max_length=100)
    domains = models.JSONField(_("domains"), default=list, blank=True)  # the main domain first
    interactive = models.BooleanField(_("interactive"), default=False)
    filed_at = models.DateTimeField(_("filed at"))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    PERSONAL_DATA = {"name": NotPersonal(_("the website's name"))}

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

    @property
    def data_application(self):
        """The application holding the full filed answers (leaders, IPs, …)."""
        return self.current_application or self.application

    @transition(field=status, source=Status.FILED, target=Status.CANCELLED)
    def cancel(self):
        """Called only by the cancellation service; the record number is never reused."""


class RecordAlias(models.Model):
    """Another number that leads to a record: a legacy (offline) record number kept when the website is
    claimed and filed anew (SPEC §4.8). The public record page redirects an alias to the website."""

    number = models.CharField(_("record number"), max_length=14, unique=True)
    website = models.ForeignKey(Website, verbose_name=_("filed website"), on_delete=models.PROTECT,
                                related_name="aliases")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("record number alias")
        verbose_name_plural = _("record number aliases")

    def __str__(self) -> str:
        return self.number
