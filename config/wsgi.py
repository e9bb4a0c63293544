import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from .startup import refuse_weak_secret_key  # noqa: E402 - needs the settings loaded

refuse_weak_secret_key()

# The reviewers' name matching reads rigour's table of given-name groups, which takes a few
# seconds to build: build it when the server starts rather than on someone's first draft.
from ingest.name_comparison import warm_up  # noqa: E402

warm_up()
