"""Face reviews and on-site inspections of interactive websites (SPEC §5 "Decide", ADR 0053).

The reviewer offers time slots with the place and the documents to bring; the applicant books one or
asks for others; the reviewer records the result. An Appointment belongs to one filing application;
at most one is open at a time (the partial unique constraint), earlier ones stay as history. The
state field changes only through its transitions (django-fsm-2, protected); beian/inspections/
services.py is the only caller.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, FSMModelMixin, transition

from beian.core.personal_data import APPLICANT_AND_POLICE, Category, PersonalData, Protection, Retention


class Appointment(FSMModelMixin, models.Model):
    class Mode(models.TextChoices):
        FACE_REVIEW = "face_review", _("face review")
        ONSITE_INSPECTION = "onsite_inspection", _("on-site inspection")

    class Status(models.TextChoices):
        OFFERED = "offered", _("times offered")
        OTHER_SLOTS_ASKED = "other_slots_asked", _("other times asked for")
        BOOKED = "booked", _("booked")
        # Contexts: other catalogs translate the bare words for other things (a failed SMS, a cancelled
        # website), and the first catalog loaded would win.
        PASSED = "passed", pgettext_lazy("inspection", "passed")
        FAILED = "failed", pgettext_lazy("inspection", "failed")
        CANCELLED = "cancelled", pgettext_lazy("inspection", "cancelled")

    OPEN = (Status.OFFERED, Status.OTHER_SLOTS_ASKED, Status.BOOKED)

    application = models.ForeignKey("filings.WebsiteApplication", verbose_name=_("application"),
                                    on_delete=models.PROTECT, related_name="appointments")
    mode = models.CharField(_("kind"), max_length=20, choices=Mode.choices)
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.OFFERED,
                      protected=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewer"),
                                 on_delete=models.PROTECT, related_name="+")
    place = models.CharField(_("place"), max_length=200)
    documents = models.TextField(_("documents to bring"), max_length=1000)
    applicant_note = models.TextField(_("note of the applicant"), blank=True, max_length=500)
    result_reasons = models.JSONField(_("reasons"), default=list, blank=True)
    result_note = models.TextField(_("note of the reviewer"), blank=True)
    booked_at = models.DateTimeField(_("booked at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("result recorded at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    PERSONAL_DATA = {
        "reviewer": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, APPLICANT_AND_POLICE,
                                 Retention.STAFF_RECORD),
        "applicant_note": PersonalData(Category.FREE_TEXT, Protection.PLAIN, APPLICANT_AND_POLICE,
                                       Retention.FILING),
        "result_note": PersonalData(Category.FREE_TEXT, Protection.PLAIN, APPLICANT_AND_POLICE,
                                    Retention.FILING),
    }

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("face review or on-site inspection")
        verbose_name_plural = _("face reviews and on-site inspections")
        constraints = [
            models.UniqueConstraint(fields=["application"], condition=Q(status__in=[
                "offered", "other_slots_asked", "booked"]), name="one_open_appointment_per_application"),
        ]
        indexes = [models.Index(fields=["status", "reminder_sent_at"], name="appointment_reminder_due")]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} #{self.pk}"

    # --- transitions (called only by beian.inspections.services) ----------------------------------
    @transition(field=status, source=Status.OFFERED, target=Status.BOOKED)
    def book(self):
        pass

    # From booked too: the applicant cannot come after all, or the reviewer has to move the time.
    @transition(field=status, source=[Status.OFFERED, Status.BOOKED], target=Status.OTHER_SLOTS_ASKED)
    def ask_for_other_slots(self):
        self._release_booking()

    @transition(field=status, source=[Status.OTHER_SLOTS_ASKED, Status.BOOKED], target=Status.OFFERED)
    def offer_again(self):
        self._release_booking()

    def _release_booking(self):
        """A booking given up: its time is free and the next booking gets its own reminder."""
        self.slots.filter(chosen=True).update(chosen=False)
        self.booked_at = self.reminder_sent_at = None

    @transition(field=status, source=Status.BOOKED, target=Status.PASSED)
    def pass_(self):
        pass

    @transition(field=status, source=Status.BOOKED, target=Status.FAILED)
    def fail(self):
        pass

    @transition(field=status, source=OPEN, target=Status.CANCELLED)
    def cancel(self):
        """The application left the inspection state another way (returned by the reviewer)."""

    # --- reading -----------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def current_slots(self):
        return self.slots.filter(withdrawn=False)

    @property
    def booked_slot(self):
        return self.slots.filter(chosen=True).first()

    def has_begun(self, now) -> bool:
        """Whether the booked time has begun: a result recorded before it could not be true."""
        slot = self.booked_slot
        return slot is not None and slot.starts_at <= now


class Slot(models.Model):
    """One time offered. Slots of an earlier offer are kept, withdrawn, when other times are offered."""

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    chosen = models.BooleanField(_("chosen"), default=False)
    withdrawn = models.BooleanField(_("withdrawn"), default=False)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [
            models.UniqueConstraint(fields=["appointment"], condition=Q(chosen=True),
                                    name="one_chosen_slot_per_appointment"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="slot_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The local (China Standard Time) date and times, as SMS texts and pages show them."""
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{starts:%Y-%m-%d %H:%M}–{ends:%H:%M}"


class ReminderSchedule(models.Model):
    """The single row that keeps exactly one periodic reminder chain alive (see reminders.schedule)."""

    next_run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reminder schedule")
        verbose_name_plural = _("reminder schedule")

    def __str__(self):
        return f"next reminder run at {self.next_run_at}"
