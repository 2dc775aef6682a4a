"""The service footer of every page: the operator, a contact and the platform's own record numbers,
all from settings (SERVICE_*). An empty setting hides its part."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from beian.public.badge import BADGE_PNG
from beian.rules.numbers import format_record_number, parse_record_number


@dataclass(frozen=True)
class ServiceFooter:
    operator: str
    phone: str
    email: str
    record_text: str  # 京公网安备 11010502030143号
    record_url: str
    badge_png: str
    icp_number: str
    icp_url: str


def _record(number: str) -> tuple[str, str]:
    """(text, link) of the platform's own public-security record. A number that does not parse is shown
    as written, linked only when SERVICE_RECORD_URL says where."""
    digits = parse_record_number(number) if number else None
    if digits is None:
        return number, settings.SERVICE_RECORD_URL
    own_record = reverse("records:record", args=[digits])
    return format_record_number(digits), settings.SERVICE_RECORD_URL or own_record


def _footer() -> ServiceFooter:
    record_text, record_url = _record(settings.SERVICE_RECORD_NUMBER.strip())
    return ServiceFooter(
        operator=settings.SERVICE_OPERATOR.strip(),
        phone=settings.SERVICE_CONTACT_PHONE.strip(),
        email=settings.SERVICE_CONTACT_EMAIL.strip(),
        record_text=record_text,
        record_url=record_url,
        badge_png=BADGE_PNG,
        icp_number=settings.SERVICE_ICP_NUMBER.strip(),
        icp_url=settings.SERVICE_ICP_URL.strip())


def service_footer(request):
    return {"service_footer": SimpleLazyObject(_footer)}
