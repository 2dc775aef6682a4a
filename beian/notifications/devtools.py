"""Helpers for development and end-to-end tests: read what the development SMS backend wrote."""

import json
from pathlib import Path

from django.conf import settings


def latest_sms(to: str) -> dict | None:
    """The newest line of SMS_LOG_PATH sent to `to` (keys: to, template, text, created_at, params …)."""
    path = Path(settings.SMS_LOG_PATH)
    if not path.exists():
        return None
    latest = None
    with path.open(encoding="utf-8") as log:
        for line in log:
            if line.strip():
                entry = json.loads(line)
                if entry.get("to") == to:
                    latest = entry
    return latest
