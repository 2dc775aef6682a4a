"""Reference data carries its own names in both UI languages; the current language picks one."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from beian.core.personal_data import NotPersonal


def pick_language(zh: str, en: str) -> str:
    language = get_language() or "zh-hans"
    return en if language.startswith("en") and en else zh


class BilingualNamed(models.Model):
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    PERSONAL_DATA = {
        "name_zh": NotPersonal(_("the name of a reference entry (division, agency, code)")),
        "name_en": NotPersonal(_("the name of a reference entry (division, agency, code)")),
    }

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick_language(self.name_zh, self.name_en)
