# The browser fixtures (Chromium, sign-in, screenshots) are the UI's.
from ui.tests.conftest import (  # noqa: F401
    browser_context_args,
    browser_type_launch_args,
    screenshot,
    serial_live_server_on_sqlite,
    sign_in,
)
