"""Staff accounts for the tests, and clients signed in with or without the second factor."""

import itertools

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.accounts.models import User
from beian.core.models import Agency

PASSWORD = "Correct-Horse-42-battery"
_numbers = itertools.count(1)


def make_user(role, agency_code=None, *, username=None, enrolled=True, **extra) -> User:
    number = next(_numbers)
    user = User.objects.create_user(
        username or f"{role[:10]}_{number:04d}", password=PASSWORD, role=role,
        agency=Agency.objects.get(code=agency_code) if agency_code else None,
        real_name=f"测试{number}", mobile=f"139{number:08d}", email=f"user{number}@example.cn", **extra)
    if enrolled and user.needs_second_factor:
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def current_code(device: TOTPDevice) -> str:
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


@pytest.fixture
def staff(reference_data):
    """staff(role, agency_code=None, **kwargs) → a new account (TOTP enrolled unless enrolled=False)."""
    return make_user


@pytest.fixture
def signed_in(client):
    """signed_in(user) → the test client, signed in with password and second factor."""
    return lambda user: sign_in_verified(client, user)
