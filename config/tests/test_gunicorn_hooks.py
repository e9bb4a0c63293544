"""The web workers' start-up hook: what a loaded app holds leaves the collector's reach."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


WORKER = """
import gc, sys
import config.wsgi
from config.gunicorn import post_worker_init
before = "config.urls" in sys.modules
post_worker_init(worker=None)
print(before, "config.urls" in sys.modules, gc.get_freeze_count())
"""


def _python(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """This interpreter run from the repository's root, its output kept."""
    return subprocess.run(  # noqa: S603 - the test's own interpreter and arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_loaded_worker_freezes_the_app_with_its_url_patterns():
    """As in a worker: the WSGI app is loaded, then the hook runs. The URL patterns (and
    the views they import) are not loaded by the app itself; the hook reads them first."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "true"}
    found = _python("-c", WORKER, env=env)
    assert found.returncode == 0, found.stderr
    before, after, frozen = found.stdout.split()
    assert (before, after) == ("False", "True")
    assert int(frozen) > 50_000


def test_gunicorn_reads_the_hooks_from_the_module():
    """Production and the benchmark name the module; gunicorn must accept it (checked with
    the standard library's demo app, as loading ours needs production settings)."""
    found = _python(
        "-m",
        "gunicorn",
        "--config",
        "python:config.gunicorn",
        "--print-config",
        "wsgiref.simple_server:demo_app",
    )
    assert found.returncode == 0, found.stderr
    hook = next(line for line in found.stdout.splitlines() if line.startswith("post_worker_init"))
    # gunicorn's own default prints as "<PostWorkerInit.post_worker_init()>".
    assert hook.split("=", 1)[1].strip() == "<post_worker_init()>"
    for script in ("bin/start-production", "bench/load.py"):
        assert "python:config.gunicorn" in (ROOT / script).read_text()
