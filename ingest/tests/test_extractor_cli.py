"""The command line (`python -m ingest.extractor`) and the `extract_article` command."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ingest.extractor import cli

ARTICLES = Path(__file__).parent / "articles"
REPO = Path(__file__).resolve().parents[2]
SCORER_KEYS = {
    "name",
    "name_variants",
    "nationality",
    "detaining_country",
    "facility",
    "charges",
    "sentence",
    "max_penalty_years",
    "extradition",
    "consular_visits",
    "status",
}


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    parser_args = list(args)
    fmt = "jsonl"
    if "--format" in parser_args:
        fmt = parser_args[parser_args.index("--format") + 1]
        del parser_args[parser_args.index("--format") : parser_args.index("--format") + 2]
    status = cli.run(parser_args, fmt, out, err)
    return status, out.getvalue(), err.getvalue()


def test_jsonl_prints_one_line_per_file_in_the_scorers_shape():
    files = [str(ARTICLES / "prisoner_swap.txt"), str(ARTICLES / "no_detainee.txt")]
    status, out, err = run_cli(*files)
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["file"] == files[0] and second["file"] == files[1]
    assert second["detainees"] == []
    for person in first["detainees"]:
        assert set(person) >= SCORER_KEYS
        assert set(person["sentence"]) >= {
            "years",
            "months",
            "fine_amount",
            "fine_currency",
            "date",
        }
        assert person["evidence"]["status"]


def test_json_format_is_indented():
    status, out, _err = run_cli("--format", "json", str(ARTICLES / "cataphoric_lead.txt"))
    assert status == 0
    assert out.startswith("{\n  ")
    assert json.loads(out)["detainees"][0]["name"] == "Hideo Tanaka"


def test_undecodable_file_is_skipped_with_a_message(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Published: 2023-01-01\n\nA man \xff\xfe was held.")
    good = ARTICLES / "cataphoric_lead.txt"
    status, out, err = run_cli(str(bad), str(good))
    assert status == 1
    assert "bad.txt" in err and "UTF-8" in err
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(good)]


def test_module_entry_point():
    proc = subprocess.run(  # noqa: S603 - runs this interpreter on a test file
        [
            sys.executable,
            "-m",
            "ingest.extractor",
            "--format",
            "jsonl",
            str(ARTICLES / "commuted_to_life.txt"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    (line,) = proc.stdout.splitlines()
    assert json.loads(line)["detainees"][0]["name"] == "Chukwuemeka Obi"


def test_management_command_prints_the_same_lines():
    out = io.StringIO()
    path = str(ARTICLES / "refused_extradition.txt")
    call_command("extract_article", path, "--format", "jsonl", stdout=out)
    expected = io.StringIO()
    cli.run([path], "jsonl", expected, io.StringIO())
    assert out.getvalue() == expected.getvalue()


def test_management_command_reports_unreadable_files(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Détenu à Paris".encode("latin-1"))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("extract_article", str(bad), stdout=io.StringIO(), stderr=err)
    assert "latin1.txt" in err.getvalue()
