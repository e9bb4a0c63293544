"""A small web server on 127.0.0.1 for fetch tests, and invented article texts."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@pytest.fixture
def fake_extractor(monkeypatch):
    """Makes the extractor return a given result (or what a function of the text returns)."""

    class Fake:
        result = None
        calls = 0

        def __call__(self, text, *, published=None):
            self.calls += 1
            return self.result(text) if callable(self.result) else self.result

    fake = Fake()
    monkeypatch.setattr("ingest.extraction.extract", fake)
    return fake


class _Routes:
    def __init__(self):
        self.pages: dict[str, tuple[int, dict, bytes]] = {}
        self.hits: list[str] = []
        self.release = threading.Event()

    def add(self, path: str, body: bytes | str = b"", status: int = 200, **headers):
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = {k.replace("_", "-"): v for k, v in headers.items()}
        headers.setdefault("Content-Type", "text/html; charset=utf-8")
        self.pages[path] = (status, headers, body)


def _handler(routes: _Routes):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            routes.hits.append(self.path)
            if self.path == "/hang":
                # Never answers until the test ends: the client must give up by itself.
                routes.release.wait(timeout=30)
                return
            status, headers, body = routes.pages.get(
                self.path, (404, {"Content-Type": "text/plain"}, b"not found")
            )
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def web():
    """A server on 127.0.0.1; `web.url(path)` addresses it as "localhost"."""
    routes = _Routes()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    routes.port = server.server_address[1]
    routes.url = lambda path="/": f"http://localhost:{routes.port}{path}"
    routes.ip_url = lambda path="/": f"http://127.0.0.1:{routes.port}{path}"
    yield routes
    routes.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def allow_local(settings):
    """Lets the fetcher reach the test server by the name "localhost" (only)."""
    settings.INGEST_FETCH_ALLOWED_HOSTS = ["localhost"]
    settings.INGEST_FETCH_TIMEOUT_SECONDS = 1.0
    settings.INGEST_FETCH_DEADLINE_SECONDS = 3.0
    settings.INGEST_FETCH_MAX_RETRIES = 1
    return settings


# Invented people and places; any likeness is accidental.
ARTICLE_QUILL = """Published: 2024-03-12

Irish engineer Ivor Quill sentenced to six years in Ruritania

A court in Strelsau on Monday sentenced Irish citizen Ivor Quill to six years in prison \
for espionage, his lawyer said.

Quill, 41, was arrested in May 2023 at the airport and has been held since then. \
He denies the charges.

The Irish consul visited Quill in prison last week, the foreign ministry in Dublin said.
"""

ARTICLE_MERGE = """Published: 2024-05-02

Canadian pilot Marta Velikova jailed in Kazakhstan

A court in Almaty sentenced Canadian citizen Marta Velikova to four years in prison on \
Thursday on charges of smuggling, her family said.

Velikova was detained in the city in January 2024. She has denied wrongdoing.
"""
