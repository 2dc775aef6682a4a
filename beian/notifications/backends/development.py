"""The embedded default: each message becomes one JSON line in SMS_LOG_PATH (var/sms.jsonl) and a log
line, so a developer (or a browser test, via devtools.latest_sms) can read the verification code."""

import datetime
import json
import logging
from pathlib import Path

from django.conf import settings

from beian.notifications.backends import Sms, SmsBackend

logger = logging.getLogger(__name__)


class DevelopmentSmsBackend(SmsBackend):
    def send(self, sms: Sms) -> str:
        line = {
            "to": sms.to,
            "template": sms.template,
            "text": sms.text,
            "created_at": sms.created_at.astimezone(datetime.UTC).isoformat(),
            "language": sms.language,
            "params": sms.params,
            "reference": sms.reference,
        }
        path = Path(settings.SMS_LOG_PATH)
        path.parent.mkdir(parents=True, exist_ok=True)
        # One write of one line in append mode: concurrent workers never interleave inside a line.
        with path.open("a", encoding="utf-8") as log:
            log.write(json.dumps(line, ensure_ascii=False) + "\n")
        logger.info("SMS to %s (%s): %s", sms.to, sms.template, sms.text)
        return f"dev-{sms.reference}"
