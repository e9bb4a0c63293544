import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# The reviewers' name matching reads rigour's table of given-name groups, which takes a few
# seconds to build: build it when the server starts rather than on someone's first draft.
from ingest.name_comparison import warm_up  # noqa: E402

warm_up()
