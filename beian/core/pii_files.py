"""Uploaded personal documents encrypted at rest (ADR 0100): ID photos, licences, pre-approval scans,
security schemes and queued import files are kept as Fernet tokens under the PII key ring, inside
whatever storage settings.STORAGES["default"] is. A file field holding personal data says
`storage=personal_storage`; reading it through the field (`.open()`, `.read()`) gives the plain bytes,
so every read path stays the storage API.

A stored file starts with MARKER followed by the token. A file without it was written before
encryption at rest and is read as it is, until rotate_pii_keys encrypts it.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible

from beian.core import pii

MARKER = b"BEIAN-PII-FERNET\n"


def seal(data: bytes) -> bytes:
    return MARKER + pii.encrypt_bytes(data)


def unseal(raw: bytes) -> bytes:
    """The plain content of stored bytes, sealed or (written before encryption at rest) plain."""
    return pii.decrypt_bytes(raw[len(MARKER):]) if raw.startswith(MARKER) else raw


def is_sealed_with_newest_key(raw: bytes) -> bool:
    return raw.startswith(MARKER) and pii.is_on_newest_key(raw[len(MARKER):])


@deconstructible(path="beian.core.pii_files.EncryptedStorage")
class EncryptedStorage(Storage):
    """Encrypts on save and decrypts on open; names, existence and deletion are the inner storage's.
    The inner storage is looked up on every call, so a test's override of STORAGES applies."""

    def __init__(self, inner: str = "default"):
        self.inner_alias = inner

    @property
    def inner(self) -> Storage:
        return storages[self.inner_alias]

    def read_raw(self, name: str) -> bytes:
        with self.inner.open(name, "rb") as stored:
            return stored.read()

    def write_raw(self, name: str, raw: bytes) -> str:
        return self.inner.save(name, ContentFile(raw))

    def _open(self, name, mode="rb"):
        if any(flag in mode for flag in "wa+"):
            raise ValueError("Encrypted files are written with save(), never opened for writing.")
        return ContentFile(unseal(self.read_raw(name)), name=name)

    def _save(self, name, content):
        return self.write_raw(name, seal(b"".join(content.chunks())))

    def delete(self, name):
        self.inner.delete(name)

    def exists(self, name):
        return self.inner.exists(name)

    def listdir(self, path):
        return self.inner.listdir(path)

    def size(self, name):
        """The stored (encrypted) size; the plain size is kept on the row where it is shown."""
        return self.inner.size(name)

    def url(self, name):
        raise NotImplementedError("Personal documents have no URL: an authorised view serves them.")

    def get_valid_name(self, name):
        return self.inner.get_valid_name(name)

    def get_available_name(self, name, max_length=None):
        return self.inner.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.inner.generate_filename(filename)

    def get_modified_time(self, name):
        return self.inner.get_modified_time(name)


_personal = EncryptedStorage()


def personal_storage() -> EncryptedStorage:
    """The storage of every file field that holds personal data (a callable, so migrations name it)."""
    return _personal
