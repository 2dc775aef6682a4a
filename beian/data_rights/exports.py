"""Preparing and expiring copies of one's data (the task's body and the clean-up). ADR 0103.

A copy is built once: the task claims a queued export (a second run, or a second worker, finds it
no longer queued), writes the ZIP into a temporary file on disk and stores it through Django's
storage API (private: never a public URL). A ready copy works for settings.DATA_EXPORT_VALID_HOURS;
an expired one loses its file, and a newer copy replaces the older ones at once.
"""

import datetime
import logging
import tempfile

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from beian.data_rights.archive import write_archive
from beian.data_rights.models import DataExport

logger = logging.getLogger(__name__)


def valid_for() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.DATA_EXPORT_VALID_HOURS)


def build_export(export_id: int, *, now=None) -> str:
    with transaction.atomic():
        export = DataExport.objects.select_for_update().select_related("owner").filter(pk=export_id).first()
        if export is None or export.status != DataExport.Status.QUEUED:
            return "not queued"
        export.start()
        export.save(update_fields=["status"])
    now = now or timezone.now()
    try:
        with tempfile.TemporaryFile() as scratch:
            write_archive(export.owner, scratch, now=now)
            size = scratch.tell()
            scratch.seek(0)
            export.file.save("data.zip", File(scratch), save=False)
    except Exception:
        logger.exception("Data export %s failed", export_id)
        with transaction.atomic():
            export.fail()
            export.save(update_fields=["status"])
        raise
    with transaction.atomic():
        export.finish()
        export.size, export.ready_at, export.expires_at = size, now, now + valid_for()
        export.save(update_fields=["status", "file", "size", "ready_at", "expires_at"])
        # Only the newest copy stays downloadable: the older ones go now, not a day later.
        for older in DataExport.objects.select_for_update().filter(
                owner=export.owner, status=DataExport.Status.READY).exclude(pk=export.pk):
            _expire(older)
    delete_expired_exports(now=now)  # the platform-wide clean-up rides on each build
    return "ready"


def delete_expired_exports(*, now=None, owner=None) -> int:
    """Expire the copies whose link has run out (their files are deleted), and give up on copies
    stuck in preparation for longer than a link lives (a worker died): they block no new request."""
    now = now or timezone.now()
    exports = DataExport.objects.all() if owner is None else DataExport.objects.filter(owner=owner)
    expired = 0
    with transaction.atomic():
        for export in exports.select_for_update().filter(status=DataExport.Status.READY, expires_at__lte=now):
            _expire(export)
            expired += 1
        for stuck in exports.select_for_update().filter(status__in=DataExport.IN_PROGRESS,
                                                        requested_at__lte=now - valid_for()):
            stuck.fail()
            stuck.save(update_fields=["status"])
    return expired


def expire_all_of(owner) -> None:
    """Inside the caller's transaction: every ready copy of `owner` goes (the account is closing)."""
    for export in DataExport.objects.select_for_update().filter(owner=owner, status=DataExport.Status.READY):
        _expire(export)


def _expire(export: DataExport) -> None:
    stored, storage = export.file.name, export.file.storage
    export.expire()
    export.file = ""
    export.save(update_fields=["status", "file"])
    if stored:
        transaction.on_commit(lambda: storage.delete(stored), robust=True)
