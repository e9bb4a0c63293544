import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from .startup import refuse_weak_secret_key  # noqa: E402 - needs the settings loaded

refuse_weak_secret_key()

# The reviewers' name matching reads rigour's table of given-name groups (about 270 MB
# once built). It is not built at start: a web worker that never shows a draft's matches
# stays small, and the one that does builds it on that first draft page
# (ingest.name_comparison).
