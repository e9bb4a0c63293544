"""The messages the project's Python code marks for translation, read with Babel's extractor
(no GNU gettext): the check behind the test that each has its entry in the catalogue."""

from pathlib import Path

from babel.messages.extract import extract_from_file

from .template_strings import Message

# Django's translation functions, with the positions of their message arguments.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
# What `make messages` leaves out too: tools, tests and migrations are not the interface.
SKIPPED = {".venv", "node_modules", "staticfiles", "eval", "bench", "tests", "migrations"}


def project_python_files(base: Path) -> list[Path]:
    return sorted(
        path
        for path in Path(base).rglob("*.py")
        if not SKIPPED.intersection(path.relative_to(base).parts[:-1])
    )


def messages(path: Path) -> list[Message]:
    found = []
    for _line, message, _comments, context in extract_from_file("python", path, KEYWORDS):
        if isinstance(message, tuple):
            found.append(Message(message[0], context, message[1]))
        elif message:
            found.append(Message(message, context))
    return found
