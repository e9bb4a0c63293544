"""Gunicorn hooks shared by production (`bin/start-production`) and the load benchmark.

Passed with `--config python:config.gunicorn`; settings given on the command line still
win over anything here.
"""

import gc


def post_worker_init(worker) -> None:
    """Moves what the worker holds once the app is loaded (modules, settings, URL patterns,
    compiled patterns and templates: about 165,000 objects) out of the garbage collector's
    reach. They live as long as the process, yet every full collection walked them all,
    and such a pause held up every request queued behind the one it struck: the slowest
    answers under load were these pauses. Objects made by requests are collected as before.
    """
    gc.freeze()
