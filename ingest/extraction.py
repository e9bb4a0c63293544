"""The one place the Django side calls the extractor package."""

from __future__ import annotations

import datetime as dt


def extract(text: str, *, published: dt.date | None = None):
    from ingest import extractor

    return extractor.extract(text, published=published)


def extractor_version() -> str:
    from ingest import extractor

    return extractor.EXTRACTOR_VERSION


def split_metadata(text: str) -> tuple[str, dt.date | None]:
    """A leading `Published: YYYY-MM-DD` line, read by the extractor's own rule."""
    from ingest.extractor import split_metadata as split

    return split(text)
