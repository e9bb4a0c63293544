#!/usr/bin/env python3
"""Check that the cached texts of the real-news set match their labels.

Every item in the label files names a text file, its SHA-256 and its length
in characters. This script reports, for each labelled item, whether the file
is in the cache folder and unchanged, and lists what is missing or differs.

    python3 eval/realnews-en/check_cache.py
    python3 eval/realnews-en/check_cache.py --texts .cache/realnews/en \
        eval/realnews-en/dev/labels.json

Exit status 0 when every file is present and matches, 1 otherwise.
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_LABELS = [HERE / "dev" / "labels.json", HERE / "final" / "labels.json"]
DEFAULT_TEXTS = HERE.parent.parent / ".cache" / "realnews" / "en"


def check_item(item: dict, texts: Path) -> str | None:
    """Return a problem description for one labelled item, or None when it matches."""
    path = texts / (item.get("file") or f"{item['id']}.txt")
    if not path.is_file():
        return f"missing: {path.name} (query {item.get('query')!r}, rank {item.get('rank')})"
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != item.get("sha256"):
        return f"changed: {path.name} sha256 {digest} != {item.get('sha256')}"
    try:
        length = len(data.decode("utf-8"))
    except UnicodeDecodeError:
        return f"changed: {path.name} is not UTF-8"
    if length != item.get("length"):
        return f"changed: {path.name} length {length} != {item.get('length')}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("labels", nargs="*", type=Path, help="label files (default: dev and final)")
    parser.add_argument(
        "--texts", type=Path, default=DEFAULT_TEXTS, help="cache folder of the texts"
    )
    args = parser.parse_args(argv)

    problems: list[str] = []
    total = bad = 0
    for labels in args.labels or DEFAULT_LABELS:
        try:
            items = json.loads(labels.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"unreadable label file {labels}: {exc}")
            continue
        for item in items:
            total += 1
            problem = check_item(item, args.texts)
            if problem:
                bad += 1
                problems.append(f"{labels.parent.name}/{item['id']}: {problem}")

    for problem in problems:
        print(problem)
    print(f"checked={total} ok={total - bad} problems={len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
