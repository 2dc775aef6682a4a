"""Shared bits of the legacy-record tests: rows, CSV files, a submitted applicant, an approved claim,
websites filed in Hangzhou Xihu (330106)."""

import functools

from beian.core.models import Agency, Division
from beian.filings import services as filing_services
from beian.legacy.services import import_rows, start_claim
from beian.sponsors import services as sponsor_services
from tests.factories import make_applicant, make_reviewer
from tests.filings.helpers import SAME_AS, approved_sponsor, basic_data, notice, submitted_application
from tests.sponsors.helpers import ENTERPRISE_USCC, XIHU, ready_entity
from tests.unregistered.helpers import csv_bytes as shared_csv_bytes

HEADER_EN = ["record_number", "domain", "website_name", "icp_number", "sponsor_name", "certificate_type",
             "certificate_number", "agency_code", "deadline"]
HEADER_ZH = ["备案号", "域名", "网站名称", "ICP备案号", "主办者名称", "证件类型", "证件号码", "公安机关代码",
             "认领期限"]
NUMBER = "11010502030143"


def row(record_number=NUMBER, *, domain="yunjing-old.cn", website_name="云景旧官网",
        icp_number="京ICP备12345678号-1", sponsor_name="北京云景科技有限公司", certificate_type="uscc",
        certificate_number=ENTERPRISE_USCC, agency_code="110105", deadline="") -> dict:
    return {"record_number": record_number, "domain": domain, "website_name": website_name,
            "icp_number": icp_number, "sponsor_name": sponsor_name, "certificate_type": certificate_type,
            "certificate_number": certificate_number, "agency_code": agency_code, "deadline": deadline}


def plain_row(n: int, **changes) -> dict:
    """A row without certificate (cheap to check: nothing to seal)."""
    values = {"record_number": f"110105{n:08d}", "domain": f"old{n}.cn", "website_name": f"旧网站{n}",
              "icp_number": "", "sponsor_name": "", "certificate_type": "", "certificate_number": "",
              **changes}
    return row(**values)


# A CSV file of legacy rows (header= HEADER_ZH for Chinese column names).
csv_bytes = functools.partial(shared_csv_bytes, header=HEADER_EN, fields=HEADER_EN)


def import_(*rows, agencies=None, **kwargs):
    return import_rows(actor_label="test", rows=list(rows), allowed_agencies=agencies or Agency.objects.all(),
                       **kwargs)


def submitted_applicant(username=None):
    applicant = make_applicant(username)
    ready_entity(applicant)
    sponsor_services.submit_sponsor_entity(actor=applicant)
    return applicant


def make_applicant_with_approved_sponsor():
    return approved_sponsor(make_applicant()).owner


def complete_claim_draft(application, actor):
    """Fill in and submit a claim draft (prefilled by start_claim)."""
    notice()
    data = basic_data(name=application.name, main_domain=application.domain_list[0],
                      icp_number=application.icp_number)
    for step, values in (("basic", data), ("leaders", SAME_AS), ("prompt", {"agreement_accepted": True})):
        application = filing_services.save_draft_step(actor=actor, application=application, step=step,
                                                      data=values, version=application.version)
    filing_services.submit_application(actor=actor, application=application)
    application.refresh_from_db()
    return application


def approve_claim(owner, record):
    application = complete_claim_draft(start_claim(actor=owner, record=record), owner)
    return filing_services.approve_application(actor=make_reviewer(), application=application)


def xihu_sponsor():
    """An approved sponsor entity in Hangzhou Xihu: its websites are filed by agency 330106."""
    entity = ready_entity(make_applicant(), division=Division.objects.get(code=XIHU))
    sponsor_services.submit_sponsor_entity(actor=entity.owner)
    entity.refresh_from_db()
    sponsor_services.approve_sponsor_entity(actor=make_reviewer(XIHU), entity=entity)
    entity.refresh_from_db()
    return entity


def file_in_xihu(sponsor, actor=None):
    """A new website of `sponsor` (in Xihu) submitted and approved: the filed website."""
    application = submitted_application(sponsor)
    return filing_services.approve_application(actor=actor or make_reviewer(XIHU), application=application)
