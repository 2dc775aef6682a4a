"""The code lists of SPEC §3 that the rules need to know.

The Django layer keeps editable copies of these lists (labels, positions, keywords); the codes
themselves are part of the API contract, so the rules know them: an input with another code is
refused with `UnknownCode` rather than checked half-way.
"""

from __future__ import annotations

SPONSOR_TYPES = ("enterprise", "military", "government", "institution", "social_organization", "individual")
UNIT_SPONSOR_TYPES = frozenset(SPONSOR_TYPES) - {"individual"}

# Certificate types that identify a person (the individual sponsor, the person in charge, leaders).
PERSON_CERTIFICATE_TYPES = (
    "resident_id", "passport", "hk_macao_permit", "taiwan_permit", "hmt_residence_permit",
    "foreign_permanent_id",
)
UNIT_CERTIFICATE_TYPES = (
    "uscc", "org_code", "business_license", "institution_certificate", "social_org_certificate",
    "military_code",
)
CERTIFICATE_TYPES = UNIT_CERTIFICATE_TYPES + PERSON_CERTIFICATE_TYPES

# SPEC §3: every unit type accepts the USCC and the legacy organisation code, plus its own legacy
# registration document; an individual files with a person's certificate.
ALLOWED_CERTIFICATE_TYPES: dict[str, frozenset[str]] = {
    "enterprise": frozenset({"uscc", "org_code", "business_license"}),
    "military": frozenset({"uscc", "org_code", "military_code"}),
    "government": frozenset({"uscc", "org_code"}),
    "institution": frozenset({"uscc", "org_code", "institution_certificate"}),
    "social_organization": frozenset({"uscc", "org_code", "social_org_certificate"}),
    "individual": frozenset(PERSON_CERTIFICATE_TYPES),
}
# What a person (person in charge, website leaders) may identify with.
PERSON_HOLDER = "person"
ALLOWED_PERSON_CERTIFICATE_TYPES = frozenset(PERSON_CERTIFICATE_TYPES)

SERVICE_TYPES = (
    "company_portal", "government_portal", "personal_blog", "ecommerce", "news", "forum", "education",
    "entertainment", "search", "other",
)
INTERACTIVE_SERVICES = (
    "forum", "blog", "microblog", "chat_room", "instant_messaging", "group_chat", "public_account",
    "short_video", "live_streaming", "file_sharing", "comments", "payment", "app_store", "mini_program",
    "online_shopping",
)
PRE_APPROVALS = ("news", "publishing", "education", "health", "drugs", "culture", "radio_tv", "bbs")
# The electronic-bulletin (论坛/BBS) special filing: forums need it.
BBS_APPROVAL = "bbs"
LEADER_ROLES = ("security_leader", "emergency_contact")
# What the filing is (SPEC §5.1): a new website, a change of a filed one, or the claim of a website
# filed offline before the platform. Only a new website can be filed late (filing.late).
APPLICATION_KINDS = ("new", "change", "claim")
NEW_WEBSITE = "new"


def allowed_certificate_types(sponsor_type: str | None) -> frozenset[str]:
    """Certificate types allowed for a sponsor type; `None` means a person (person in charge, leader)."""
    if sponsor_type is None or sponsor_type == PERSON_HOLDER:
        return ALLOWED_PERSON_CERTIFICATE_TYPES
    return ALLOWED_CERTIFICATE_TYPES[sponsor_type]
