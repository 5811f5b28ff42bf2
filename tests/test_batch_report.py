"""`seoclean scan --report`: the records handed to the HTML report. Every document gets a row;
the flagged and highest-scoring ones (up to ``DETAIL_LIMIT``) carry the analysed text their
findings index and the cleaned version, computed in the workers."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import seoclean.batch.scan as batch_scan
from seoclean.cli import main
from seoclean.corpus.loader import read_rows

SUFFIX = {"html": ".html", "markdown": ".md", "text": ".txt"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    rows = [row for row in read_rows() if row["split"] == "dev"][:10]
    for number, row in enumerate(rows):
        (folder / f"page-{number}{SUFFIX[row['format']]}").write_text(row["text"], encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    return folder


@pytest.fixture
def captured(monkeypatch):
    """What the scan hands to the HTML writer (its rendering is tested in test_html_report.py)."""
    import seoclean.report.html as html_report

    calls = []
    monkeypatch.setattr(
        html_report, "write_html_report", lambda path, records, summary: calls.append((path, records, summary))
    )
    return calls


def test_every_document_gets_a_row_and_flagged_ones_get_their_text(pages, tmp_path, captured):
    assert main(["scan", str(pages), "--output", str(tmp_path / "out.jsonl"), "--report", "r.html", "-q"]) == 0
    ((path, records, summary),) = captured
    assert path == "r.html" and len(records) == 11
    assert summary["documents"] == 11 and summary["errors"] == 1 and summary["model"] == "default"
    assert summary["flagged"] == sum(r["label"] == "spam" for r in records) > 0
    assert 0 < summary["threshold"] < 1
    detailed = [r for r in records if "text" in r]
    assert {r["id"] for r in records if r["label"] == "spam"} <= {r["id"] for r in detailed}
    for record in detailed:
        for finding in record["findings"]:
            assert record["text"][finding["start"] : finding["end"]] == finding["text"], record["id"]
    spam = [r for r in detailed if r["label"] == "spam"]
    assert all(r["clean_text"] and r["clean_text"] != r["text"] for r in spam)
    html_pages = [r for r in detailed if r["format"] == "html"]
    assert all("<" not in r["text"][:200] for r in html_pages)  # the extracted text, not the markup
    broken = next(r for r in records if r["id"].endswith("broken.txt"))
    assert broken["status"] == "error" and "text" not in broken


def test_detail_is_capped_at_the_highest_scores(pages, tmp_path, captured, monkeypatch):
    monkeypatch.setattr(batch_scan, "DETAIL_LIMIT", 3)
    assert main(["scan", str(pages), "--jobs", "2", "--report", str(tmp_path / "r.html"), "-q", "--format", "csv"]) == 0
    ((_, records, _),) = captured
    detailed = sorted((r for r in records if "text" in r), key=lambda r: r["score"])
    scores = sorted((r["score"] for r in records if r["score"] is not None), reverse=True)
    assert len(detailed) == 3 and sorted(r["score"] for r in detailed) == sorted(scores[:3])


def test_a_resumed_scan_reports_the_documents_of_both_runs(pages, tmp_path, captured):
    output = tmp_path / "out.jsonl"
    assert main(["scan", str(pages), "--output", str(output), "-q"]) == 0
    lines = output.read_text(encoding="utf-8").splitlines()
    output.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    assert main(["scan", str(pages), "--output", str(output), "--resume", "--report", "r.html", "-q"]) == 0
    ((_, records, summary),) = captured
    assert len(records) == 11 and summary["resumed"] == 4 and summary["scanned"] == 7
    assert sorted(map(json.dumps, map(_without_detail, records))) == sorted(
        json.dumps(json.loads(line)) for line in output.read_text(encoding="utf-8").splitlines()
    )


def test_the_report_file_is_written_and_names_the_worst_page(pages, tmp_path):
    report = tmp_path / "report.html"
    executable = shutil.which("seoclean")
    command = [executable] if executable else [sys.executable, "-m", "seoclean"]
    result = subprocess.run(
        [*command, "scan", str(pages), "--jobs", "2", "--output", str(tmp_path / "o.jsonl"), "--report", str(report)],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    worst = max((r for r in records if r["score"] is not None), key=lambda r: r["score"])
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert Path(worst["id"]).name in page


def _without_detail(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in ("text", "clean_text")}


def test_without_the_html_module_report_stops_before_scanning(pages, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "seoclean.report.html", None)  # as if it were not installed
    output = tmp_path / "out.jsonl"
    assert main(["scan", str(pages), "--output", str(output), "--report", "r.html"]) == 2
    assert "--report needs the HTML report module seoclean.report.html" in capsys.readouterr().err
    assert not output.exists()
