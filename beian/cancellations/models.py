"""An applicant's request to cancel the filing of a closed website (SPEC §4.6).

The state changes only through its transitions (django-fsm-2, protected); beian/cancellations/services.py
is the only caller. A website has at most one open request at a time: the partial unique constraint
settles two simultaneous submissions, the service's locked check gives the readable message.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from beian.core.personal_data import APPLICANT_AND_POLICE, Category, PersonalData, Protection, Retention


class CancellationApplication(FSMModelMixin, models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted for review")
        IN_REVIEW = "in_review", _("in review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    # Waiting for the police: while one of these exists, no other request for the website is taken.
    OPEN = (Status.SUBMITTED, Status.IN_REVIEW)

    website = models.ForeignKey("filings.Website", verbose_name=_("filed website"), on_delete=models.PROTECT,
                                related_name="cancellations")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.PROTECT,
                              related_name="cancellations")
    # The website's filing agency when the request was made: the jurisdiction that decides it.
    agency = models.ForeignKey("core.Agency", verbose_name=_("filing agency"), on_delete=models.PROTECT,
                               related_name="+")
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED,
                      protected=True)
    reason = models.TextField(_("reason given by the applicant"), max_length=1000, blank=True)
    # One entry per probed URL (beian.cancellations.probe.ProbeResult.as_dict), kept as evidence.
    probe_results = models.JSONField(_("probe results"), default=list, blank=True)
    probed_at = models.DateTimeField(_("probed at"))
    submitted_at = models.DateTimeField(_("submitted at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")
    rejection_reasons = models.JSONField(_("rejection reasons"), default=list, blank=True)
    rejection_note = models.TextField(_("rejection note"), blank=True)

    PERSONAL_DATA = {
        "owner": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, APPLICANT_AND_POLICE,
                              Retention.FILING),
        "reason": PersonalData(Category.FREE_TEXT, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.FILING),
        "decided_by": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, APPLICANT_AND_POLICE,
                                   Retention.STAFF_RECORD),
    }

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("website cancellation")
        verbose_name_plural = _("website cancellations")
        constraints = [
            models.UniqueConstraint(fields=["website"], condition=Q(status__in=["submitted", "in_review"]),
                                    name="one_open_cancellation_per_website"),
        ]

    def __str__(self) -> str:
        return f"{self.website} — {self.get_status_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @transition(field=status, source=Status.SUBMITTED, target=Status.IN_REVIEW)
    def start_review(self):
        """A reviewer took the request."""

    @transition(field=status, source=OPEN, target=Status.APPROVED)
    def approve(self):
        """The website's record becomes cancelled (the service does that in the same transaction)."""

    @transition(field=status, source=OPEN, target=Status.REJECTED)
    def reject(self):
        """The applicant is told why and may apply again."""
