"""Small websites on 127.0.0.1 for the badge checker: one http.server in a thread answers for several
host names (by the Host header); BADGE_CHECK_RESOLVE points the names at it, like curl --resolve."""

import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def loopback_sites(pages: dict):
    """pages: host → HTML text or bytes (200), or (status, HTML). Yields "127.0.0.1:<port>"."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            host = (self.headers.get("Host") or "").split(":")[0].lower()
            page = pages.get(host, (404, "not here"))
            status, html = page if isinstance(page, tuple) else (200, page)
            if status in (301, 302):
                self.send_response(status)
                self.send_header("Location", html)
                self.end_headers()
                return
            # Bytes are sent as they are, without a charset (the page's <meta> declares it).
            body = html if isinstance(html, bytes) else html.encode("utf-8")
            self.send_response(status)
            plain = isinstance(html, bytes)
            self.send_header("Content-Type", "text/html" if plain else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
