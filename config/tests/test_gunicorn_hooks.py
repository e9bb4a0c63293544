"""The web workers' start-up hook: what a loaded app holds leaves the collector's reach."""

import gc
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_loaded_worker_freezes_what_it_holds(unfrozen):
    hooks = importlib.import_module("config.gunicorn")
    assert gc.get_freeze_count() == 0
    hooks.post_worker_init(worker=None)
    assert gc.get_freeze_count() > 10_000
    # What a request makes afterwards is still collected.
    cycle = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1


def test_gunicorn_reads_the_hooks_from_the_module():
    """Production and the benchmark name the module; gunicorn must accept it (checked with
    the standard library's demo app, as loading ours needs production settings)."""
    found = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "python:config.gunicorn",
            "--print-config",
            "wsgiref.simple_server:demo_app",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    hook = next(line for line in found.stdout.splitlines() if line.startswith("post_worker_init"))
    # gunicorn's own default prints as "<PostWorkerInit.post_worker_init()>".
    assert hook.split("=", 1)[1].strip() == "<post_worker_init()>"
    for script in ("bin/start-production", "bench/load.py"):
        assert "python:config.gunicorn" in (ROOT / script).read_text()
