"""Websites found online without a filing (SPEC §4.7). The certificate number is sealed like a
sponsor's (encrypted + keyed search hash), so a match with a sponsor entity is an exact comparison of
hashes; what every imported kind of website shares is beian.imports.models.ImportedWebsite."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.personal_data import NotPersonal
from beian.imports.models import ImportedWebsite


class UnregisteredWebsite(ImportedWebsite):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FILED = "filed", _("filed")
        CLOSED = "closed", _("closed")

    domain = models.CharField(_("domain"), max_length=253, unique=True,
                              help_text=_("The ASCII form (A-label), lower case."))
    ip = models.CharField(_("IP address"), max_length=100)
    found_where = models.CharField(_("where found"), max_length=500)
    found_at = models.DateTimeField(_("found at"))
    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="unregistered_websites")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    matched_entity = models.ForeignKey("sponsors.SponsorEntity", verbose_name=_("matched sponsor entity"),
                                       null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="unregistered_websites")
    filed_at = models.DateTimeField(_("filed at"), null=True, blank=True)

    PERSONAL_DATA = {
        **ImportedWebsite.PERSONAL_DATA,
        "ip": NotPersonal(_("the address of the website's server, not of a person")),
    }

    class Meta:
        ordering = ["deadline", "domain"]
        indexes = [models.Index(fields=["agency", "status", "deadline"], name="unregistered_agency_due"),
                   # One index for the push match, so no planner picks the unselective type alone.
                   models.Index(fields=["certificate_hash", "certificate_type"],
                                name="unregistered_certificate")]
        verbose_name = _("unregistered website")
        verbose_name_plural = _("unregistered websites")

    def __str__(self):
        return self.domain
