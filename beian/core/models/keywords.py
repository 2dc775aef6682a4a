from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.personal_data import Category, PersonalData, Protection, Reader, Retention
from beian.rules import Keywords


class RuleKeywordSet(models.Model):
    """A version of the rule keyword lists (SPEC §3): government words, national prefixes, company and
    unit suffixes, fake-name patterns, address markers. The newest version is in force; older ones
    stay for the record. Sector keywords live with each pre-approval. Missing lists take the
    defaults shipped with beian.rules."""

    lists = models.JSONField(_("keyword lists"), default=dict, blank=True)
    note = models.CharField(_("what changed"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")

    PERSONAL_DATA = {
        "created_by": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN,
                                   (Reader.SYSTEM_ADMINISTRATOR, Reader.AUDITOR), Retention.STAFF_RECORD),
    }

    class Meta:
        ordering = ["-id"]
        verbose_name = _("rule keyword lists")
        verbose_name_plural = _("rule keyword lists")

    def __str__(self) -> str:
        return f"v{self.pk} {self.note}"

    def clean(self):
        try:
            Keywords.from_dict({key: value for key, value in self.lists.items()
                                if key != "sector_keywords"})
        except ValueError as exc:
            raise ValidationError({"lists": str(exc)}) from exc
