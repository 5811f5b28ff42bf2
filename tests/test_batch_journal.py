"""The --output journal: records appended as they finish; on resume the finished ids are read
back, and a torn last line or a damaged line (and what follows it) is cut off and redone."""

import json

import pytest

from seoclean.batch.journal import Journal, csv_columns
from seoclean.errors import SeocleanError


def record(number: int, **extra) -> dict:
    finding = {"rule": "SEO101", "category": "keyword-stuffing", "severity": "warning", "start": 0, "end": 4}
    return {
        "id": f"page-{number}",
        "path": f"site/page-{number}.html",
        "status": "ok",
        "format": "html",
        "language": "en",
        "words": 100 + number,
        "score": number / 10,
        "label": "spam" if number > 4 else "ok",
        "reasons": [],
        "findings": [finding] * number,
        "error": None,
        **extra,
    }


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_resume_reads_back_the_finished_ids_and_cuts_a_torn_line(tmp_path, suffix):
    path = tmp_path / f"scan{suffix}"
    journal = Journal(str(path))
    journal.write([json.dumps(record(1)), json.dumps(record(2, error="line one\nline two"))])
    journal.write([json.dumps(record(3))])
    journal.close()
    whole = path.read_bytes()
    path.write_bytes(whole + whole.splitlines(keepends=True)[-1][:9])  # a kill in the middle of a write

    resumed = []
    journal = Journal(str(path), resume=True, on_resumed=resumed.append)
    assert journal.done == {"page-1", "page-2", "page-3"}
    assert path.read_bytes() == whole
    journal.write([json.dumps(record(4))])
    journal.close()
    assert [r["id"] for r in resumed] == ["page-1", "page-2", "page-3"]
    assert resumed[2]["score"] == pytest.approx(0.3) and resumed[2]["words"] == 103
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == (5 if suffix == ".csv" else 4) and lines[-1].startswith(("page-4", '{"id": "page-4"'))


def test_a_damaged_line_and_everything_after_it_are_redone(tmp_path):
    path = tmp_path / "scan.jsonl"
    good = json.dumps(record(1)) + "\n"
    path.write_text(good + '{"id": "page-2", "path": garbage}\n' + json.dumps(record(3)) + "\n", encoding="utf-8")
    journal = Journal(str(path), resume=True)
    journal.close()
    assert journal.done == {"page-1"}
    assert path.read_text(encoding="utf-8") == good


def test_without_resume_the_output_starts_over(tmp_path):
    path = tmp_path / "scan.csv"
    path.write_text("old content\n", encoding="utf-8")
    Journal(str(path)).close()
    assert path.read_text(encoding="utf-8") == ",".join(csv_columns()) + "\n"


def test_resuming_a_csv_that_is_not_a_scan_output_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("name,value\na,1\n", encoding="utf-8")
    with pytest.raises(SeocleanError, match="not the CSV output of a seoclean scan"):
        Journal(str(path), resume=True)
    assert path.read_text(encoding="utf-8") == "name,value\na,1\n"
