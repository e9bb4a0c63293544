"""Production settings, read by a fresh process from the environment as a server would."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" + "".join(f"{n:x}" for n in range(60))  # 100+ characters, 17 different
# Everything a developer's shell or .env might set that these tests decide themselves.
DECIDED = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_COOKIES",
    "SECURE_PROXY_SSL_HEADER",
    "SILENCED_SYSTEM_CHECKS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests, never in production
)


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in DECIDED}
    # An empty key wins over one in a developer's .env file (read without overwriting).
    clean["SECRET_KEY"] = ""
    clean.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _documented_production_environment() -> dict[str, str]:
    text = (BASE_DIR / "docs" / "operations.md").read_text()
    block = re.search(r"## Production settings.*?```env\n(.*?)```", text, re.S).group(1)
    pairs = dict(line.split("=", 1) for line in block.splitlines() if "=" in line)
    assert pairs["SECRET_KEY"].startswith("<")
    pairs["SECRET_KEY"] = STRONG_KEY
    return pairs


SERVE = ("-c", "import config.wsgi")  # what gunicorn and runserver load first


@pytest.mark.parametrize("key", ["", "change-me", "change-me-to-a-long-random-string", "x" * 60])
def test_the_web_app_refuses_to_start_with_debug_off_and_a_weak_key(key):
    result = _run(*SERVE, DEBUG="false", SECRET_KEY=key)
    assert result.returncode != 0
    assert "SECRET_KEY is missing or weak" in result.stderr


def test_the_worker_refuses_to_start_with_debug_off_and_a_weak_key():
    celery = str(Path(sys.executable).with_name("celery"))
    result = subprocess.run(  # noqa: S603 - our own worker command
        [celery, "-A", "config", "worker", "--pool=solo", "--without-mingle"],
        cwd=BASE_DIR,
        env={**os.environ, "DEBUG": "false", "SECRET_KEY": "change-me",
             "CELERY_BROKER_URL": "redis://127.0.0.1:9/0"},
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Refusing to start: SECRET_KEY is missing or weak" in result.stderr + result.stdout


def test_the_web_app_starts_with_debug_off_and_a_strong_key():
    result = _run(*SERVE, DEBUG="false", SECRET_KEY=STRONG_KEY)
    assert result.returncode == 0, result.stderr


def test_development_needs_no_key():
    result = _run(*SERVE, DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_tools_run_without_a_key():
    # Migrations and checks are tools, not services: CI and a build run them keyless.
    result = _run("manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_with_the_documented_production_settings():
    env = _documented_production_environment()
    result = _run("manage.py", "check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_them():
    result = _run(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="false", SECRET_KEY=STRONG_KEY,
    )  # fmt: skip
    assert result.returncode != 0
    for check in ("W004", "W008", "W012", "W016"):
        assert f"security.{check}" in result.stderr + result.stdout


def test_https_settings_come_from_the_environment():
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER, s.SECURE_REDIRECT_EXEMPT]))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "config.settings", **_documented_production_environment()}
    result = _run("-c", script, **env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        True,
        31536000,
        True,
        True,
        True,
        True,
        ["HTTP_X_FORWARDED_PROTO", "https"],
        ["^healthz$"],
    ]
    result = _run("-c", script, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="true")
    assert json.loads(result.stdout) == [False, 0, False, False, False, False, None, ["^healthz$"]]
