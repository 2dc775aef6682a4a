from beian.filings.models.application import (
    ApplicationPreApproval,
    DomainHold,
    LeaderDocument,
    WebsiteApplication,
    WebsiteDomain,
    WebsiteLeader,
)
from beian.filings.models.reference import AccessProvider, SecurityNotice
from beian.filings.models.website import KnownRecordNumber, RecordAlias, RecordNumberSequence, Website

__all__ = [
    "AccessProvider", "ApplicationPreApproval", "DomainHold", "KnownRecordNumber", "LeaderDocument",
    "RecordAlias", "RecordNumberSequence",
    "SecurityNotice", "Website", "WebsiteApplication", "WebsiteDomain", "WebsiteLeader",
]
