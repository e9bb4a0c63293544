"""A small web server on 127.0.0.1 for fetch tests, and invented article texts."""

import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from kombu import Queue
from rest_framework.test import APIClient


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
        # Paths served a byte at a time: how many bytes each sent, and whether the client
        # hung up before the end.
        self.trickled: dict[str, int] = {}
        self.hung_up: dict[str, bool] = {}
        self.trickle_done: defaultdict[str, threading.Event] = defaultdict(threading.Event)
        # Paths whose first request is held, unanswered, until the test ends; `arrived` is
        # set when it comes.
        self.held: set[str] = set()
        self.arrived: defaultdict[str, threading.Event] = defaultdict(threading.Event)

    def hold_first(self, path: str) -> threading.Event:
        self.held.add(path)
        return self.arrived[path]

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
            if self.path == "/slow-headers":
                _trickle(
                    self,
                    routes,
                    b"HTTP/1.1 200 OK\r\nX-Padding: ",
                    b"a" * TRICKLE_BYTES,
                    b"\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nhello",
                )
                return
            if self.path == "/slow-body":
                _trickle(
                    self,
                    routes,
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n",
                    b"b" * TRICKLE_BYTES,
                    b"",
                )
                return
            if self.path in routes.held:
                routes.held.discard(self.path)
                routes.arrived[self.path].set()
                routes.release.wait(timeout=120)
                return
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


TRICKLE_BYTES = 300
TRICKLE_INTERVAL = 0.1  # the server's pace: 300 bytes take it 30 seconds


def _trickle(handler, routes: _Routes, head: bytes, slow: bytes, tail: bytes) -> None:
    """Sends `head` at once, then `slow` a byte at a time, then `tail`; records whether the
    client hung up first."""
    path = handler.path
    done = routes.trickle_done[path]
    routes.trickled[path] = 0
    routes.hung_up[path] = False
    try:
        handler.wfile.write(head)
        handler.wfile.flush()
        for byte in slow:
            if routes.release.is_set():
                return
            time.sleep(TRICKLE_INTERVAL)
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            routes.trickled[path] += 1
        handler.wfile.write(tail)
        handler.wfile.flush()
    except OSError:
        routes.hung_up[path] = True
    finally:
        handler.close_connection = True
        done.set()


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
def allow_local(settings, web):
    """Lets the fetcher reach the test server by the name "localhost" on its port (only)."""
    settings.INGEST_FETCH_ALLOWED_HOSTS = [f"localhost:{web.port}"]
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


# --- A Celery worker of the test's own -----------------------------------------------------


class OwnWorker:
    def __init__(self, process: subprocess.Popen, log_path, queue: str):
        self.process = process
        self.log_path = log_path
        self.queue = queue

    def children(self) -> list[int]:
        pid = self.process.pid
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in found]

    def kill_child(self) -> int:
        """SIGKILLs the pool process (prefork, one child) running the task."""
        (child,) = self.children()
        os.kill(child, signal.SIGKILL)
        return child

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:]


@pytest.fixture
def own_worker(web, settings, transactional_db, tmp_path):
    """A prefork worker (one child process) consuming a queue of its own, so that the worker
    .ci/run starts never takes these tasks, reading the test database and allowed to fetch
    from `web`. Tasks of the ingest app are routed to that queue for the test."""
    from django.db import connection

    from config.celery import app

    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs a database it can open: PostgreSQL")
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    database_url = (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )
    allowed = f"127.0.0.1:{web.port},localhost:{web.port}"
    settings.INGEST_FETCH_ALLOWED_HOSTS = allowed.split(",")
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "INGEST_FETCH_ALLOWED_HOSTS": allowed,
        # A held request must not time out before the test is done with it.
        "INGEST_FETCH_TIMEOUT_SECONDS": "120",
        "INGEST_FETCH_DEADLINE_SECONDS": "120",
    }
    log_path = tmp_path / "worker.log"
    celery = Path(sys.executable).with_name("celery")
    with open(log_path, "w") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own worker command
            [
                str(celery), "-A", "config", "worker", "--pool=prefork", "--concurrency=1",
                "-Q", queue, "-n", f"{queue}@%h", "--without-gossip", "--without-mingle",
                "--without-heartbeat", "--loglevel=info",
            ],
            env=env, stdout=log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
    routes = app.conf.task_routes
    app.conf.task_routes = {"ingest.tasks.*": {"queue": queue}}
    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()
    worker = OwnWorker(process, log_path, queue)
    try:
        yield worker
    finally:
        app.conf.task_routes = routes
        app.amqp.flush_routes()
        app.amqp.router = app.amqp.Router()
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with app.connection_for_write() as conn:
            Queue(queue, channel=conn.default_channel).delete()


@pytest.fixture
def api():
    """An API client signed in as the given user (none: signed out)."""

    def client_for(user):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return client_for
