"""Message catalogues compiled from `.po` to `.mo` in Python (Babel), so that a fresh machine
needs no GNU gettext: `make run`, `make test` and `bin/start-production` call this."""

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def stale_catalogues(root: Path) -> list[Path]:
    """The `.po` files under `root` whose `.mo` is missing or older."""
    stale = []
    for po in sorted(Path(root).glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(po)
    return stale


def compile_catalogue(po: Path) -> Path:
    """Write `po`'s `.mo` beside it. Fuzzy and untranslated entries are left out (the
    interface shows English for them); a malformed file raises, naming the line."""
    with po.open("rb") as source:
        catalog = read_po(source, abort_invalid=True)
    mo = po.with_suffix(".mo")
    # Written aside and renamed: a process reading the catalogue never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
    try:
        with os.fdopen(handle, "wb") as target:
            write_mo(target, catalog)
        os.replace(temporary, mo)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return mo


def compile_catalogues(roots) -> list[Path]:
    """Compile every stale catalogue under each of `roots`; the `.mo` files written."""
    return [compile_catalogue(po) for root in roots for po in stale_catalogues(root)]
