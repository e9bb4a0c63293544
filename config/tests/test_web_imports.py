"""What a web worker loads to serve its first request: the libraries only the worker's jobs
need (reading fetched pages, polling feeds, building calendar feeds) are imported where
they are used, so every web worker does not carry them (about 50 MB with their companions)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAZY = ("trafilatura", "feedparser", "icalendar")


def test_loading_every_page_and_endpoint_imports_none_of_the_job_libraries():
    script = (
        "import sys, django; django.setup(); import config.urls; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        f"print(','.join(m for m in {LAZY!r} if m in sys.modules))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    found = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    assert found == ""
