"""What the production path needs of static files: `collectstatic` with hashed names."""

import json

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture
def manifest_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    return tmp_path


def test_collectstatic_writes_hashed_names_for_every_file_pages_use(manifest_storage):
    call_command("collectstatic", interactive=False, verbosity=0)

    paths = json.loads((manifest_storage / "staticfiles.json").read_text())["paths"]
    for name in ["ui/app.css", "ui/dashboard.js", "ingest/review.css", "ingest/review.js"]:
        assert paths[name] != name
        assert (manifest_storage / paths[name]).is_file()


@pytest.mark.skipif(
    not finders.find("ui/vendor/chart.umd.min.js"),
    reason="the chart library comes from npm; `make test` installs it when Node.js is present",
)
def test_the_chart_library_and_the_source_map_it_names_are_collected(manifest_storage):
    # The library's last line names its source map; the manifest storage refuses a missing one.
    chart = finders.find("ui/vendor/chart.umd.min.js")
    with open(chart, encoding="utf-8") as handle:
        assert "sourceMappingURL=chart.umd.min.js.map" in handle.read()[-200:]

    call_command("collectstatic", interactive=False, verbosity=0)

    paths = json.loads((manifest_storage / "staticfiles.json").read_text())["paths"]
    hashed = manifest_storage / paths["ui/vendor/chart.umd.min.js"]
    assert hashed.is_file()
    assert (manifest_storage / paths["ui/vendor/chart.umd.min.js.map"]).is_file()


def test_connections_persist_with_health_checks_by_default():
    database = settings.DATABASES["default"]
    assert database["CONN_MAX_AGE"] > 0
    assert database["CONN_HEALTH_CHECKS"] is True
