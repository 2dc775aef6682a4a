"""Protection of sensitive personal information (SPEC §8): certificate numbers are stored encrypted,
found by a keyed hash, and shown masked unless a permitted person asks for the full value.

settings.PII_KEYS is a ring of secrets, newest first (ADR 0100). Each secret is stretched with HKDF
into an encryption key and a hashing key, so that knowing the hash key never helps decrypting and
vice versa. The newest key encrypts and hashes; every key decrypts (MultiFernet), and an exact-match
search looks for the hash under every key, so search keeps working while `rotate_pii_keys` moves the
stored values onto the newest key.
"""

import base64
import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.dispatch import Signal

# Sent by rotate_pii_keys inside the batch's transaction when a stored search hash is replaced by the
# newest key's (old=, new=): a copy of the hash kept elsewhere (a review search key) follows it.
search_hash_replaced = Signal()


class PiiDecryptionError(Exception):
    """The stored value was encrypted with none of the configured keys (a dropped key or tampering)."""


@dataclass(frozen=True)
class Sealed:
    """A certificate number sealed on a model: the encrypted column, its search-hash column and the
    certificate type it is hashed with. Models list theirs in `PII_SEALED` (rotate_pii_keys reads it)."""

    encrypted: str
    hash: str
    certificate_type: str


def _derive(secret: str, purpose: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"beian-pii", info=purpose)
    return kdf.derive(secret.encode("utf-8"))


@lru_cache(maxsize=16)
def _fernet(secret: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_derive(secret, b"encryption")))


@lru_cache(maxsize=16)
def _hash_key(secret: str) -> bytes:
    return _derive(secret, b"search-hash")


def _secrets() -> list[str]:
    return [secret for _key_id, secret in settings.PII_KEYS]


def newest_key_id() -> str:
    return settings.PII_KEYS[0][0]


def _ring() -> MultiFernet:
    return MultiFernet([_fernet(secret) for secret in _secrets()])


def normalize_number(number: str) -> str:
    """The canonical spelling of a certificate number: no spaces or dashes, upper case."""
    return "".join(ch for ch in number.upper() if ch not in " -\u3000")


def encrypt(number: str) -> str:
    return encrypt_bytes(number.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    return decrypt_bytes(token.encode("ascii")).decode("utf-8")


def encrypt_bytes(data: bytes) -> bytes:
    """A Fernet token (URL-safe base64) of data, under the newest key."""
    return _fernet(_secrets()[0]).encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _ring().decrypt(token)
    except InvalidToken as exc:
        raise PiiDecryptionError("the value cannot be decrypted with any key of PII_KEYS") from exc


def is_on_newest_key(token: bytes) -> bool:
    """Whether the token was made with the newest key (what rotate_pii_keys skips)."""
    try:
        _fernet(_secrets()[0]).decrypt(token)
    except InvalidToken:
        return False
    return True


def _digest(secret: str, certificate_type: str, number: str) -> str:
    message = f"{certificate_type}:{normalize_number(number)}".encode()
    return hmac.new(_hash_key(secret), message, hashlib.sha256).hexdigest()


def search_hash(certificate_type: str, number: str) -> str:
    """A keyed hash (newest key) for exact-match search; the type is part of it (a passport and an
    ID may share digits)."""
    return _digest(_secrets()[0], certificate_type, number)


def search_hashes(certificate_type: str, number: str) -> list[str]:
    """The hash of the number under every key, newest first: what a lookup compares with, since a row
    not yet rotated still holds an older key's hash."""
    return [_digest(secret, certificate_type, number) for secret in _secrets()]


def sealed_hashes(certificate_type: str, token: str, stored_hash: str = "") -> list[str]:
    """search_hashes of a stored (encrypted) number; [] for none. With one key in the ring the hash
    stored beside it is the only one, and nothing needs decrypting (an import checks many rows)."""
    if not token or not certificate_type:
        return []
    if stored_hash and len(settings.PII_KEYS) == 1:
        return [stored_hash]
    return search_hashes(certificate_type, decrypt(token))


def mask(number: str) -> str:
    """1101**********123X: enough to recognise one's own number, too little to misuse it."""
    if len(number) > 8:
        return number[:4] + "*" * (len(number) - 8) + number[-4:]
    if len(number) > 2:
        return number[0] + "*" * (len(number) - 2) + number[-1]
    return "*" * len(number)


def rotate_token(token: str) -> str:
    """The same value encrypted under the newest key (its original timestamp kept)."""
    try:
        return _ring().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise PiiDecryptionError("the value cannot be decrypted with any key of PII_KEYS") from exc
