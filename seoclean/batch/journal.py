"""``--output FILE``: records appended as they finish, and ``--resume`` after a crash or a kill.

The file is the journal: one line per finished document (JSON Lines, or CSV with one physical
line per row), flushed after every batch of records and fsync'd at most once a second. On resume
the finished ids are read back; a torn last line (a kill in the middle of a write) and anything
after a damaged line are cut off, so that every document ends up in the file exactly once.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from seoclean.errors import SeocleanError

OUTPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_FSYNC_SECONDS = 1.0


def output_format(path: str) -> str:
    fmt = OUTPUT_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise SeocleanError(f"--output {path}: name the file .jsonl or .csv (the suffix picks the format)")
    return fmt


class Journal:
    """Open with ``resume`` to keep the finished records of an earlier run (``done``: their ids;
    ``on_resumed`` is called with each of them), else the file starts empty."""

    def __init__(self, path: str, *, resume: bool = False, on_resumed: Callable[[dict], None] | None = None):
        self.path = Path(path)
        self.format = output_format(path)
        self.done: set[str] = set()
        resuming = resume and self.path.exists()
        if resuming:
            self._recover(on_resumed)
        # Open for the whole scan, closed by close(): a context manager cannot span the run.
        self._stream = open(self.path, "a" if resuming else "w", encoding="utf-8", newline="")  # noqa: SIM115
        if self.format == "csv" and self._stream.tell() == 0:
            self._stream.write(_csv_line(csv_columns()))
        self._synced = time.monotonic()

    def write(self, records: list[str]) -> None:
        """Append finished records (each a JSON object's text); they are on disk (in the OS's
        cache) when this returns."""
        self._stream.write("".join(self._line(record) for record in records))
        self._stream.flush()
        if time.monotonic() - self._synced >= _FSYNC_SECONDS:
            self._sync()

    def close(self) -> None:
        if not self._stream.closed:
            self._stream.flush()
            self._sync()
            self._stream.close()

    def _sync(self) -> None:
        os.fsync(self._stream.fileno())
        self._synced = time.monotonic()

    def _line(self, record: str) -> str:
        if self.format == "jsonl":
            return record + "\n"
        return _csv_line(csv_row(json.loads(record)))

    # -- resume ------------------------------------------------------------------------------
    def _recover(self, on_resumed: Callable[[dict], None] | None) -> None:
        data = self.path.read_bytes()
        good = 0  # bytes of whole, readable lines
        header_seen = self.format == "jsonl"
        for raw in io.BytesIO(data):  # split on "\n" only
            if not raw.endswith(b"\n"):
                break  # torn by a kill in the middle of a write
            record = self._parse(raw.decode("utf-8", "replace"), header_seen)
            if record is None:
                break  # damaged: redo this document and everything after it
            if header_seen:
                self.done.add(record["id"])
                if on_resumed is not None:
                    on_resumed(record)
            header_seen = True
            good += len(raw)
        if good < len(data):
            with open(self.path, "r+b") as stream:
                stream.truncate(good)

    def _parse(self, line: str, header_seen: bool) -> dict | None:
        if self.format == "jsonl":
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                return None
            return record if isinstance(record, dict) and isinstance(record.get("id"), str) else None
        row = next(csv.reader([line]), [])
        if not header_seen:
            if row != list(csv_columns()):
                raise SeocleanError(
                    f"{self.path} is not the CSV output of a seoclean scan (its header differs); "
                    "resume with the file the scan wrote, or drop --resume to start over"
                )
            return {}
        return _record_of_row(row) if len(row) == len(csv_columns()) else None


def csv_columns() -> tuple[str, ...]:
    from seoclean.report.csv import COLUMNS

    return ("id",) + COLUMNS


def csv_row(record: dict) -> list[str]:
    """The CSV columns of ``seoclean scan --format csv``, with the id first."""
    from seoclean.findings import CATEGORIES

    findings = record.get("findings") or []
    severities = [finding["severity"] for finding in findings]
    score = record.get("score")
    row = {
        "id": record["id"],
        "path": record.get("path") or "",
        "status": record.get("status") or "",
        "format": record.get("format") or "",
        "language": record.get("language") or "",
        "words": record.get("words", 0),
        "score": "" if score is None else f"{score:.4f}",
        "label": record.get("label") or "",
        "findings": len(findings),
        "errors": severities.count("error"),
        "warnings": severities.count("warning"),
        "infos": severities.count("info"),
        "error": record.get("error") or "",
    }
    for category in CATEGORIES:
        row[category.replace("-", "_")] = sum(finding["category"] == category for finding in findings)
    return [str(row[column]) for column in csv_columns()]


def _record_of_row(row: list[str]) -> dict:
    """A CSV row as a scan record: counts only, since CSV keeps no findings or reasons."""
    record: dict = dict(zip(csv_columns(), row))
    record["words"] = int(record["words"] or 0)
    record["score"] = float(record["score"]) if record["score"] else None
    for key in ("format", "language", "label", "error"):
        record[key] = record[key] or None
    record.update(reasons=[], findings=[])
    return record


def _csv_line(values) -> str:
    """One row on one physical line: line breaks inside values become spaces, so that a torn
    write can only ever damage the last line."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([str(v).replace("\r", " ").replace("\n", " ") for v in values])
    return buffer.getvalue()
