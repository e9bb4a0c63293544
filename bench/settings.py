"""Settings of the benchmark's server: the app's, with the limit's and the peer's endpoints
mounted beside the app's own (`bench.urls`)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
