"""A real SMS provider reached over HTTP (SMS_HTTP_URL, SMS_HTTP_KEY, SMS_HTTP_SIGNATURE,
SMS_HTTP_TEMPLATE_IDS, SMS_HTTP_TIMEOUT_SECONDS).

The request is one JSON POST, authorised by a bearer key:
    {"phone", "sign_name", "template_id", "template_params", "text", "out_id"}
The outbox row's reference (a UUID that never changes) goes with every attempt as the
`Idempotency-Key` header (SMS_HTTP_IDEMPOTENCY_HEADER) and as `out_id`: when an answer is lost (a
timeout after the provider accepted the message) the retry carries the same key, and a provider that
de-duplicates on it delivers once and answers the repeat like the first (ADR 0010, addendum). The
answer's JSON `message_id` (or `id`) is kept. Providers differ in details; adapting one means a
subclass overriding `build_request`/`read_answer`/`build_headers`.

Errors: 5xx, 429, timeouts and connection errors are retryable, and so is 409 (the provider is still
handling the first request with this key); any other 4xx is permanent (the request itself is wrong —
bad number, unknown template, wrong key — and repeating it cannot help).
"""

import httpx
from django.conf import settings

from beian.notifications.backends import PermanentSmsError, RetryableSmsError, Sms, SmsBackend


class HttpSmsBackend(SmsBackend):
    def __init__(self, *, transport: httpx.BaseTransport | None = None):
        self.transport = transport  # None: the network (tests pass an httpx.MockTransport)
        if not settings.SMS_HTTP_URL:
            raise PermanentSmsError("SMS_HTTP_URL is not set")
        self.url = settings.SMS_HTTP_URL
        self.key = settings.SMS_HTTP_KEY
        self.sign_name = settings.SMS_HTTP_SIGNATURE
        self.template_ids = settings.SMS_HTTP_TEMPLATE_IDS
        self.timeout = httpx.Timeout(settings.SMS_HTTP_TIMEOUT_SECONDS)
        self.idempotency_header = settings.SMS_HTTP_IDEMPOTENCY_HEADER

    def build_request(self, sms: Sms) -> dict:
        template_id = self.template_ids.get(sms.template)
        if not template_id:
            raise PermanentSmsError(f"no provider template id for {sms.template!r} in SMS_HTTP_TEMPLATE_IDS")
        return {"phone": sms.to, "sign_name": self.sign_name, "template_id": template_id,
                "template_params": sms.params, "text": sms.text, "out_id": sms.reference}

    def build_headers(self, sms: Sms) -> dict:
        return {"Authorization": f"Bearer {self.key}", self.idempotency_header: sms.reference}

    def read_answer(self, response: httpx.Response) -> str:
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        return str(answer.get("message_id") or answer.get("id") or "") if isinstance(answer, dict) else ""

    def send(self, sms: Sms) -> str:
        payload = self.build_request(sms)
        try:
            with httpx.Client(transport=self.transport, timeout=self.timeout) as client:
                response = client.post(self.url, json=payload, headers=self.build_headers(sms))
        except httpx.TransportError as exc:  # timeouts, refused or reset connections
            raise RetryableSmsError(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 500 or response.status_code in (409, 429):
            raise RetryableSmsError(f"provider answered {response.status_code}: {response.text[:200]}")
        if response.status_code >= 400:
            raise PermanentSmsError(f"provider refused with {response.status_code}: {response.text[:200]}")
        return self.read_answer(response)
