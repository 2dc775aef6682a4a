"""Demo accounts, and the contact details of their agencies, for a first look at the platform (make run).
Idempotent; never for production."""

import base64
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.accounts.models import User
from beian.core.models import Agency

DEMO_PASSWORD = "Beian-demo-2026"
# Fixed TOTP keys so a person can add them to an authenticator app once and keep them.
DEMO_TOTP_KEYS = {
    "demo_reviewer": "3132333435363738393031323334353637383930",
    "demo_supervisor": "4142434445464748494a4b4c4d4e4f5051525354",
    "demo_admin": "6162636465666768696a6b6c6d6e6f7071727374",
    "demo_security": "5354555657585960616263646566676869707172",
    "demo_auditor": "7172737475767778798081828384858687888990",
}
DEMO_COUNTY_AGENCY = "330106"  # 杭州市西湖区
DEMO_CITY_AGENCY = "330100"  # 杭州市
DEMO_PROVINCE_AGENCY = "330000"  # 浙江省
# Invented contact details (not the real offices'), so that the approval SMS of the demo gives a number.
DEMO_AGENCY_CONTACTS = {
    DEMO_COUNTY_AGENCY: {"telephone": "0571-86081234", "address": "杭州市西湖区示例路 18 号",
                         "office_hours": "工作日 9:00–12:00，13:30–17:00"},
    DEMO_CITY_AGENCY: {"telephone": "0571-87065678", "address": "杭州市上城区示例大道 66 号",
                       "office_hours": "工作日 8:30–12:00，14:00–17:30"},
    DEMO_PROVINCE_AGENCY: {"telephone": "0571-87280110", "address": "杭州市西湖区示例街 1 号",
                           "office_hours": "工作日 9:00–17:00"},
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    agency: str
    totp_secret: str  # base32, as authenticator apps expect; empty for applicants


def _account(username, role, *, agency=None, real_name, mobile, email, superuser=False) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={
        "role": role, "agency": agency, "real_name": real_name, "mobile": mobile, "email": email,
        "is_staff": superuser, "is_superuser": superuser,
    })
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    if user.mobile_verified_at is None:
        # Demo accounts are ready to use: their mobile and e-mail count as confirmed.
        user.mobile_verified_at = user.email_verified_at = timezone.now()
        user.save(update_fields=["mobile_verified_at", "email_verified_at"])
    return user


def _totp_secret(user: User) -> str:
    key = DEMO_TOTP_KEYS[user.username]
    TOTPDevice.objects.get_or_create(user=user, name="demo", defaults={"key": key, "confirmed": True})
    return base64.b32encode(bytes.fromhex(key)).decode("ascii")


def _fill_demo_agency_contacts() -> None:
    """Only where nothing is entered yet: details a person changed in the demo stay as they are."""
    for code, contacts in DEMO_AGENCY_CONTACTS.items():
        agency = Agency.objects.filter(code=code).first()
        if agency is not None and not (agency.telephone or agency.address or agency.office_hours):
            for field, value in contacts.items():
                setattr(agency, field, value)
            agency.save(update_fields=list(contacts))


@transaction.atomic
def create_demo_accounts() -> list[DemoLogin]:
    _fill_demo_agency_contacts()
    county = Agency.objects.get(code=DEMO_COUNTY_AGENCY)
    city = Agency.objects.get(code=DEMO_CITY_AGENCY)
    applicant = _account("demo_applicant", User.Role.APPLICANT, real_name="张伟",
                         mobile="13800138000", email="applicant@example.cn")
    reviewer = _account("demo_reviewer", User.Role.REVIEWER, agency=county, real_name="李娜",
                        mobile="13900139001", email="reviewer@example.cn")
    supervisor = _account("demo_supervisor", User.Role.SUPERVISOR, agency=city, real_name="王强",
                          mobile="13900139002", email="supervisor@example.cn")
    admin = _account("demo_admin", User.Role.SYSTEM_ADMINISTRATOR, real_name="赵敏",
                     mobile="13900139003", email="admin@example.cn", superuser=True)
    # The three separated duties (SPEC §1): platform data, accounts and permissions, the audit log.
    security = _account("demo_security", User.Role.SECURITY_ADMINISTRATOR, real_name="钱进",
                        mobile="13900139004", email="security@example.cn")
    auditor = _account("demo_auditor", User.Role.AUDITOR, real_name="孙丽",
                       mobile="13900139005", email="auditor@example.cn")
    return [
        DemoLogin(applicant.username, applicant.get_role_display(), "", ""),
        DemoLogin(reviewer.username, reviewer.get_role_display(), county.name_zh, _totp_secret(reviewer)),
        DemoLogin(supervisor.username, supervisor.get_role_display(), city.name_zh,
                  _totp_secret(supervisor)),
        DemoLogin(admin.username, admin.get_role_display(), "", _totp_secret(admin)),
        DemoLogin(security.username, security.get_role_display(), "", _totp_secret(security)),
        DemoLogin(auditor.username, auditor.get_role_display(), "", _totp_secret(auditor)),
    ]
