"""Accounts for the tests: the one place that builds a user, an applicant or a staff account.

Every account comes from UserFactory, so the tests agree on passwords, on the second factor of
staff accounts and on contact details that never collide (phone and e-mail are unique among
active accounts). Sponsors, applications and filed websites are built through the real services
by the helpers of each folder (tests/<app>/helpers.py), with accounts from here.
"""

import factory
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory

from beian.accounts.models import User
from beian.core.models import Agency

PASSWORD = "Tiger-lily-2026"  # every applicant's
STAFF_PASSWORD = "Correct-Horse-42-battery"  # every staff account's

# Agencies of the reference data the tests lean on.
BEIJING = "110000"  # the Beijing corps: Chaoyang and Haidian are below it
CHAOYANG = "110105"  # the brigade of the sample sponsor's address
HAIDIAN = "110108"  # another county of Beijing


class UserFactory(DjangoModelFactory):
    """An applicant by default; a staff role by trait (reviewer=True, …) or by role=… and agency_code=….

    Staff accounts get a confirmed TOTP device unless built with enrolled=False."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        agency_code = None
        reviewer = factory.Trait(role=User.Role.REVIEWER, agency_code=CHAOYANG)
        supervisor = factory.Trait(role=User.Role.SUPERVISOR, agency_code=BEIJING)
        administrator = factory.Trait(role=User.Role.SYSTEM_ADMINISTRATOR)
        security_administrator = factory.Trait(role=User.Role.SECURITY_ADMINISTRATOR)
        auditor = factory.Trait(role=User.Role.AUDITOR)

    role = User.Role.APPLICANT
    username = factory.LazyAttributeSequence(lambda o, n: f"{o.role[:10]}_{n:04d}")
    password = factory.LazyAttribute(lambda o: STAFF_PASSWORD if o.role in User.STAFF_ROLES else PASSWORD)
    agency = factory.LazyAttribute(lambda o: _agency(o.agency_code))
    real_name = factory.LazyAttributeSequence(lambda o, n: _real_name(o.role, n))
    # 136… is used by no test that types a number by hand.
    mobile = factory.Sequence(lambda n: f"136{n:08d}")
    email = factory.Sequence(lambda n: f"account{n}@example.cn")
    is_active = True
    # An applicant proved the phone at registration; staff accounts are made by an administrator.
    mobile_verified_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.role == User.Role.APPLICANT and o.is_active else None)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, **kwargs)  # hashes the password

    @factory.post_generation
    def enrolled(user, create, extracted, **kwargs):
        if create and extracted is not False and user.needs_second_factor:
            TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def _agency(code):
    return Agency.objects.get(code=code) if code else None


def _real_name(role, number):
    return "王芳" if role == User.Role.APPLICANT else f"测试{number}"


def make_applicant(username=None, **fields) -> User:
    """An active applicant with a verified phone (is_active=False: a registration left unfinished)."""
    return UserFactory(**_named(username), **fields)


def make_staff(role, agency_code=None, *, username=None, **fields) -> User:
    """An account of any role (police roles need agency_code), TOTP enrolled unless enrolled=False."""
    return UserFactory(role=role, agency_code=agency_code, **_named(username), **fields)


def make_reviewer(agency_code=CHAOYANG, **fields) -> User:
    return UserFactory(reviewer=True, agency_code=agency_code, **fields)


def _named(username) -> dict:
    return {"username": username} if username else {}


def current_code(device: TOTPDevice) -> str:
    """The TOTP code the device shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in_verified(client, user):
    """A session as after password + TOTP: what every staff page expects."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
