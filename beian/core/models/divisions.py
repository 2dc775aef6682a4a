"""Administrative divisions (GB/T 2260) and the police agencies generated from them (SPEC §3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.models.bilingual import BilingualNamed
from beian.core.personal_data import NotPersonal


class Division(BilingualNamed):
    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        PREFECTURE = "prefecture", _("prefecture")
        COUNTY = "county", _("county")

    code = models.CharField(_("code"), max_length=6, primary_key=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    active = models.BooleanField(_("current"), default=True,
                                 help_text=_("Retired codes are kept for old records."))
    # 市辖区 / 县 / 省直辖县级行政区划 group real divisions but are no place of their own.
    is_grouping = models.BooleanField(_("grouping only"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("administrative division")
        verbose_name_plural = _("administrative divisions")
        indexes = [models.Index(fields=["parent", "active"])]


class ProvinceAbbreviation(models.Model):
    """Abbreviations used in record numbers (公网安备) and ICP numbers, keyed by the code prefix."""

    prefix = models.CharField(_("division code prefix"), max_length=2, primary_key=True)
    abbreviation = models.CharField(_("abbreviation in record numbers"), max_length=2)
    icp_abbreviations = models.JSONField(
        _("abbreviations accepted in ICP numbers"), default=list, blank=True)

    class Meta:
        ordering = ["prefix"]
        verbose_name = _("province abbreviation")
        verbose_name_plural = _("province abbreviations")

    def __str__(self) -> str:
        return f"{self.prefix} {self.abbreviation}"


class Agency(BilingualNamed):
    """A police network-security team; the authority for record-number prefixes."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("provincial corps (网安总队)")
        PREFECTURE = "prefecture", _("city detachment (网安支队)")
        COUNTY = "county", _("county brigade (网安大队)")

    code = models.CharField(_("agency code"), max_length=6, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT,
                                 related_name="agencies")
    parent = models.ForeignKey("self", verbose_name=_("parent agency"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    # Contact details (SPEC §3): kept by the agency's supervisors and the system administrator through
    # beian.staff.services.update_agency_contacts (validated and audited); messages to applicants give
    # the telephone.
    telephone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=100, blank=True)
    active = models.BooleanField(_("active"), default=True)
    # Generated from a division by load_reference_data (one per division); others are added by hand.
    generated = models.BooleanField(_("generated from the division table"), default=False)

    PERSONAL_DATA = {
        **BilingualNamed.PERSONAL_DATA,
        "telephone": NotPersonal(_("a public office's telephone, given to applicants")),
        "address": NotPersonal(_("a public office's address, given to applicants")),
    }

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(
            fields=["division"], condition=models.Q(generated=True),
            name="one_generated_agency_per_division")]
        verbose_name = _("police agency")
        verbose_name_plural = _("police agencies")
