#!/usr/bin/env python3
"""Score Cyrillic labels with the shared scorer, which keeps only Latin letters.

The shared scorer reduces charges, facilities and names to Latin letters and digits, so a
Russian charge ("кибермошенничество") or facility ("СИЗО №3") counts as empty and can never
be right. This wrapper runs the extractor, then transliterates every string of the labels
and of the extractor's output with one function (anyascii: Cyrillic to Latin), and hands
both to the shared scorer. Usage, from the repository root:

    python3 eval/score_transliterated.py --scorer ../shared/eval/score.py \\
        --labels eval/realnews-ru/dev/labels.json --texts .cache/realnews/ru -v \\
        -- .venv/bin/python manage.py extract_article --format jsonl

Pass the scorer's own options (-v) through; the figures it prints are the shared scorer's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from anyascii import anyascii


def latin(value):
    """Every string inside a JSON value, transliterated; everything else as it is."""
    if isinstance(value, str):
        return anyascii(value)
    if isinstance(value, list):
        return [latin(v) for v in value]
    if isinstance(value, dict):
        return {k: latin(v) for k, v in value.items()}
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorer", type=Path, default=Path("../shared/eval/score.py"))
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = [c for c in args.command if c != "--"]
    if not command:
        parser.error("give the extractor command after --")
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    files = [str(args.texts / (item.get("file") or f"{item['id']}.txt")) for item in labels]
    run = subprocess.run(command + files, capture_output=True, text=True)  # noqa: S603
    if run.returncode != 0:
        sys.exit(f"extractor failed with exit {run.returncode}:\n{run.stderr[-3000:]}")
    outputs = [line for line in run.stdout.splitlines() if line.strip().startswith("{")]
    with tempfile.TemporaryDirectory() as folder:
        labels_file = Path(folder) / "labels.json"
        predictions = Path(folder) / "predictions.jsonl"
        labels_file.write_text(json.dumps(latin(labels)), encoding="utf-8")
        predictions.write_text(
            "\n".join(json.dumps(latin(json.loads(line))) for line in outputs) + "\n",
            encoding="utf-8",
        )
        scorer = [sys.executable, str(args.scorer), "--labels", str(labels_file)]
        scorer += ["--predictions", str(predictions)] + (["-v"] if args.verbose else [])
        return subprocess.run(scorer).returncode  # noqa: S603


if __name__ == "__main__":
    sys.exit(main())
