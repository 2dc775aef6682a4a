"""Certificate numbers of SPEC §3: normalisation, format and check characters.

Every validator takes the raw text, normalises it (`normalize_certificate_number`) and answers
True/False; none raises. Check-character standards: GB 32100-2015 (USCC, mod 31), GB 11714-1997
(organisation code, mod 11), GB 11643-1999 (resident ID, ISO 7064 MOD 11-2), GB/T 17710 (business
licence registration number, ISO 7064 MOD 11,10).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from stdnum import numdb
from stdnum.cn import uscc as stdnum_uscc
from stdnum.iso7064 import mod_11_10

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {char: value for value, char in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 32100 registration authorities: 1–9 plus A (military), N (agriculture), Y (others).
# python-stdnum requires eight leading digits, so it refuses the A/N/Y codes that do exist.
_USCC_AUTHORITIES = frozenset("123456789ANY")

_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CODE_BODY = re.compile(r"[0-9A-Z]{8}")
_RESIDENT_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))

# The USCC entity category (chars 1–2) that settles the sponsor type; other categories settle nothing.
USCC_CATEGORY_SPONSOR_TYPES = {
    "11": "government",
    "12": "institution",
    "13": "social_organization", "51": "social_organization", "52": "social_organization",
    "53": "social_organization",
    "91": "enterprise", "92": "enterprise", "93": "enterprise",
    "A1": "military",
}

# Latin names are normal for holders of these documents (and only these).
LATIN_NAME_CERTIFICATE_TYPES = frozenset({"passport", "foreign_permanent_id"})

_PASSPORT = re.compile(r"[A-Z0-9]{5,17}")
_HK_MACAO_PERMIT = re.compile(r"[HM]\d{8}(?:\d{2})?")
_TAIWAN_PERMIT = re.compile(r"\d{8}|\d{10}[A-Z]")
_FOREIGN_LEGACY = re.compile(r"[A-Z]{3}\d{12}")
_MILITARY_DIGITS = re.compile(r"\d{4,5}")
_DIGITS = re.compile(r"\d+")
# Separators people type inside numbers; the social organisation certificate keeps its text.
_SEPARATORS = re.compile(r"[\s\-()（）]")


def normalize_certificate_number(value: str, certificate_type: str | None = None) -> str:
    """Full-width to ASCII, no spaces, upper case; dashes and brackets go too except in free text."""
    text = unicodedata.normalize("NFKC", value).strip()
    if certificate_type == "social_org_certificate":
        return re.sub(r"\s+", " ", text)
    return _SEPARATORS.sub("", text).upper()


# --- unified social credit code (GB 32100) -------------------------------------------------------

def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_VALUES[char] * weight for char, weight in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(body8: str) -> str:
    """GB 11714: letters count A=10 … Z=35; 10 is written X and 11 is written 0."""
    total = sum(int(char, 36) * weight for char, weight in zip(body8, _ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def is_valid_uscc(value: str) -> bool:
    number = normalize_certificate_number(value)
    if len(number) != 18 or any(char not in _USCC_VALUES for char in number):
        return False
    if not stdnum_uscc.is_valid(number):
        # stdnum refuses every code that does not start with 8 digits; redo its check ourselves
        # only for the registration authorities it does not know.
        if number[0] not in "ANY" or not number[2:8].isdigit():
            return False
        if uscc_check_char(number[:17]) != number[17]:
            return False
    if number[0] not in _USCC_AUTHORITIES:
        return False
    return is_valid_org_code(number[8:17])


def uscc_category(value: str) -> str:
    """Chars 1–2 of a (normalised) USCC: registration authority + entity category."""
    return normalize_certificate_number(value)[:2]


def sponsor_type_for_uscc(value: str) -> str | None:
    """The sponsor type a USCC's category settles, or None when the category settles nothing."""
    return USCC_CATEGORY_SPONSOR_TYPES.get(uscc_category(value))


# --- organisation code (GB 11714) ------------------------------------------------------------------

def is_valid_org_code(value: str) -> bool:
    number = normalize_certificate_number(value)
    return (len(number) == 9 and _ORG_CODE_BODY.fullmatch(number[:8]) is not None
            and org_code_check_char(number[:8]) == number[8])


def format_org_code(value: str) -> str:
    number = normalize_certificate_number(value)
    return f"{number[:8]}-{number[8:]}"


# --- resident ID (GB 11643) and the documents that share its check -------------------------------

def resident_id_check_char(first17: str) -> str:
    total = sum(int(char) * weight for char, weight in zip(first17, _RESIDENT_WEIGHTS, strict=True))
    check = (1 - total) % 11
    return "X" if check == 10 else str(check)


def _has_gb11643_check(number: str) -> bool:
    return (len(number) == 18 and number[:17].isdigit() and number[:17].isascii()
            and resident_id_check_char(number[:17]) == number[17])


def _birth_date(yyyymmdd: str) -> date | None:
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def _plausible_birth(born: date | None, today: date) -> bool:
    return born is not None and date(1900, 1, 1) <= born <= today


def is_valid_resident_id(value: str, *, today: date, allow_legacy: bool = True) -> bool:
    """18 chars with a real birth date (not in the future) and the check char; the region code is
    not checked here (an unknown one is only a warning, see `is_known_region`). The legacy 15-digit
    number (YYMMDD in the 1900s, no check char) is accepted for persons."""
    number = normalize_certificate_number(value)
    if len(number) == 15 and allow_legacy:
        return (number.isdigit() and number.isascii()
                and _plausible_birth(_birth_date("19" + number[6:12]), today))
    return _has_gb11643_check(number) and _plausible_birth(_birth_date(number[6:14]), today)


def is_valid_hmt_residence_permit(value: str, *, today: date) -> bool:
    """Residence permit of HK (81), Macao (82) and Taiwan (83) residents: a resident-ID layout."""
    number = normalize_certificate_number(value)
    return number[:2] in ("81", "82", "83") and is_valid_resident_id(number, today=today, allow_legacy=False)


def is_valid_foreign_permanent_id(value: str) -> bool:
    """Legacy: 3-letter nationality + 12 digits. Since 2023: 18 chars beginning 9, GB 11643 check."""
    number = normalize_certificate_number(value)
    if _FOREIGN_LEGACY.fullmatch(number):
        return True
    return number.startswith("9") and _has_gb11643_check(number)


@lru_cache(maxsize=4096)
def is_known_region(code: str) -> bool:
    """Whether python-stdnum's division table (GB/T 2260, incl. retired codes) knows a county code."""
    if len(code) != 6 or not code.isdigit():
        return False
    found = numdb.get("cn/loc").info(code)
    return len(found) == 2 and "county" in found[1][1]


# --- the other documents ----------------------------------------------------------------------------

def is_valid_business_license(value: str) -> bool:
    number = normalize_certificate_number(value)
    return len(number) == 15 and number.isdigit() and number.isascii() and mod_11_10.is_valid(number)


def is_valid_institution_certificate(value: str) -> bool:
    number = normalize_certificate_number(value)
    return len(number) == 12 and _DIGITS.fullmatch(number) is not None and number.isascii()


def is_valid_social_org_certificate(value: str) -> bool:
    return 4 <= len(normalize_certificate_number(value, "social_org_certificate")) <= 30


def is_valid_military_code(value: str) -> bool:
    number = normalize_certificate_number(value)
    if _MILITARY_DIGITS.fullmatch(number) and number.isascii():
        return True
    return number.startswith("A1") and is_valid_uscc(number)


def _matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        number = normalize_certificate_number(value)
        return number.isascii() and pattern.fullmatch(number) is not None
    return check


is_valid_passport = _matches(_PASSPORT)
is_valid_hk_macao_permit = _matches(_HK_MACAO_PERMIT)
is_valid_taiwan_permit = _matches(_TAIWAN_PERMIT)


def is_valid_certificate(certificate_type: str, value: str, *, today: date) -> bool:
    """Whether `value` has the format and check character of `certificate_type` (a SPEC §3 code)."""
    if certificate_type == "resident_id":
        return is_valid_resident_id(value, today=today)
    if certificate_type == "hmt_residence_permit":
        return is_valid_hmt_residence_permit(value, today=today)
    return _VALIDATORS[certificate_type](value)


_VALIDATORS: dict[str, Callable[[str], bool]] = {
    "uscc": is_valid_uscc,
    "org_code": is_valid_org_code,
    "business_license": is_valid_business_license,
    "institution_certificate": is_valid_institution_certificate,
    "social_org_certificate": is_valid_social_org_certificate,
    "military_code": is_valid_military_code,
    "passport": is_valid_passport,
    "hk_macao_permit": is_valid_hk_macao_permit,
    "taiwan_permit": is_valid_taiwan_permit,
    "foreign_permanent_id": is_valid_foreign_permanent_id,
}
