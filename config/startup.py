"""What a serving process checks before it starts: the web application (config/wsgi.py,
config/asgi.py, and `runserver`, which loads config/wsgi.py) and the Celery worker and beat
(config/celery.py). Management commands (migrate, makemigrations, collectstatic) are tools,
not services, and are not stopped; `check --deploy` flags a weak key for them."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PLACEHOLDERS = ("change-me", "changeme", "django-insecure", "secret")


def is_strong_secret_key(key: str) -> bool:
    """What `check --deploy` asks of a key (50 characters, 5 different ones, not Django's
    development prefix), and no placeholder from an example file."""
    lowered = key.lower()
    return (
        len(key) >= 50
        and len(set(key)) >= 5
        and not lowered.startswith(PLACEHOLDERS)
        and "change-me" not in lowered
    )


def refuse_weak_secret_key() -> None:
    if not settings.DEBUG and not is_strong_secret_key(settings.SECRET_KEY):
        raise ImproperlyConfigured(
            "SECRET_KEY is missing or weak while DEBUG is off. Set SECRET_KEY to at least 50 "
            "random characters (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or DEBUG=true on a development machine."
        )
