"""Personal documents (ID photos, licences): stored under server-made names in the private storage,
encrypted at rest (beian.core.pii_files: reading through the field decrypts), served only by views
that have checked the viewer. Shared by the sponsor and filing apps."""

import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import transaction
from django.http import HttpResponse

logger = logging.getLogger(__name__)


def server_made_name(folder: str, content_type: str) -> str:
    """Never the uploaded file's name (which may hold personal data): a random one of ours."""
    extension = "png" if content_type == "image/png" else "jpg"
    return f"{folder}/{uuid.uuid4().hex}.{extension}"


def delete_after_commit(field_file) -> None:
    """A replaced or removed file goes only once the transaction commits (a rollback keeps it)."""
    name, storage = field_file.name, field_file.storage
    transaction.on_commit(lambda: storage.delete(name), robust=True)


def image_response(document) -> HttpResponse:
    """The stored image of a document (with `file`, `content_type`, `kind`); never cached by others."""
    with document.file.open("rb") as stored:
        content = stored.read()
    response = HttpResponse(content, content_type=document.content_type)
    response["Cache-Control"] = "private, no-store"
    extension = "png" if document.content_type == "image/png" else "jpg"
    response["Content-Disposition"] = f'inline; filename="{document.kind}.{extension}"'
    return response


def secure_upload_folder() -> None:
    """At start-up: the local upload folder exists and only the service's account may enter it
    (FILE_UPLOAD_DIRECTORY_PERMISSIONS, 0700), whatever an earlier version or a copy left behind.
    New files and folders get their modes from the storage (FILE_UPLOAD_PERMISSIONS, 0600). Object
    storage (S3) has no host folder: nothing to do."""
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        return
    folder = Path(storage.location)
    folder_mode = settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS or 0o700
    try:
        folder.mkdir(mode=folder_mode, parents=True, exist_ok=True)
        if folder.stat().st_mode & 0o777 != folder_mode:
            os.chmod(folder, folder_mode)
    except OSError as error:  # e.g. a folder owned by another account: say so, do not stop the service
        logger.warning("The upload folder %s could not be made private (%s): %s", folder,
                       oct(folder_mode), error)
