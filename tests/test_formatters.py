"""Every output format end to end through the console script (one run per format over the
bundled examples plus a missing file), SARIF validated against the SARIF 2.1.0 schema, and the
formatters' details on hand-made reports."""

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from seoclean.analysis import Report
from seoclean.findings import Finding, Severity
from seoclean.report import FORMAT_NAMES, get_formatter

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
ARGS = ("scan", str(EXAMPLES), "missing.md", "--no-model", "--no-config")


@pytest.fixture(scope="module")
def outputs() -> dict[str, subprocess.CompletedProcess]:
    """One run per format, all started at once, shared by the tests below."""
    executable = shutil.which("seoclean")
    prefix = [executable] if executable else [sys.executable, "-m", "seoclean"]
    running = {
        name: subprocess.Popen(
            [*prefix, *ARGS, "--format", name], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for name in FORMAT_NAMES
    }
    results = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=120)
        results[name] = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    return results


def test_every_format_runs_and_scan_exits_0(outputs):
    assert set(outputs) == {"text", "json", "jsonl", "sarif", "github", "csv"}
    for name, result in outputs.items():
        assert result.returncode == 0, (name, result.stderr)
        assert result.stdout.strip(), name


def test_machine_formats_leave_stdout_clean_and_summarise_on_stderr(outputs):
    for name in ("json", "jsonl", "sarif", "github", "csv"):
        assert "seoclean: 4 document(s)" in outputs[name].stderr, name
        assert "1 could not be read" in outputs[name].stderr


def test_text_format_quotes_the_line_with_a_caret_and_the_suggestion(outputs):
    text = outputs["text"].stdout
    assert "\033[" not in text  # not a terminal: no colour
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if re.match(r".*spam-article\.md:\d+:\d+: SEO205 ", line))
    source, caret, suggestion = lines[header + 1 : header + 4]
    assert "{lasts|persists|continues}" in source
    column = int(lines[header].split(":")[2])
    bar = source.index("|")
    assert caret.index("^") - bar == column + 1  # "| " then the line: the caret sits under the column
    assert caret.rstrip().endswith("error")
    assert suggestion.strip() == "= suggestion: replace with 'lasts'"
    assert "missing.md: error: no such file" in text
    assert text.rstrip().endswith("1 could not be read")


def test_json_and_jsonl_carry_the_same_records(outputs):
    as_json = json.loads(outputs["json"].stdout)
    as_jsonl = [json.loads(line) for line in outputs["jsonl"].stdout.splitlines()]
    assert as_json == as_jsonl
    assert [r["status"] for r in as_json].count("error") == 1


def test_sarif_is_valid_against_the_2_1_0_schema(outputs):
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(outputs["sarif"].stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "SEO101" in rule_ids and "SEO902" in rule_ids
    results = run["results"]
    assert results and all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)
    spintax = next(r for r in results if r["ruleId"] == "SEO205")
    region = spintax["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == "{lasts|persists|continues}"
    assert region["endColumn"] - region["startColumn"] == len("{lasts|persists|continues}")
    assert spintax["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "lasts"
    html = next(
        r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".html")
    )
    assert "endLine" not in html["locations"][0]["physicalLocation"]["region"]
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert "no such file" in notification["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_github_annotations(outputs):
    lines = outputs["github"].stdout.splitlines()
    assert all(re.match(r"::(error|warning|notice) file=[^:]+::", line) for line in lines), lines[:3]
    assert "::error file=missing.md,title=seoclean::no such file: missing.md" in lines
    spintax = next(line for line in lines if "SEO205" in line)
    assert spintax.startswith("::error file=") and ",line=" in spintax and ",col=" in spintax


def test_csv_has_one_row_per_document(outputs):
    rows = list(csv.DictReader(io.StringIO(outputs["csv"].stdout)))
    assert [Path(r["path"]).name for r in rows] == [
        "clean-article.md",
        "spam-article.md",
        "spam-page.html",
        "missing.md",
    ]
    spam = rows[1]
    assert int(spam["findings"]) > 0 and int(spam["keyword_stuffing"]) > 0 and int(spam["errors"]) >= 1
    assert rows[3]["status"] == "error" and "no such file" in rows[3]["error"]


# -- formatter details on hand-made reports -------------------------------------------------------
def _report(**changes) -> Report:
    finding = Finding("SEO205", "spin", 9, 15, 2, 5, "{a|b}\n", "spintax: 100% spun, really", "a", Severity.ERROR)
    values = {"path": "dir/post, v2.md", "format": "markdown", "findings": [finding]}
    values.update(changes)
    return Report(**values)


def _render(name: str, report: Report, source: str | None = None, **options) -> str:
    stream = io.StringIO()
    formatter = get_formatter(name, stream, **options)
    formatter.start()
    formatter.handle(report, source)
    formatter.stop()
    return stream.getvalue()


def test_github_escapes_data_and_properties():
    line = _render("github", _report()).splitlines()[0]
    assert line.startswith("::error file=dir/post%2C v2.md,line=2,col=5,")
    assert line.endswith("::SEO205 spintax: 100%25 spun, really")


def test_text_colour_only_when_asked_or_on_a_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\033[" not in _render("text", _report(), "x\nthe {a|b} y\n")
    assert "\033[" in _render("text", _report(), "x\nthe {a|b} y\n", color=True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\033[" in _render("text", _report())
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in _render("text", _report())


def test_text_windows_long_lines_and_keeps_the_caret_under_the_finding():
    source = "x\n" + "word " * 100 + "{a|b} " + "word " * 100
    finding = Finding("SEO205", "spin", 0, 5, 2, 501, "{a|b}", "m", None, Severity.ERROR)
    lines = _render("text", _report(findings=[finding]), source).splitlines()
    shown, caret = lines[1], lines[2]
    assert len(shown) < 120 and shown.count("…") == 2
    start = caret.index("^")
    assert shown[start : start + 5] == "{a|b}"


def test_spam_verdicts_are_reported_in_every_format():
    report = _report(findings=[], score=0.93, label="spam", reasons=["keyphrase density 7%"])
    assert "dir/post, v2.md: spam: classified as spam (score 0.93)\n  - keyphrase density 7%\n" in _render(
        "text", report
    )
    assert _render("github", report).startswith("::error file=dir/post%2C v2.md,line=1,")
    sarif = json.loads(_render("sarif", report))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "SEO901"
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")), cls=jsonschema.Draft4Validator)
    assert json.loads(_render("json", report))[0]["label"] == "spam"
    assert "spam" in _render("csv", report).splitlines()[1]
