"""Command line: `python -m ingest.extractor --format jsonl FILE...`.

Shared with the `extract_article` management command, which only forwards its arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .assemble import extract
from .serialize import result_to_dict

FORMATS = ("jsonl", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="article text files (UTF-8)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="jsonl: one JSON object per line and file; json: indented, for reading",
    )


def run(files: Sequence[str], fmt: str, out: TextIO, err: TextIO) -> int:
    """Extract every file in turn. A file that cannot be read is reported on `err` and
    skipped; the exit status is 1 when that happened, else 0."""
    failures = 0
    for name in files:
        try:
            text = Path(name).read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            err.write(f"{name}: not UTF-8 text (byte {error.start}): skipped\n")
            failures += 1
            continue
        except OSError as error:
            err.write(f"{name}: cannot read ({error.strerror}): skipped\n")
            failures += 1
            continue
        payload = result_to_dict(extract(text), file=name)
        if fmt == "json":
            out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ingest.extractor",
        description="Read news articles and print draft records of the detainees they report.",
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(args.files, args.format, sys.stdout, sys.stderr)
