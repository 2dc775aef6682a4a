"""Reads about accounts: who holds a username, a mobile number or an e-mail address."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from beian.accounts.mobile import normalise_mobile
from beian.accounts.models import User

# A registration whose mobile was never confirmed stops reserving its username after this long
# (ADR 0021); its mobile and e-mail never reserve anything, uniqueness is among active accounts.
PENDING_REGISTRATION_LIFETIME = timedelta(hours=24)


def pending_registrations():
    """Applicant registrations whose mobile number was never confirmed (never active)."""
    return User.objects.filter(role=User.Role.APPLICANT, is_active=False, mobile_verified_at__isnull=True,
                               last_login__isnull=True)


def stale_pending_registrations(*, now=None):
    cutoff = (now or timezone.now()) - PENDING_REGISTRATION_LIFETIME
    return pending_registrations().filter(date_joined__lt=cutoff)


def username_is_taken(username: str, *, now=None, exclude: User | None = None) -> bool:
    stale = stale_pending_registrations(now=now).values("pk")
    holders = User.objects.filter(username__iexact=username).exclude(pk__in=stale)
    if exclude is not None:
        holders = holders.exclude(pk=exclude.pk)
    return holders.exists()


def active_account_with_mobile(mobile: str) -> User | None:
    return User.objects.filter(is_active=True, mobile=mobile).first() if mobile else None


def active_account_with_email(email: str) -> User | None:
    return User.objects.filter(is_active=True, email__iexact=email).first() if email else None


def account_for_sign_in(login: str) -> User | None:
    """The account a person means by a username or a (confirmed) mobile number, active or not."""
    login = (login or "").strip()
    if not login:
        return None
    user = User.objects.filter(username=login).first()
    if user is not None:
        return user
    mobile = normalise_mobile(login)
    if mobile:
        return (User.objects.filter(mobile=mobile, is_active=True, mobile_verified_at__isnull=False).first())
    return None


def superseded_registrations(user: User):
    """Pending registrations that used the mobile or e-mail of `user`, who has just been activated."""
    return pending_registrations().exclude(pk=user.pk).filter(
        Q(mobile=user.mobile) | Q(email__iexact=user.email))


def administrators_to_alert():
    """Who hears about the platform's own trouble (the SMS budget): active system administrators."""
    return User.objects.filter(role=User.Role.SYSTEM_ADMINISTRATOR, is_active=True).order_by("pk")
