"""Shared bits of the tests of the person's rights: time travel and opening a downloaded copy."""

import datetime
import io
import json
import zipfile

import pytest
from django.utils import timezone


class Clock:
    """Moves django.utils.timezone.now, which the services, the views and the audit log read."""

    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta):
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def open_copy(response) -> tuple[dict, dict[str, bytes]]:
    """(data.json, {archive name: content}) of a downloaded ZIP."""
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(files.pop("data.json")), files
