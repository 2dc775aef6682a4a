"""The platform's user model — custom from the first migration, because it cannot be swapped later."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from beian.core.personal_data import (
    APPLICANT_AND_POLICE,
    Category,
    PersonalData,
    Protection,
    Reader,
    Retention,
)

# Who reads an account's details: the person, the police handling their filings, and the security
# administrator (staff accounts) or a supervisor (reviewer accounts below them).
ACCOUNT_READERS = (*APPLICANT_AND_POLICE, Reader.SECURITY_ADMINISTRATOR)


class User(AbstractUser):
    class Role(models.TextChoices):
        APPLICANT = "applicant", _("applicant")
        REVIEWER = "reviewer", _("reviewer")
        SUPERVISOR = "supervisor", _("supervisor")
        SYSTEM_ADMINISTRATOR = "system_administrator", _("system administrator")
        SECURITY_ADMINISTRATOR = "security_administrator", _("security administrator")
        AUDITOR = "auditor", _("auditor")

    POLICE_ROLES = (Role.REVIEWER, Role.SUPERVISOR)
    STAFF_ROLES = (Role.REVIEWER, Role.SUPERVISOR, Role.SYSTEM_ADMINISTRATOR,
                   Role.SECURITY_ADMINISTRATOR, Role.AUDITOR)

    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.APPLICANT)
    agency = models.ForeignKey("core.Agency", verbose_name=_("police agency"), null=True,
                               blank=True, on_delete=models.PROTECT, related_name="officers")
    real_name = models.CharField(_("real name"), max_length=50, blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=20, blank=True)
    mobile_verified_at = models.DateTimeField(_("mobile verified at"), null=True, blank=True)
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)
    # The language the account last chose on the platform: its SMS, system messages and e-mails are
    # written in it, whoever's action sends them (a reviewer working in English, a night task).
    language = models.CharField(_("language of messages"), max_length=10, blank=True)
    # Set when the holder closed the account (beian.data_rights): it no longer signs in, and the
    # retention rules remove what is due from this date (ADR 0103).
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    PERSONAL_DATA = {
        "username": PersonalData(Category.ACCOUNT, Protection.PLAIN, ACCOUNT_READERS,
                                 Retention.PENDING_REGISTRATION),
        "password": PersonalData(Category.ACCOUNT, Protection.HASHED, (Reader.NOBODY,), Retention.ACCOUNT),
        # Django's fields, left empty: the real name is one field (real_name).
        "first_name": PersonalData(Category.NAME, Protection.PLAIN, ACCOUNT_READERS, Retention.ACCOUNT),
        "last_name": PersonalData(Category.NAME, Protection.PLAIN, ACCOUNT_READERS, Retention.ACCOUNT),
        "real_name": PersonalData(Category.NAME, Protection.PLAIN, ACCOUNT_READERS, Retention.ACCOUNT),
        "email": PersonalData(Category.CONTACT, Protection.PLAIN, ACCOUNT_READERS,
                              Retention.PENDING_REGISTRATION),
        "mobile": PersonalData(Category.CONTACT, Protection.PLAIN, ACCOUNT_READERS,
                               Retention.PENDING_REGISTRATION),
    }

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Phone and e-mail serve "credit certification": one active account each (SPEC §4.1).
            models.UniqueConstraint(fields=["mobile"], condition=Q(is_active=True) & ~Q(mobile=""),
                                    name="unique_mobile_among_active_accounts"),
            models.UniqueConstraint(fields=["email"], condition=Q(is_active=True) & ~Q(email=""),
                                    name="unique_email_among_active_accounts"),
            models.CheckConstraint(
                condition=~Q(role__in=["reviewer", "supervisor"]) | Q(agency__isnull=False),
                name="police_accounts_belong_to_an_agency"),
        ]

    @property
    def is_police(self) -> bool:
        return self.role in self.POLICE_ROLES

    @property
    def needs_second_factor(self) -> bool:
        return self.role in self.STAFF_ROLES


class VerificationCode(models.Model):
    """A 6-digit SMS code (SPEC §8). Only a keyed hash is stored; see beian.accounts.sms_codes."""

    class Purpose(models.TextChoices):
        REGISTRATION = "registration", _("registration")
        PASSWORD_RESET = "password_reset", _("password reset")
        CANCELLATION = "cancellation", _("website cancellation")
        MOBILE_CHANGE = "mobile_change", _("change of mobile number")
        SIGN_IN = "sign_in", _("sign-in")

    phone = models.CharField(_("mobile phone"), max_length=20)
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("expires at"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    PERSONAL_DATA = {
        "phone": PersonalData(Category.CONTACT, Protection.PLAIN, (Reader.NOBODY,),
                              Retention.VERIFICATION_CODE),
    }

    class Meta:
        verbose_name = _("SMS verification code")
        verbose_name_plural = _("SMS verification codes")
        indexes = [models.Index(fields=["phone", "purpose", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.purpose} {self.created_at:%Y-%m-%d %H:%M}"
