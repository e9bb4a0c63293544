import os

from celery import Celery, signals
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
@signals.beat_init.connect
def refuse_to_start_with_a_weak_secret_key(**kwargs) -> None:
    from .startup import refuse_weak_secret_key

    try:
        refuse_weak_secret_key()
    except ImproperlyConfigured as exc:
        # Celery logs and ignores what a signal handler raises, except an exit.
        raise SystemExit(f"Refusing to start: {exc}") from exc
