"""The development server's log prints each line once (Django's own "django" logger and the
root logger both printed every record when DEBUG was on)."""

import io
import logging
import sys

import pytest
from django.conf import settings
from django.utils.log import configure_logging


@pytest.fixture
def console(settings, monkeypatch):
    """Logging configured as at start-up, with DEBUG on, writing to a buffer."""
    settings.DEBUG = True
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    yield buffer
    monkeypatch.undo()
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


def test_a_request_warning_is_printed_once(console):
    logging.getLogger("django.request").warning("Not Found: %s", "/nowhere/")
    assert console.getvalue().splitlines() == ["Not Found: /nowhere/"]


def test_a_server_request_line_is_printed_once_with_its_time(console):
    logging.getLogger("django.server").info('"GET /visits/ HTTP/1.1" 200 512')
    lines = console.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("[") and lines[0].endswith('"GET /visits/ HTTP/1.1" 200 512')


def test_our_own_loggers_print_once(console):
    logging.getLogger("ingest.tasks").warning("feed unreachable")
    assert console.getvalue().splitlines() == ["feed unreachable"]


def test_the_level_comes_from_the_environment():
    assert settings.LOGGING["root"]["level"] == settings.LOG_LEVEL
    assert settings.LOGGING["loggers"]["django"]["level"] == settings.LOG_LEVEL
