from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarOverride(models.Model):
    """An administrator's correction of the working-day calendar: an extra holiday or working day.

    Needed for the years the chinese-calendar package does not know yet (SPEC §3)."""

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(_("is a working day"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")

    def __str__(self) -> str:
        return f"{self.date} {'+' if self.is_working_day else '-'}"
