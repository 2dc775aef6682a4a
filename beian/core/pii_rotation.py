"""Moving every stored personal value onto the newest key of settings.PII_KEYS (ADR 0100), for
`manage.py rotate_pii_keys`.

What is rotated is found from the models: sealed certificate numbers listed in a model's
`PII_SEALED` (re-encrypted, and their search hash recomputed: the re-index), file fields whose
storage is the encrypted personal storage (re-encrypted, or encrypted for the first time when written
before encryption at rest), and a model's `reindex_pii_hashes()` for copies of hashes it keeps
(snapshots). Rows are read in primary-key order in batches; each batch is one transaction holding
its rows locked. A row already on the newest key is left alone, so a run that stopped half-way
(crash, deploy) is simply started again, and a second run finds nothing to do.
"""

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction

from beian.core import pii
from beian.core.pii_files import EncryptedStorage, is_sealed_with_newest_key, seal, unseal


@dataclass
class Progress:
    label: str
    total: int
    done: int = 0
    changed: int = 0
    missing_files: list[str] = field(default_factory=list)


@dataclass
class _Batch:
    """Files written by the batch (deleted again if it fails) and replaced ones (deleted after commit)."""

    written: list[tuple[EncryptedStorage, str]] = field(default_factory=list)
    replaced: list[tuple[EncryptedStorage, str]] = field(default_factory=list)
    hashes: list[tuple[str, str]] = field(default_factory=list)


class ModelRotation:
    def __init__(self, model):
        self.model = model
        self.sealed: tuple[pii.Sealed, ...] = getattr(model, "PII_SEALED", ())
        self.files = [f for f in model._meta.concrete_fields
                      if isinstance(f, models.FileField) and isinstance(f.storage, EncryptedStorage)]
        self.reindex = getattr(model, "reindex_pii_hashes", None)

    @property
    def label(self) -> str:
        return self.model._meta.label

    def has_work(self) -> bool:
        return bool(self.sealed or self.files or self.reindex)

    def queryset(self):
        rows = self.model._default_manager.all()
        if self.sealed:
            rows = rows.select_related(*{sealed.certificate_type for sealed in self.sealed})
        return rows

    def run(self, *, batch_size: int, write: bool, report: Callable[[Progress], None]) -> Progress:
        progress = Progress(self.label, self.model._default_manager.count())
        last_pk = None
        while True:
            batch = _Batch()
            try:
                with transaction.atomic():
                    rows = self.queryset().select_for_update(of=("self",)).order_by("pk")
                    if last_pk is not None:
                        rows = rows.filter(pk__gt=last_pk)
                    rows = list(rows[:batch_size])
                    if rows:
                        self._batch(rows, progress, batch, write=write)
            except BaseException:
                # The rows still name their old files: the new ones written by this batch go again.
                for storage, name in batch.written:
                    storage.delete(name)
                raise
            if not rows:
                break
            last_pk = rows[-1].pk
            progress.done += len(rows)
            report(progress)
        return progress

    def _batch(self, rows, progress: Progress, batch: _Batch, *, write: bool) -> None:
        for row in rows:
            updates = self._row_updates(row, progress, batch, write=write)
            if updates:
                progress.changed += 1
                if write:
                    self.model._default_manager.filter(pk=row.pk).update(**updates)
        if not write:
            return
        for old, new in batch.hashes:
            pii.search_hash_replaced.send(sender=self.model, old=old, new=new)
        for storage, name in batch.replaced:
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name), robust=True)

    def _row_updates(self, row, progress: Progress, batch: _Batch, *, write: bool) -> dict:
        updates = {}
        for sealed in self.sealed:
            updates.update(self._sealed_updates(row, sealed, batch))
        for file_field in self.files:
            updates.update(self._file_updates(row, file_field, progress, batch, write=write))
        if self.reindex:
            updates.update(row.reindex_pii_hashes())
        return updates

    def _sealed_updates(self, row, sealed: pii.Sealed, batch: _Batch) -> dict:
        token = getattr(row, sealed.encrypted)
        if not token:
            return {}
        updates = {}
        if not pii.is_on_newest_key(token.encode("ascii")):
            updates[sealed.encrypted] = pii.rotate_token(token)
        certificate_type = getattr(row, sealed.certificate_type)
        stored_hash = getattr(row, sealed.hash)
        if certificate_type is not None and stored_hash:
            newest = pii.search_hash(certificate_type.code, pii.decrypt(token))
            if stored_hash != newest:
                updates[sealed.hash] = newest
                batch.hashes.append((stored_hash, newest))
        return updates

    def _file_updates(self, row, file_field, progress: Progress, batch: _Batch, *, write: bool) -> dict:
        name = getattr(row, file_field.attname).name
        if not name:
            return {}
        storage = file_field.storage
        try:
            raw = storage.read_raw(name)
        except FileNotFoundError:
            progress.missing_files.append(name)
            return {}
        if is_sealed_with_newest_key(raw):
            return {}
        if not write:
            return {file_field.attname: name}
        # A new name, never an overwrite: until the batch commits, the row still names the old file.
        new_name = storage.write_raw(file_field.generate_filename(row, posixpath.basename(name)),
                                     seal(unseal(raw)))
        batch.written.append((storage, new_name))
        batch.replaced.append((storage, name))
        return {file_field.attname: new_name}


def rotations() -> Iterator[ModelRotation]:
    for model in apps.get_models():
        rotation = ModelRotation(model)
        if rotation.has_work():
            yield rotation


def rotate(*, batch_size: int = 200, write: bool = True,
           report: Callable[[Progress], None] = lambda progress: None) -> list[Progress]:
    return [rotation.run(batch_size=batch_size, write=write, report=report) for rotation in rotations()]
