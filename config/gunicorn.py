"""Gunicorn hooks shared by production (`bin/start-production`) and the load benchmark.

Passed with `--config python:config.gunicorn`; settings given on the command line still
win over anything here.
"""

import gc


def post_worker_init(worker) -> None:
    """Moves what the worker holds once the app is loaded (modules, settings, models and the
    URL patterns, read here first so that they are among it) out of the garbage collector's
    reach. They live as long as the process, yet every full collection walked them all, and
    such a pause held up every request queued behind the one it struck: the slowest answers
    under load were these pauses. Garbage is collected first so that none is kept for good;
    objects made by requests are collected as before.
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports the URL configuration and the views
    gc.collect()
    gc.freeze()
