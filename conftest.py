"""Fixtures shared by every app's tests: one user per role."""

import pytest

from cases import roles
from cases.tests.factories import UserFactory


def pytest_configure(config):
    """The translations are compiled before any test runs, as `make test` does, so that a
    plain `pytest` also speaks Russian."""
    from django.conf import settings

    from languages.catalogues import compile_catalogues

    compile_catalogues(settings.LOCALE_PATHS)


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Hashed static names need `collectstatic`; tests serve files as they are."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request in Russian activates Russian for
    the thread, and the next test would otherwise get its messages in Russian."""
    from django.utils import translation

    translation.activate(settings_language())
    yield
    translation.activate(settings_language())


def settings_language() -> str:
    from django.conf import settings

    return settings.LANGUAGE_CODE


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Factories make many users; the real hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_throttles(settings):
    """Sign-in lockouts and API rate limits are off in tests (counters would carry from one
    test to the next); the tests of throttling turn them on."""
    from django.core.cache import cache

    settings.AXES_ENABLED = False
    settings.API_THROTTLE_RATES = {"user": None, "failed_token": None}
    cache.clear()


@pytest.fixture
def role_groups(db):
    roles.sync_role_groups()


@pytest.fixture
def viewer(role_groups):
    return UserFactory(username="viewer", role=roles.VIEWER)


@pytest.fixture
def caseworker(role_groups):
    return UserFactory(username="caseworker", role=roles.CASEWORKER, is_staff=True)


@pytest.fixture
def other_caseworker(role_groups):
    return UserFactory(username="other-caseworker", role=roles.CASEWORKER, is_staff=True)


@pytest.fixture
def reviewer(role_groups):
    return UserFactory(username="reviewer", role=roles.REVIEWER, is_staff=True)


@pytest.fixture
def admin_user(role_groups):
    return UserFactory(username="admin", role=roles.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def outsider(db):
    """Signed in, but holds no role."""
    return UserFactory(username="outsider")


@pytest.fixture(autouse=True)
def tasks_in_process_unless_worker_test(request):
    """Only tests marked `worker` talk to a real broker; the rest run tasks in-process,
    where they can see the test's uncommitted rows."""
    from config.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = request.node.get_closest_marker("worker") is None or eager
    yield
    app.conf.task_always_eager = eager


def pytest_collection_modifyitems(config, items):
    import os

    if os.environ.get("TEST_WORKER") == "1":
        return
    skip = pytest.mark.skip(reason="needs a real worker: set TEST_WORKER=1 and a broker URL")
    for item in items:
        if item.get_closest_marker("worker"):
            item.add_marker(skip)
