"""The Russian catalogue is complete, and it compiles without GNU gettext."""

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import PoFileError, read_po
from django.conf import settings

from languages.catalogues import compile_catalogues, stale_catalogues

RUSSIAN = Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def _catalogue():
    with RUSSIAN.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def test_every_message_has_a_russian_translation_that_is_not_fuzzy():
    untranslated = []
    for message in _catalogue():
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            untranslated.append(msgid)
    assert untranslated == [], (
        "translate these in locale/ru/LC_MESSAGES/django.po (and remove any fuzzy mark): "
        f"{untranslated}"
    )


def test_the_catalogue_has_russian_three_plural_forms():
    catalogue = _catalogue()
    assert catalogue.num_plurals == 3
    plurals = [m for m in catalogue if isinstance(m.id, tuple)]
    assert plurals and all(len(m.string) == 3 for m in plurals)


def test_catalogues_compile_in_python_and_only_when_stale(tmp_path, monkeypatch):
    # No gettext tools on the path: compiling must not need them.
    monkeypatch.setenv("PATH", "")
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
        'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "Visits"\nmsgstr "Посещения"\n\n'
        'msgid "%(n)d year"\nmsgid_plural "%(n)d years"\n'
        'msgstr[0] "%(n)d год"\nmsgstr[1] "%(n)d года"\nmsgstr[2] "%(n)d лет"\n\n'
        '#, fuzzy\nmsgid "Draft"\nmsgstr "Неверно"\n',
        encoding="utf-8",
    )
    assert stale_catalogues(tmp_path) == [po]
    assert compile_catalogues([tmp_path]) == [folder / "django.mo"]
    assert stale_catalogues(tmp_path) == []
    assert compile_catalogues([tmp_path]) == []

    with (folder / "django.mo").open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.gettext("Visits") == "Посещения"
    years = {
        n: translations.ngettext("%(n)d year", "%(n)d years", n) % {"n": n} for n in (1, 3, 27)
    }
    assert years == {1: "1 год", 3: "3 года", 27: "27 лет"}
    # A fuzzy entry is not trusted: the interface keeps the English.
    assert translations.gettext("Draft") == "Draft"


def test_a_malformed_catalogue_is_refused_with_its_line(tmp_path):
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(
        'msgid "Visits"\nmsgstr "Посещения"\nVisits are\n', encoding="utf-8"
    )
    with pytest.raises(PoFileError, match="on 2"):
        compile_catalogues([tmp_path])
    assert not (folder / "django.mo").exists()
