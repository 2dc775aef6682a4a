"""Personal documents (ID photos, licences): stored under server-made names in the private storage,
served only by views that have checked the viewer. Shared by the sponsor and filing apps."""

import uuid

from django.db import transaction
from django.http import HttpResponse


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
