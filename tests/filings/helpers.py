"""Shared bits of the filing tests: sponsors in each state, a complete application."""

import datetime
import itertools
import re

from django.utils import timezone

from beian.filings import services
from beian.filings.models import SecurityNotice
from beian.sponsors import services as sponsor_services
from tests.factories import make_applicant, make_reviewer
from tests.sponsors.helpers import ready_entity

_domains = itertools.count(1)


def notice() -> SecurityNotice:
    """The seeded notice (a transactional test flushed it: create it again)."""
    return SecurityNotice.current() or SecurityNotice.objects.create(version="2026.1", text_zh="须知",
                                                                     text_en="Notice")


def submitted_sponsor(user=None):
    entity = ready_entity(user or make_applicant())
    sponsor_services.submit_sponsor_entity(actor=entity.owner)
    entity.refresh_from_db()
    return entity


def approved_sponsor(user=None):
    entity = submitted_sponsor(user)
    sponsor_services.approve_sponsor_entity(actor=make_reviewer(), entity=entity)
    entity.refresh_from_db()
    return entity


def label_of(page: str, value: str) -> str | None:
    """The <dt> label of the summary row whose <dd> is `value`."""
    match = re.search(r"<dt>([^<]*)</dt><dd>" + re.escape(value) + "</dd>", page)
    return match.group(1) if match else None


def basic_data(**changes) -> dict:
    """The cleaned data of the basic-information step: a non-interactive company website."""
    data = {
        "name": "云景科技官网", "home_url": "https://yunjing-tech.cn/", "has_own_domain": True,
        "main_domain": f"yunjing-tech-{next(_domains)}.cn", "other_domains": [],
        "ips": ["121.40.18.7"], "icp_number": "京ICP备12345678号-1",
        "opened_on": timezone.localdate() - datetime.timedelta(days=5),
        "access_provider": "阿里云", "access_provider_region": None, "registrar": "阿里云",
        "hosting": "cloud_server", "service_types": ["company_portal"], "interactive": False,
        "interactive_services": [], "controlled_goods": False, "pre_approvals": {}, "languages": ["zh_hans"],
    }
    data.update(changes)
    return data


SAME_AS = {"security": {"same_as_person_in_charge": True}, "emergency": {"same_as_person_in_charge": True}}


def complete_application(sponsor=None, **basic_changes):
    """A draft with every step saved, ready to submit."""
    sponsor = sponsor or approved_sponsor()
    notice()
    application = services.start_application(actor=sponsor.owner)
    for step, data in (("basic", basic_data(**basic_changes)), ("leaders", SAME_AS),
                       ("prompt", {"agreement_accepted": True})):
        application = services.save_draft_step(actor=sponsor.owner, application=application, step=step,
                                               data=data, version=application.version)
    return application


def submitted_application(sponsor=None, **basic_changes):
    application = complete_application(sponsor, **basic_changes)
    services.submit_application(actor=application.owner, application=application)
    application.refresh_from_db()
    return application
