"""Every message the Python code marks for translation has its entry in the Russian
catalogue (and the catalogue test then requires its Russian), so that a string marked in
code without `make messages` does not stay English unnoticed."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from languages import python_strings

RUSSIAN = Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES" / "django.po"
FILES = python_strings.project_python_files(Path(settings.BASE_DIR))


def _name(path: Path) -> str:
    return str(path.relative_to(settings.BASE_DIR))


@pytest.fixture(scope="module")
def russian():
    with RUSSIAN.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def test_the_project_code_is_found_and_tests_are_left_out():
    names = {_name(p) for p in FILES}
    assert "casework/services.py" in names
    assert "languages/python_strings.py" in names
    assert not any("/tests/" in name or "/migrations/" in name for name in names)


def test_messages_are_read_with_their_plural_and_context(tmp_path):
    source = tmp_path / "marked.py"
    source.write_text(
        "from django.utils.translation import gettext_lazy as _, ngettext, pgettext\n"
        'A = _("Visits")\n'
        'B = ngettext("%(n)d year", "%(n)d years", 2)\n'
        'C = pgettext("month", "May")\n'
        'D = "not marked"\n',
        encoding="utf-8",
    )
    found = python_strings.messages(source)
    assert [(m.msgid, m.context, m.plural) for m in found] == [
        ("Visits", None, None),
        ("%(n)d year", None, "%(n)d years"),
        ("May", "month", None),
    ]


@pytest.mark.parametrize("path", FILES, ids=_name)
def test_every_marked_message_is_in_the_russian_catalogue(path, russian):
    missing = sorted(
        m.msgid
        for m in python_strings.messages(path)
        if russian.get(m.msgid, context=m.context) is None
    )
    assert missing == [], (
        f"{_name(path)}: not in locale/ru/LC_MESSAGES/django.po: {missing}; run `make messages` "
        "(or add the entries by hand) and translate them"
    )
