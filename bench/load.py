"""The load benchmark (`make bench`): the app against the limit and the peer at growing
caseloads, on PostgreSQL, served by gunicorn and driven by wrk from another process.

    python -m bench.load            # or: make bench

Settings come from the environment:

    BENCH_SIZES="10000 100000"   detainees, ascending; the database grows from one to the next
    BENCH_ROUNDS=3               rounds; each times every endpoint and variant once, in turn
    BENCH_SECONDS=2              the least time wrk drives one variant in one round
    BENCH_MAX_SECONDS=5          the most, for endpoints whose single request is slow
    BENCH_POSTGRES=postgres://root@127.0.0.1:5432   server; the database is BENCH_DB on it
    BENCH_DB=bench_load          dropped and created afresh
    BENCH_PORT=8765              gunicorn's port on 127.0.0.1
    BENCH_SEED=2026

Each round times, for each endpoint, ours, then the limit, then the peer, so the ratios
are paired within a round; the figures printed are medians over the rounds. The last line
holds every ratio, ours/limit as `name=…` and ours/peer as `name_peer=…`.
"""

# The commands run and the URLs opened are the benchmark's own (wrk, gunicorn, loopback).
# ruff: noqa: S603, S310

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


SIZES = [int(n) for n in _env("BENCH_SIZES", "10000 100000").replace(",", " ").split()]
ROUNDS = int(_env("BENCH_ROUNDS", "3"))
SECONDS = float(_env("BENCH_SECONDS", "2"))
MAX_SECONDS = float(_env("BENCH_MAX_SECONDS", "5"))
POSTGRES = _env("BENCH_POSTGRES", "postgres://root@127.0.0.1:5432").rstrip("/")
DATABASE = _env("BENCH_DB", "bench_load")
PORT = int(_env("BENCH_PORT", "8765"))
SEED = int(_env("BENCH_SEED", "2026"))
CONCURRENCY = 8
WORKERS = 2
DATABASE_URL = f"{POSTGRES}/{DATABASE}"
RESULTS = ROOT / "test-artifacts" / "bench"

# The server's environment (and this process's, for the in-process checks): production
# settings on loopback, the API's per-token rate limit off (wrk sends one token), static
# files unhashed (nothing is collected).
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": DATABASE_URL,
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "API_THROTTLE_RATE": "",
    "STATIC_MANIFEST": "false",
    "LOG_LEVEL": "WARNING",
    "CELERY_BROKER_URL": "",
}


def say(text: str) -> None:
    print(text, flush=True)


# --- The database ------------------------------------------------------------------------


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')


def setup_django() -> None:
    os.environ.update(SERVER_ENV)
    import django

    django.setup()


def grow_to(size: int, have: int) -> float:
    """Adds generated detainees until there are `size`; returns the seconds it took."""
    from django.db import connection

    from bench.caseload import generate

    started = time.perf_counter()
    generate(size - have, seed=SEED + have)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


# --- The server --------------------------------------------------------------------------


class Server:
    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "config.wsgi",
                "--config=python:config.gunicorn",
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{PORT}",
                "--timeout=120",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env={**os.environ, **SERVER_ENV},
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=30):
                    return
            except OSError:  # refused while starting, or slow to answer its first request
                if self.process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer within two minutes")

    def workers(self) -> list[int]:
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children]

    def memory_mb(self) -> dict[str, float]:
        """Each worker's peak and current resident set (VmHWM, VmRSS), the largest."""
        peak = current = 0.0
        for worker in self.workers():
            status = Path(f"/proc/{worker}/status").read_text()
            fields = dict(re.findall(r"^(Vm\w+):\s+(\d+) kB", status, re.MULTILINE))
            peak = max(peak, int(fields["VmHWM"]) / 1024)
            current = max(current, int(fields["VmRSS"]) / 1024)
        return {"peak": peak, "current": current}

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


# --- Load --------------------------------------------------------------------------------


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        say("Installing wrk (Debian package)")
        subprocess.run([apt, "update", "-qq"], check=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "install", "-y", "-qq", "wrk"], check=True, env=env)
        found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is needed: apt-get install wrk (Debian) and run again.")
    return found


@dataclass
class Run:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(binary: str, url: str, headers: dict[str, str], seconds: float) -> Run:
    command = [binary, "-t1", f"-c{CONCURRENCY}", f"-d{max(1, round(seconds))}s"]
    command += ["--timeout", "60s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)", output, re.MULTILINE))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = (int(bad.group(1)) if bad else 0) + (
        sum(int(n) for n in socket.groups()) if socket else 0
    )
    return Run(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(percentiles["50"]) if "50" in percentiles else float("nan"),
        p99_ms=_ms(percentiles["99"]) if "99" in percentiles else float("nan"),
        requests=requests,
        errors=errors,
    )


def drain(base: str) -> None:
    """Waits until the workers have worked off what the last run left queued (wrk stops
    at its deadline, gunicorn still answers every request it had accepted), so that no run
    pays for the one before it: a request to /healthz waits behind them, and answers at
    once when none is left."""
    quick = 0
    deadline = time.monotonic() + 600
    while quick < 2 and time.monotonic() < deadline:
        started = time.perf_counter()
        with urllib.request.urlopen(f"{base}/healthz", timeout=600) as response:
            response.read()
        quick = quick + 1 if time.perf_counter() - started < 0.1 else 0


def wait_for_workers(binary: str, base: str) -> None:
    """Until every worker has loaded the app (gunicorn answers as soon as one has): eight
    connections at once reach both workers, and a cold one shows as a slow request."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if wrk(binary, f"{base}/healthz", {}, 2).p99_ms < 1000:
            return
    raise RuntimeError("the web workers did not become ready within five minutes")


@dataclass
class Measured:
    runs: dict[str, list[Run]] = field(default_factory=dict)
    queries: dict[str, int] = field(default_factory=dict)

    def median(self, kind: str, attribute: str) -> float | None:
        runs = self.runs.get(kind)
        return statistics.median(getattr(r, attribute) for r in runs) if runs else None

    def ratio(self, other: str) -> float | None:
        """Median over rounds of ours/other throughput, paired by round."""
        ours, theirs = self.runs.get("ours"), self.runs.get(other)
        if not ours or not theirs:
            return None
        return statistics.median(
            a.rps / b.rps if b.rps else float("inf") for a, b in zip(ours, theirs, strict=True)
        )


def measure_size(size: int, wrk_binary: str) -> tuple[dict[str, Measured], dict[str, float]]:
    from bench import endpoints as ep

    token = ep.viewer_token()
    sessions = {role: ep.session_cookie(role) for role in ("viewer", "reviewer")}
    targets = ep.endpoints()
    results = {target.name: Measured() for target in targets}
    durations = {}
    for target in targets:
        ep.check_payloads(target, token)
        single = ep.one_request(target, token)
        results[target.name].queries = {kind: one.queries for kind, one in single.items()}
        # Long enough for the 8 connections to pass through the 2 workers about three
        # times at the slowest variant's pace.
        slowest = max(one.seconds for one in single.values())
        durations[target.name] = min(MAX_SECONDS, max(SECONDS, 12 * slowest))
    say(f"  answers of the limit and the peer equal ours; queries counted ({size} detainees)")

    server = Server()
    try:
        server.start()
        base = f"http://127.0.0.1:{PORT}"
        wait_for_workers(wrk_binary, base)
        for round_number in range(1, ROUNDS + 1):
            started = time.perf_counter()
            for target in targets:
                hdrs = ep.headers(target, token, sessions)
                for kind, url in target.variants().items():
                    run = wrk(wrk_binary, base + url, hdrs, durations[target.name])
                    drain(base)
                    if run.errors:
                        raise RuntimeError(f"{url}: {run.errors} failed requests under load")
                    results[target.name].runs.setdefault(kind, []).append(run)
            say(f"  round {round_number}/{ROUNDS}: {time.perf_counter() - started:.0f} s")
        memory = server.memory_mb()
    finally:
        server.stop()
    return results, memory


# --- Extraction --------------------------------------------------------------------------


def extraction_throughput() -> float | None:
    output = subprocess.run(
        [sys.executable, "bench/extraction_throughput.py", "--articles", "300", "--no-growth"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = re.search(r"articles_per_second=([\d.]+)", output)
    return float(found.group(1)) if found else None


# --- Report ------------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(size: int, results: dict[str, Measured], memory: dict[str, float]) -> str:
    lines = [
        f"### {size:,} detainees",
        "",
        "| endpoint | ours req/s | p50 / p99 ms | queries | limit req/s | limit queries "
        "| ours/limit | peer req/s | peer queries | ours/peer |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, measured in results.items():
        lines.append(
            f"| {name} | {_fmt(measured.median('ours', 'rps'))} "
            f"| {_fmt(measured.median('ours', 'p50_ms'), 0)} / "
            f"{_fmt(measured.median('ours', 'p99_ms'), 0)} "
            f"| {measured.queries.get('ours', '–')} "
            f"| {_fmt(measured.median('limit', 'rps'))} | {measured.queries.get('limit', '–')} "
            f"| {_fmt(measured.ratio('limit'), 2)} "
            f"| {_fmt(measured.median('peer', 'rps'))} | {measured.queries.get('peer', '–')} "
            f"| {_fmt(measured.ratio('peer'), 2)} |"
        )
    lines += [
        "",
        f"Web worker resident memory after the run: peak {memory['peak']:.0f} MB, "
        f"now {memory['current']:.0f} MB (largest of {WORKERS} workers).",
    ]
    return "\n".join(lines)


def ratio_line(results: dict[str, Measured], memory: dict[str, float], extraction) -> str:
    parts = []
    for name, measured in results.items():
        if measured.ratio("limit") is not None:
            parts.append(f"{name}={measured.ratio('limit'):.2f}")
    for name, measured in results.items():
        if measured.ratio("peer") is not None:
            parts.append(f"{name}_peer={measured.ratio('peer'):.2f}")
    parts.append(f"rss_mb={memory['peak']:.0f}")
    if extraction is not None:
        parts.append(f"extraction_aps={extraction:.0f}")
    return " ".join(parts)


def main() -> int:
    started = time.perf_counter()
    wrk_binary = ensure_wrk()
    say(f"Fresh database {DATABASE}; sizes {SIZES}, {ROUNDS} rounds, wrk -t1 -c{CONCURRENCY}")
    fresh_database()
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    say(f"  migrated in {time.perf_counter() - started:.0f} s")
    reports, last = [], None
    have = 0
    for size in sorted(SIZES):
        seconds = grow_to(size, have)
        have = size
        say(f"{size} detainees generated (+ VACUUM ANALYZE) in {seconds:.0f} s")
        results, memory = measure_size(size, wrk_binary)
        report = table(size, results, memory)
        say(report)
        reports.append(report)
        last = (results, memory)
    extraction = extraction_throughput()
    say(f"Extraction: {_fmt(extraction)} articles per second (300 synthetic news articles)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text("\n\n".join(reports) + "\n")
    (RESULTS / "latest.json").write_text(
        json.dumps(
            {
                "sizes": SIZES,
                "rounds": ROUNDS,
                "extraction_articles_per_second": extraction,
                "largest": {
                    name: {
                        "queries": m.queries,
                        "runs": {k: [r.__dict__ for r in v] for k, v in m.runs.items()},
                    }
                    for name, m in last[0].items()
                },
            },
            indent=1,
        )
    )
    say(f"Whole run: {(time.perf_counter() - started) / 60:.1f} min")
    say(ratio_line(*last, extraction))
    return 0


if __name__ == "__main__":
    sys.exit(main())
