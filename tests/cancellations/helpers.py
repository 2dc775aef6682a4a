"""Shared bits of the cancellation tests: filed websites, the SMS code, closing and opening sites."""

import re

from beian.cancellations import services
from beian.filings import services as filing_services
from beian.notifications.models import OutboxMessage
from beian.review.models import ReturnReason
from tests.cancellations.servers import refusing_port
from tests.factories import make_reviewer
from tests.filings import helpers as filing_helpers


def filed_website(sponsor=None, **basic_changes):
    """A website filed by the Beijing Chaoyang agency (its domain is unique per call)."""
    sponsor = sponsor or filing_helpers.approved_sponsor()
    application = filing_helpers.submitted_application(sponsor, **basic_changes)
    return filing_services.approve_application(actor=make_reviewer(application.agency.code),
                                               application=application)


def point_domains_at(settings, website, address: str) -> None:
    """Send the probe for every domain of the website to `address` ("127.0.0.1:port")."""
    settings.CANCELLATION_PROBE_RESOLVE = {**(settings.CANCELLATION_PROBE_RESOLVE or {}),
                                           **{domain: address for domain in website.domains}}


def close(settings, website) -> None:
    point_domains_at(settings, website, f"127.0.0.1:{refusing_port()}")


def last_code(user) -> str:
    message = OutboxMessage.objects.filter(to=user.mobile, template="verification_code").latest("id")
    return re.search(r"\b(\d{6})\b", message.text).group(1)


def send_code(website) -> str:
    owner = website.sponsor.owner
    services.request_code(actor=owner, website=website, client_address="192.0.2.10")
    return last_code(owner)


def submit(website, code=None, **kwargs):
    owner = website.sponsor.owner
    return services.submit_cancellation(actor=owner, website=website, code=code or send_code(website),
                                        **kwargs)


def reason_dicts(codes=("cancellation_website_online",)) -> list[dict]:
    return [{"code": r.code, "text": r.text_zh, "text_zh": r.text_zh, "text_en": r.text_en, "field": r.field}
            for r in ReturnReason.objects.filter(code__in=codes)]
