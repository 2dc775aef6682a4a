"""The latest badge-display check of each filed website (ADR 0081): does its home page show the record
number and link to the public record? One row per website, overwritten by every check; the history is
not kept (the police act on the current state; the audit log keeps who ran what)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.badge_checks.failure_texts import failure_text
from beian.core.personal_data import POLICE, Category, PersonalData, Protection, Retention
from beian.core.progress import percent_done


class Outcome(models.TextChoices):
    OK = "ok", _("badge shown and linked")
    NUMBER_MISSING = "number_missing", _("record number missing")
    WRONG_NUMBER = "wrong_number", _("wrong record number")
    NO_LINK = "no_link", _("no link to the public record")
    UNREACHABLE = "unreachable", _("home page unreachable")


FAILURES = (Outcome.NUMBER_MISSING, Outcome.WRONG_NUMBER, Outcome.NO_LINK, Outcome.UNREACHABLE)


class BadgeCheck(models.Model):
    website = models.OneToOneField("filings.Website", verbose_name=_("filed website"),
                                   on_delete=models.CASCADE, related_name="badge_check")
    # Copied from the website so that the workbench filters by agency on one indexed table.
    agency = models.ForeignKey("core.Agency", verbose_name=_("filing agency"), on_delete=models.PROTECT,
                               related_name="+")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    url = models.CharField(_("address checked"), max_length=300)
    final_url = models.CharField(_("address of the page"), max_length=500, blank=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    found_numbers = models.JSONField(_("record numbers found"), default=list, blank=True)
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        ordering = ["-checked_at", "-id"]
        verbose_name = _("badge-display check")
        verbose_name_plural = _("badge-display checks")
        indexes = [models.Index(fields=["agency", "outcome"], name="badge_check_agency_outcome")]

    def __str__(self) -> str:
        return f"{self.website_id}: {self.outcome}"

    @property
    def detail_text(self) -> str:
        """Why the page could not be read, in the reader's language (never an exception's words)."""
        return failure_text(self.detail)

    @property
    def is_ok(self) -> bool:
        return self.outcome == Outcome.OK


class CheckSchedule(models.Model):
    """One row (pk=1): when the next scheduled run over every agency is due. Whoever claims the due
    slot enqueues the next run, so exactly one chain of scheduled runs exists."""

    next_run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("badge-check schedule")
        verbose_name_plural = _("badge-check schedules")


class BadgeCheckRun(models.Model):
    """One run of the check over an agency's filed websites, asked for on the workbench: how far it is
    and what it found, so the person who started it can follow it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")

    agency = models.ForeignKey("core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="+")
    requested_by = models.ForeignKey("accounts.User", verbose_name=_("requested by"), null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    websites_total = models.PositiveIntegerField(_("websites"), default=0)
    websites_checked = models.PositiveIntegerField(_("checked"), default=0)
    counts = models.JSONField(_("outcomes"), default=dict, blank=True)  # {outcome: websites}
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    PERSONAL_DATA = {
        "requested_by": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, POLICE, Retention.STAFF_RECORD),
    }

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("badge-check run")
        verbose_name_plural = _("badge-check runs")

    @property
    def percent(self) -> int:
        return percent_done(self.websites_checked, self.websites_total,
                            finished=self.status == self.Status.DONE)

    @property
    def failed(self) -> int:
        return sum(count for outcome, count in self.counts.items() if outcome in FAILURES)
