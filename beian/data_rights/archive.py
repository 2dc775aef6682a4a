"""The ZIP of a copy of one's data: `data.json` and the person's files under `files/`, written into a
file given by the caller (a temporary file on disk), so that no archive is ever held in memory."""

import io
import json
import shutil
import zipfile

from django.core.serializers.json import DjangoJSONEncoder

from beian.data_rights.collect import PersonalData

COPY_CHUNK = 1024 * 1024


def write_archive(user, target, *, now) -> None:
    collected = PersonalData(user)
    document = collected.document(generated_at=now)
    missing = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, field_file in collected.files:
            try:
                source = field_file.storage.open(field_file.name, "rb")
            except FileNotFoundError:
                missing.append(name)  # removed by a retention rule meanwhile: say so, do not fail
                continue
            with source, archive.open(name, "w") as entry:
                shutil.copyfileobj(source, entry, COPY_CHUNK)
        document["missing_files"] = missing
        with archive.open("data.json", "w") as entry:
            text = io.TextIOWrapper(entry, encoding="utf-8")
            json.dump(document, text, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
            text.flush()
            text.detach()  # the ZIP entry is closed by its own `with`
