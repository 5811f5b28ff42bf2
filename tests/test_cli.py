"""The first CLI, end to end through the console script: scan, rules, explain."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REQUIRED_FIELDS = {"rule", "category", "start", "end", "line", "column", "text", "message", "suggestion", "severity"}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    executable = shutil.which("seoclean")
    command = [executable, *args] if executable else [sys.executable, "-m", "seoclean", *args]
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def scan_records() -> dict[str, dict]:
    result = run_cli("scan", str(EXAMPLES), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return {Path(r["path"]).name: r for r in records}


def test_scan_walks_directories_and_prints_one_record_per_document(scan_records):
    assert set(scan_records) == {"clean-article.md", "spam-article.md", "spam-page.html"}
    for record in scan_records.values():
        assert {"path", "score", "label", "findings", "error"} <= set(record)
        assert record["error"] is None
        assert 0.0 <= record["score"] <= 1.0 and record["label"] in {"spam", "ok"} and record["reasons"]
        for finding in record["findings"]:
            assert REQUIRED_FIELDS <= set(finding)
    assert scan_records["spam-article.md"]["label"] == scan_records["spam-page.html"]["label"] == "spam"
    assert scan_records["clean-article.md"]["label"] == "ok"


def test_scan_offsets_point_at_the_reported_text(scan_records):
    text = (EXAMPLES / "spam-article.md").read_text(encoding="utf-8")
    findings = scan_records["spam-article.md"]["findings"]
    assert findings
    lines = text.split("\n")
    for finding in findings:
        assert text[finding["start"] : finding["end"]] == finding["text"]
        line = lines[finding["line"] - 1]
        assert line[finding["column"] - 1 :].startswith(finding["text"].split("\n")[0])


def test_scan_finds_every_category_in_the_spam_article_and_nothing_serious_in_the_clean_one(scan_records):
    spam_categories = {f["category"] for f in scan_records["spam-article.md"]["findings"]}
    assert {"keyword-stuffing", "spin", "boilerplate", "duplicate"} <= spam_categories
    clean = [f for f in scan_records["clean-article.md"]["findings"] if f["severity"] != "info"]
    assert clean == []


def test_scan_reports_a_missing_file_as_an_error_record_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A short, ordinary paragraph about gardening in spring and the care of young tomato plants.\n")
    result = run_cli("scan", str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == 0
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert "no such file" in first["error"]
    assert second["error"] is None and second["status"] == "ok"


def test_rules_lists_every_category_and_explain_shows_docs():
    listing = run_cli("rules")
    assert listing.returncode == 0
    for code in ("SEO101", "SEO201", "SEO301", "SEO401"):
        assert code in listing.stdout
    explained = run_cli("explain", "seo201")
    assert explained.returncode == 0 and "Bad:" in explained.stdout and "Better:" in explained.stdout
    unknown = run_cli("explain", "SEO999")
    assert unknown.returncode == 2 and "seoclean rules" in unknown.stderr
