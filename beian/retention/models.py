"""The single row that keeps one daily retention run scheduled (see beian.retention.schedule)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionSchedule(models.Model):
    next_run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("retention schedule")
        verbose_name_plural = _("retention schedule")

    def __str__(self):
        return f"next retention run at {self.next_run_at}"
