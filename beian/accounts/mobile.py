"""Mobile numbers as accounts store and show them."""

import unicodedata

from beian.rules.phones import classify_phone


def normalise_mobile(value: str) -> str:
    """11 digits, without +86 and separators, or "" when it is not a mainland mobile number."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    digits = "".join(char for char in text if char.isdigit())
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    elif len(digits) == 15 and digits.startswith("0086"):
        digits = digits[4:]
    return digits if len(digits) == 11 and classify_phone(text, mobile=True) is None else ""


def mask_phone(phone: str) -> str:
    """138****8000: enough for a person to recognise their number, not enough to learn it."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 8 else "****"
