"""Protection of sensitive personal information (SPEC §8): certificate numbers are stored encrypted,
found by a keyed hash, and shown masked unless a permitted person asks for the full value.

One secret (settings.PII_KEY) is stretched with HKDF into an encryption key and a hashing key, so
that knowing the hash key never helps decrypting and vice versa.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class PiiDecryptionError(Exception):
    """The stored value was not encrypted with the configured key (wrong PII_KEY or tampering)."""


def _derive(purpose: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"beian-pii", info=purpose)
    return kdf.derive(settings.PII_KEY.encode("utf-8"))


@lru_cache(maxsize=4)
def _fernet(secret: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_derive(b"encryption")))


@lru_cache(maxsize=4)
def _hash_key(secret: str) -> bytes:
    return _derive(b"search-hash")


def normalize_number(number: str) -> str:
    """The canonical spelling of a certificate number: no spaces or dashes, upper case."""
    return "".join(ch for ch in number.upper() if ch not in " -\u3000")


def encrypt(number: str) -> str:
    return _fernet(settings.PII_KEY).encrypt(number.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet(settings.PII_KEY).decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise PiiDecryptionError("certificate number cannot be decrypted with PII_KEY") from exc


def search_hash(certificate_type: str, number: str) -> str:
    """A keyed hash for exact-match search; the type is part of it (a passport and an ID may share
    digits)."""
    message = f"{certificate_type}:{normalize_number(number)}".encode()
    return hmac.new(_hash_key(settings.PII_KEY), message, hashlib.sha256).hexdigest()


def mask(number: str) -> str:
    """1101**********123X: enough to recognise one's own number, too little to misuse it."""
    if len(number) > 8:
        return number[:4] + "*" * (len(number) - 8) + number[-4:]
    if len(number) > 2:
        return number[0] + "*" * (len(number) - 2) + number[-1]
    return "*" * len(number)
