"""Fixtures for the notifications tests: a movable clock, a fake SMS provider, SMS log, templates."""

import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone


class Clock:
    """timezone.now() that starts at the real time and moves only when told to."""

    def __init__(self):
        self.now = timezone.now()

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", clock)
    return clock


class FakeProvider:
    """An SMS provider on 127.0.0.1 that answers `failures` requests with an error, then accepts."""

    def __init__(self, failures=0, failure_status=500):
        self.failures = failures
        self.failure_status = failure_status
        self.received = []  # every request body, in order
        self.accepted = []  # bodies answered with 200
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                body["_authorization"] = self.headers.get("Authorization")
                provider.received.append(body)
                if len(provider.received) <= provider.failures:
                    self._answer(provider.failure_status, {"error": "busy"})
                else:
                    provider.accepted.append(body)
                    self._answer(200, {"message_id": f"m{len(provider.accepted)}"})

            def _answer(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_provider(settings):
    providers = []

    def start(failures=0, failure_status=500):
        provider = FakeProvider(failures, failure_status)
        providers.append(provider)
        settings.SMS_BACKEND = "beian.notifications.backends.http.HttpSmsBackend"
        settings.SMS_HTTP_URL = provider.url
        settings.SMS_HTTP_KEY = "test-key"
        settings.SMS_HTTP_SIGNATURE = "公安备案"
        settings.SMS_HTTP_TEMPLATE_IDS = {"verification_code": "SMS_0001"}
        settings.SMS_HTTP_TIMEOUT_SECONDS = 2
        return provider

    yield start
    for provider in providers:
        provider.close()


@pytest.fixture
def sms_log(settings, tmp_path):
    """A fresh SMS log file for the test."""
    settings.SMS_LOG_PATH = tmp_path / "sms.jsonl"
    return settings.SMS_LOG_PATH


@pytest.fixture
def text_templates(settings, tmp_path):
    """Extra templates (messages/, email/) in a temporary folder; returns a function writing one."""
    folder = tmp_path / "templates"
    folder.mkdir()
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder, *settings.TEMPLATES[0]["DIRS"]]}]

    def write(name, text):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return write
