"""Code lists of SPEC §3: sponsor and certificate types, service types, interactive services,
pre-approvals. Data, editable by administrators; the defaults are loaded by load_reference_data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.models.bilingual import BilingualNamed, pick_language


class CodeList(BilingualNamed):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["position", "code"]


class CertificateType(CodeList):
    for_units = models.BooleanField(_("identifies a unit"), default=False)
    for_persons = models.BooleanField(_("identifies a person"), default=False)
    format_zh = models.CharField(_("format (Chinese)"), max_length=200, blank=True)
    format_en = models.CharField(_("format (English)"), max_length=200, blank=True)

    class Meta(CodeList.Meta):
        verbose_name = _("certificate type")
        verbose_name_plural = _("certificate types")

    @property
    def format_hint(self) -> str:
        return pick_language(self.format_zh, self.format_en)


class SponsorType(CodeList):
    is_unit = models.BooleanField(_("is a unit"), default=True)
    certificate_types = models.ManyToManyField(
        CertificateType, verbose_name=_("allowed certificate types"), related_name="sponsor_types")

    class Meta(CodeList.Meta):
        verbose_name = _("sponsor type")
        verbose_name_plural = _("sponsor types")


class ServiceType(CodeList):
    class Meta(CodeList.Meta):
        verbose_name = _("website service type")
        verbose_name_plural = _("website service types")


class InteractiveService(CodeList):
    class Meta(CodeList.Meta):
        verbose_name = _("interactive service")
        verbose_name_plural = _("interactive services")


class PreApproval(CodeList):
    authority_zh = models.CharField(_("granting authority (Chinese)"), max_length=200, blank=True)
    authority_en = models.CharField(_("granting authority (English)"), max_length=200, blank=True)
    keywords = models.JSONField(_("name keywords"), default=list, blank=True)

    class Meta(CodeList.Meta):
        verbose_name = _("pre-approval")
        verbose_name_plural = _("pre-approvals")

    @property
    def authority(self) -> str:
        return pick_language(self.authority_zh, self.authority_en)
