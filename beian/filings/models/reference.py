"""Reference data of the filing wizard: access providers (a searchable suggestion list; free text is
allowed) and the versioned security-protection notice. Seeded by a data migration, editable in the
admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.models.bilingual import pick_language
from beian.core.personal_data import NotPersonal


class AccessProvider(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    PERSONAL_DATA = {"name": NotPersonal(_("a company's name"))}

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("network access provider")
        verbose_name_plural = _("network access providers")

    def __str__(self) -> str:
        return self.name


class SecurityNotice(models.Model):
    """The security-protection notice of the prompt step. A new text is a new version; the version
    an applicant accepted is stored with the application."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    text_zh = models.TextField(_("text (Chinese)"))
    text_en = models.TextField(_("text (English)"))
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("security-protection notice")
        verbose_name_plural = _("security-protection notices")

    def __str__(self) -> str:
        return self.version

    @property
    def text(self) -> str:
        return pick_language(self.text_zh, self.text_en)

    @classmethod
    def current(cls):
        return cls.objects.order_by("-published_at", "-id").first()
