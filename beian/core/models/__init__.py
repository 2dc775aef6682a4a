from beian.core.models.audit import AuditChainHead, AuditEntry, AuditHeadExport
from beian.core.models.calendar import CalendarOverride
from beian.core.models.codes import (
    CertificateType,
    InteractiveService,
    PreApproval,
    ServiceType,
    SponsorType,
)
from beian.core.models.divisions import Agency, Division, ProvinceAbbreviation
from beian.core.models.keywords import RuleKeywordSet
from beian.core.models.tokens import BearerToken

__all__ = [
    "Agency",
    "AuditChainHead",
    "AuditEntry",
    "AuditHeadExport",
    "BearerToken",
    "CalendarOverride",
    "CertificateType",
    "Division",
    "InteractiveService",
    "PreApproval",
    "ProvinceAbbreviation",
    "RuleKeywordSet",
    "ServiceType",
    "SponsorType",
]
