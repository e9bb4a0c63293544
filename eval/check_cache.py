#!/usr/bin/env python3
"""Check that the cached article texts are the ones that were labelled.

Each label records the sha256 of the text file's bytes and its length in
characters. This script reads every labels file of one set (by default every
part of it, `<set>/*/labels.json`: dev, final, final2), looks for each `file` in
the set's cache folder and reports any text that is missing or differs. Exit
status 0 when all match, 1 otherwise.

    python3 eval/check_cache.py realnews-en       # texts in .cache/realnews/en
    python3 eval/check_cache.py realnews-ru --texts DIR --labels eval/realnews-ru/dev/labels.json

Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def check(labels_path: Path, texts: Path) -> list[str]:
    problems = []
    for item in json.loads(labels_path.read_text(encoding="utf-8")):
        name = item.get("file") or f"{item['id']}.txt"
        path = texts / name
        if not path.is_file():
            problems.append(f"{name}: missing")
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != item["sha256"]:
            problems.append(f"{name}: sha256 {digest} differs from the label's {item['sha256']}")
            continue
        length = len(data.decode("utf-8"))
        if length != item["length"]:
            problems.append(f"{name}: {length} characters, the label says {item['length']}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("set", help="the set's folder under eval/, e.g. realnews-en")
    ap.add_argument(
        "--texts",
        type=Path,
        help="folder of the cached texts (default: .cache/realnews/<language>)",
    )
    ap.add_argument(
        "--labels",
        type=Path,
        action="append",
        help="labels file (repeatable; default: every part of the set, <set>/*/labels.json)",
    )
    args = ap.parse_args()
    texts = args.texts or Path(".cache/realnews") / args.set.rpartition("-")[2]
    labels = args.labels or sorted((HERE / args.set).glob("*/labels.json"))
    if not labels:
        ap.error(f"no labels files under {HERE / args.set}")
    total, problems = 0, []
    for path in labels:
        total += len(json.loads(path.read_text(encoding="utf-8")))
        problems += check(path, texts)
    for line in problems:
        print(line)
    print(f"{total - len(problems)} of {total} texts match their labels")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
