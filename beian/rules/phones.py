"""Telephone numbers: mainland landlines with area code, mobiles, and obviously untrue numbers.

Validity comes from `phonenumbers` (Google's libphonenumber metadata), so new mobile prefixes are
learnt by upgrading the library, not by editing a regex here.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberType

_LANDLINE_TYPES = frozenset({PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE,
                             PhoneNumberType.MOBILE})
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
# An extension written after the number: 010-62345678-8001, 010-62345678转8001, … ext. 8001.
_EXTENSION = re.compile(r"\s*(?:-|转|分机|ext\.?|x|#)\s*\d{1,6}\s*$", re.IGNORECASE)
_MOBILE_DIGITS = re.compile(r"1\d{10}")
# Digits with the separators people type; full-width forms are folded to these by NFKC first.
_PHONE_TEXT = re.compile(r"\+?[0-9\s\-()]+", re.ASCII)
_MIN_FAKE_LENGTH = 7  # shorter subscriber numbers do not exist on the mainland


def _parse_cn(text: str) -> tuple[phonenumbers.PhoneNumber, int] | None:
    """The number and its type, when `text` is a valid mainland number.

    We strip the prefixes ourselves (+86, 0086, the trunk 0) — mainland numbers need nothing more —
    and leave validity to phonenumbers' metadata: phonenumbers.parse is general and ten times slower.
    """
    if not _PHONE_TEXT.fullmatch(text):
        return None
    digits = "".join(char for char in text if char.isdigit())
    if text.startswith("+"):
        if not digits.startswith("86"):
            return None  # not a mainland number
        national = digits[2:]
    elif digits.startswith("0086"):
        national = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        national = digits[2:]  # 86 13800138000
    else:
        national = digits.removeprefix("0")  # the trunk prefix of a landline
    if not 7 <= len(national) <= 12 or national.startswith("0"):
        return None
    number = phonenumbers.PhoneNumber(country_code=86, national_number=int(national))
    # UNKNOWN exactly when phonenumbers.is_valid_number would say no.
    number_type = phonenumbers.number_type(number)
    return None if number_type == PhoneNumberType.UNKNOWN else (number, number_type)


def _clean(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def _parse_with_extension(text: str) -> tuple[phonenumbers.PhoneNumber, int] | None:
    parsed = _parse_cn(text)
    if parsed is None and _EXTENSION.search(text):
        parsed = _parse_cn(_EXTENSION.sub("", text))
    return parsed


def classify_phone(value: str, *, mobile: bool) -> str | None:
    """"fake", "invalid" or None (fine) for an office telephone (mobile=False) or a mobile number.
    An obviously untrue number is called fake even when it is invalid too (12345678901): "enter a
    real number" helps more than "wrong prefix". Each number is parsed once."""
    text = _clean(value)
    parsed = _parse_cn(text) if mobile else _parse_with_extension(text)
    if _is_fake(text, parsed):
        return "fake"
    if parsed is None:
        return "invalid"
    number, number_type = parsed
    if mobile:
        fits = number_type in _MOBILE_TYPES and _MOBILE_DIGITS.fullmatch(str(number.national_number))
    else:
        fits = number_type in _LANDLINE_TYPES
    return None if fits else "invalid"


def is_valid_office_phone(value: str) -> bool:
    """A mainland landline with area code (an extension may follow) or a mobile number."""
    parsed = _parse_with_extension(_clean(value))
    return parsed is not None and parsed[1] in _LANDLINE_TYPES


def is_valid_mobile(value: str) -> bool:
    """11 digits with a mobile prefix that is in service on the mainland; +86 may precede."""
    parsed = _parse_cn(_clean(value))
    return (parsed is not None and parsed[1] in _MOBILE_TYPES
            and _MOBILE_DIGITS.fullmatch(str(parsed[0].national_number)) is not None)


def _is_repeated(digits: str) -> bool:
    return len(set(digits)) == 1


_ASCENDING = "0123456789" * 3
_DESCENDING = _ASCENDING[::-1]


def _is_run(digits: str) -> bool:
    """Each digit one more (or each one less) than the previous, wrapping 9→0 (1234567890…)."""
    return len(digits) <= 20 and (digits in _ASCENDING or digits in _DESCENDING)


def _national_digits(text: str, parsed: tuple[phonenumbers.PhoneNumber, int] | None) -> str:
    if parsed is not None:
        return str(parsed[0].national_number)
    digits = "".join(char for char in text if char.isdigit() and char.isascii())
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) in (10, 11):
            return digits[len(prefix):]
    return digits.removeprefix("0")  # the trunk prefix of a landline


def _subscriber_digits(national: str) -> str:
    """The digits after the area code (landline) or after the 3-digit network prefix (mobile)."""
    if _MOBILE_DIGITS.fullmatch(national):
        return national[3:]
    # Beijing (10) and the 2x cities have 2-digit area codes, every other area 3 digits.
    area_length = 2 if national[:2] == "10" or national[:1] == "2" else 3
    return national[area_length:]


def is_fake_phone(value: str) -> bool:
    """One digit repeated after the area code (010-00000000, 021-88888888, 13333333333), or an
    ascending/descending run (12345678, 87654321, 12345678901)."""
    text = _clean(value)
    return _is_fake(text, _parse_with_extension(text))


def _is_fake(text: str, parsed: tuple[phonenumbers.PhoneNumber, int] | None) -> bool:
    national = _national_digits(text, parsed)
    if len(national) >= _MIN_FAKE_LENGTH and (_is_run(national) or _is_repeated(national)):
        return True
    subscriber = _subscriber_digits(national)
    return len(subscriber) >= _MIN_FAKE_LENGTH and (_is_repeated(subscriber) or _is_run(subscriber))
