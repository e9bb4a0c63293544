"""Every word a template shows goes through the translation machinery, and the Russian
catalogue has a translation for every message the templates ask for."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.template import engines

from languages import template_strings

TEMPLATES = template_strings.project_templates(settings.BASE_DIR)
RUSSIAN = Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def _name(path: Path) -> str:
    return str(path.relative_to(settings.BASE_DIR))


def _compiled(path: Path):
    engine = engines["django"].engine
    return engine.from_string(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def russian():
    with RUSSIAN.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def test_the_project_templates_are_found():
    names = {_name(p) for p in TEMPLATES}
    assert "templates/base.html" in names
    assert "ingest/templates/ingest/draft.html" in names


@pytest.mark.parametrize("path", TEMPLATES, ids=_name)
def test_no_visible_text_outside_translate_tags(path):
    source = path.read_text(encoding="utf-8")
    leftovers = template_strings.untranslated_text(source)
    leftovers += template_strings.untranslated_literals(_compiled(path))
    assert leftovers == [], f"{_name(path)} shows untranslated text: {leftovers}"


@pytest.mark.parametrize("path", TEMPLATES, ids=_name)
def test_every_template_message_has_a_russian_translation(path, russian):
    missing = []
    for message in template_strings.messages(_compiled(path)):
        entry = russian.get(message.msgid, context=message.context)
        strings = entry.string if entry else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(message.msgid)
    assert missing == [], (
        f"{_name(path)}: no Russian for {sorted(missing)}; run `make messages` and translate "
        "them in locale/ru/LC_MESSAGES/django.po"
    )
