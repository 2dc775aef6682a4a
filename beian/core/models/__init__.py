from beian.core.models.audit import AuditChainHead, AuditEntry
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

__all__ = [
    "Agency",
    "AuditChainHead",
    "AuditEntry",
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
