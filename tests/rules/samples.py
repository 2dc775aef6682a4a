"""Realistic sample identifiers and filings for the rule tests.

Check characters are computed here from the textbook definitions of the standards (literal weight
tables), independently of beian.rules, so that a slip in the implementation cannot hide behind the
same slip in the test data.
"""

from __future__ import annotations

import copy
from datetime import date

TODAY = date(2026, 11, 20)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def org_code_check(body8: str) -> str:
    """GB 11714-1997: weights 3 7 9 10 5 8 4 2; C9 = 11 − (Σ mod 11); 10 → X, 11 → 0."""
    total = sum(ORG_CODE_ALPHABET.index(c) * w for c, w in zip(body8, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def uscc(first8: str, org_body8: str) -> str:
    """GB 32100-2015: weights 3^i mod 31; C18 = 31 − (Σ mod 31), 31 → 0."""
    body = first8 + org_body8 + org_code_check(org_body8)
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, weights, strict=True))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def resident_id(first17: str) -> str:
    """GB 11643-1999: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; check map 1 0 X 9 8 7 6 5 4 3 2."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def business_license(first14: str) -> str:
    """GB/T 17710 (ISO 7064 MOD 11,10): P1 = 10; S = (P + a) mod 10 (0 → 10); P = 2S mod 11."""
    product = 10
    for char in first14:
        total = (product + int(char)) % 10 or 10
        product = total * 2 % 11
    return first14 + str((11 - product) % 10)


ENTERPRISE_USCC = uscc("91330106", "MA2CXY7A")  # Hangzhou Xihu district, an enterprise
GOVERNMENT_USCC = uscc("11110000", "00001398")  # a Beijing government agency
MILITARY_USCC = uscc("A1100000", "MA00001K")
PERSON_ID = resident_id("33010619800101123")  # born 1980-01-01 in Hangzhou Xihu
LEADER_ID = resident_id("11010519850612003")  # born 1985-06-12 in Beijing Chaoyang

FILING = {
    "sponsor": {
        "type": "enterprise", "name": "杭州云景科技有限公司", "certificate_type": "uscc",
        "certificate_number": ENTERPRISE_USCC, "certificate_valid_until": "2030-01-01",
        "address": "浙江省杭州市西湖区文三路 90 号", "office_phone": "0571-8888 1234",
        "mobile": "13800138000",
        "email": "info@yunjing.cn",
        "person_in_charge": {
            "name": "王建国", "certificate_type": "resident_id", "certificate_number": PERSON_ID,
            "residence": "浙江省杭州市西湖区文三路 90 号", "mobile": "13912341234",
            "office_phone": "0571-87654320", "email": "wang@yunjing.cn",
        },
    },
    "website": {
        "name": "云景科技官网", "domains": ["yunjing.cn", "www.yunjing.com.cn"],
        "ips": ["121.40.18.7", "47.96.10.1-47.96.10.9"], "icp_number": "浙ICP备12345678号-1",
        "opened_on": "2026-11-01", "service_types": ["company_portal"], "interactive": False,
        "interactive_services": [], "pre_approvals": [], "agreement_accepted": True,
    },
    "leaders": [
        {"role": "security_leader", "name": "李明", "certificate_type": "resident_id",
         "certificate_number": LEADER_ID, "mobile": "13700137000", "office_phone": "010-62345671",
         "email": "li@yunjing.cn"},
        {"role": "emergency_contact", "name": "赵丽", "certificate_type": "passport",
         "certificate_number": "E12345678", "mobile": "+86 186 1234 0987"},
    ],
}


def filing(**changes: dict) -> dict:
    """A deep copy of FILING with sections updated: filing(website={"name": "x"})."""
    document = copy.deepcopy(FILING)
    for section, values in changes.items():
        document[section].update(values)
    return document
