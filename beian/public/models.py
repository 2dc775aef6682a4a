"""The public index of filed domain names (ADR 0080).

The filed record keeps its domains in a JSON list (beian.filings.Website.domains); a lookup by domain
among a million records needs an indexed column instead. One row per (domain, website), rewritten from
the website by the post_save hook in beian/public/receivers.py, so this table is derived data: it can
be rebuilt at any time with `manage.py rebuild_public_domains`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicDomain(models.Model):
    domain = models.CharField(_("domain"), max_length=253)  # ASCII (A-label), lower case
    website = models.ForeignKey("filings.Website", verbose_name=_("filed website"), on_delete=models.CASCADE,
                                related_name="+")
    is_main = models.BooleanField(_("main domain"), default=False)
    # Copied from the website, so that "filed ones first" needs no join.
    filed = models.BooleanField(_("filed"), default=True)

    class Meta:
        verbose_name = _("public domain index entry")
        verbose_name_plural = _("public domain index entries")
        constraints = [models.UniqueConstraint(fields=["domain", "website"], name="one_index_row_per_domain")]
        indexes = [models.Index(fields=["website"], name="public_domain_website")]

    def __str__(self) -> str:
        return self.domain
