"""Tiny servers on 127.0.0.1 for the probe: one answering with a page (or a redirect, or an error),
a port that refuses connections, and one that accepts and never answers."""

import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = b"<!doctype html><title>Still here</title><p>This website is still online.</p>"


class _Handler(BaseHTTPRequestHandler):
    # Set per server (see site_server): status, extra headers, and what was asked (Host headers).
    status = 200
    headers_to_send: dict = {}
    seen_hosts: list

    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.seen_hosts.append(self.headers.get("Host", ""))
        body = PAGE if self.status == 200 else b""
        self.send_response(self.status)
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@contextmanager
def site_server(status: int = 200, headers: dict | None = None):
    """A website on 127.0.0.1: yields the server; `server.port`, `server.seen_hosts`."""
    handler = type("Handler", (_Handler,), {"status": status, "headers_to_send": headers or {},
                                            "seen_hosts": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.port = server.server_address[1]
    server.seen_hosts = handler.seen_hosts
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def refusing_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_server():
    """Accepts connections and never answers: the probe must give up after its timeout."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
                accepted.append(connection)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        for connection in accepted:
            connection.close()
        listener.close()
