"""Batch scans end to end: `--jobs 2` and a 2-worker Dask LocalCluster give exactly the records
of one process; bad inputs become error records and the batch goes on; a scan killed with
SIGKILL halfway and resumed has every record exactly once; `--report` gets detail records."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seoclean.corpus.loader import read_rows

SUFFIX = {"html": ".html", "markdown": ".md", "text": ".txt"}
BAD_INPUTS = {
    "bad-binary.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "bad-undecodable.txt": b"\xff\xfe" + "an odd number of bytes".encode("utf-16-le") + b"!",
    "bad-malformed.html": b"<html><body><div><p>Unclosed <b>tags <<>> and </i>stray ends</span></table>",
    "bad-empty.md": b"   \n\n",
}


def cli(*args: str, **kwargs) -> list[str]:
    executable = shutil.which("seoclean")
    return [executable, *args] if executable else [sys.executable, "-m", "seoclean", *args]


def scan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(cli("scan", *args), check=False, capture_output=True, text=True, timeout=600)


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_id(records: list[dict]) -> dict[str, dict]:
    assert len({r["id"] for r in records}) == len(records), "a record is duplicated"
    return {record["id"]: record for record in records}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """24 real documents of the dataset (text, Markdown, HTML; clean and spam), a 50 MB file, and
    binary, undecodable, malformed and empty ones."""
    folder = tmp_path_factory.mktemp("site")
    rows = [row for row in read_rows() if row["split"] == "test"][:24]
    for number, row in enumerate(rows):
        (folder / f"doc-{number:02d}{SUFFIX[row['format']]}").write_text(row["text"], encoding="utf-8")
    for name, data in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    with open(folder / "bad-huge.txt", "wb") as stream:
        stream.write(b"buy cheap pills online today " * 1_800_000)  # ~52 MB, over the 5 MB default
    return folder


@pytest.fixture(scope="module")
def serial(site, tmp_path_factory) -> dict[str, dict]:
    output = tmp_path_factory.mktemp("serial") / "scan.jsonl"
    result = scan(str(site), "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert "29 document(s)" in result.stderr and "docs/s" in result.stderr
    return by_id(read_records(output))


def test_bad_inputs_are_error_records_and_the_batch_goes_on(serial, site):
    assert len(serial) == 29
    errors = {Path(i).name: r["error"] for i, r in serial.items() if r["status"] == "error"}
    assert {"bad-binary.html", "bad-undecodable.txt", "bad-empty.md", "bad-huge.txt"} <= set(errors)
    assert "binary" in errors["bad-binary.html"]
    assert "UTF-16" in errors["bad-undecodable.txt"]
    assert "5,000,000-byte limit" in errors["bad-huge.txt"]
    malformed = serial[str(site / "bad-malformed.html")]
    assert "internal error" not in (malformed["error"] or "")
    analysed = [r for r in serial.values() if Path(r["id"]).name.startswith("doc-")]
    assert all(r["status"] == "ok" and r["score"] is not None for r in analysed)
    assert {r["label"] for r in analysed} == {"spam", "ok"}


def test_two_processes_give_the_records_of_one(serial, site, tmp_path):
    output = tmp_path / "jobs2.jsonl"
    result = scan(str(site), "--jobs", "2", "--output", str(output), "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert by_id(read_records(output)) == serial


def test_a_local_dask_cluster_gives_the_records_of_one_process(serial, site, tmp_path):
    pytest.importorskip("dask.distributed")
    output = tmp_path / "dask.jsonl"
    result = scan(str(site), "--dask", "local", "--jobs", "2", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert by_id(read_records(output)) == serial


def test_jobs_keep_stdout_formats_working(site, serial):
    result = scan(str(site), "--jobs", "2", "--format", "csv")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("path,status,format") and len(lines) == 30
    assert {line.split(",")[0] for line in lines[1:]} == set(serial)


def test_a_scan_killed_halfway_and_resumed_has_every_record_exactly_once(serial, site, tmp_path):
    output = tmp_path / "killed.jsonl"
    process = subprocess.Popen(cli("scan", str(site), "--output", str(output), "--quiet"), start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while _lines(output) < 12 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    done = _lines(output)
    assert 12 <= done < 29, "the kill must land halfway through the scan"
    with open(output, "a", encoding="utf-8") as stream:
        stream.write('{"id": "torn write", "path": ')  # what a kill in the middle of a write leaves

    result = scan(str(site), "--output", str(output), "--resume")
    assert result.returncode == 0, result.stderr
    assert f"{done} already done (resumed)" in result.stderr
    assert by_id(read_records(output)) == serial


def test_resume_skips_everything_when_the_scan_had_finished(serial, site, tmp_path):
    output = tmp_path / "finished.csv"
    assert scan(str(site), "--output", str(output)).returncode == 0
    before = output.read_text(encoding="utf-8")
    result = scan(str(site), "--output", str(output), "--resume")
    assert result.returncode == 0 and "29 already done" in result.stderr
    assert output.read_text(encoding="utf-8") == before
    rows = before.splitlines()
    assert rows[0].startswith("id,path,status") and len(rows) == 30


def test_flag_mistakes_stop_the_scan_with_a_fix(site, tmp_path):
    resume_alone = scan(str(site), "--resume")
    assert resume_alone.returncode == 2 and "--resume continues an --output FILE" in resume_alone.stderr
    wrong_suffix = scan(str(site), "--output", str(tmp_path / "out.txt"))
    assert wrong_suffix.returncode == 2 and "name the file .jsonl or .csv" in wrong_suffix.stderr
    nothing = scan()
    assert nothing.returncode == 2 and "nothing to scan" in nothing.stderr


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0
