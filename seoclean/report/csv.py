"""CSV for scans: one row per document, for spreadsheets and quick triage of a whole site.

Columns: path, status, format, language, words, score, label, findings (total), errors, warnings,
infos (by severity), one count per category, and error (why the input could not be read).
"""

from __future__ import annotations

import csv

from seoclean.analysis import Report
from seoclean.findings import CATEGORIES, Severity
from seoclean.report.base import Formatter, display_path

COLUMNS = (
    ("path", "status", "format", "language", "words", "score", "label", "findings", "errors", "warnings", "infos")
    + tuple(category.replace("-", "_") for category in CATEGORIES)
    + ("error",)
)


class CsvFormatter(Formatter):
    def start(self) -> None:
        # lineterminator "\n": the stream is text and already translates newlines where the OS wants.
        self._writer = csv.DictWriter(self.stream, fieldnames=COLUMNS, lineterminator="\n")
        self._writer.writeheader()

    def handle(self, report: Report, source: str | None = None) -> None:
        severities = [f.severity for f in report.findings]
        row = {
            "path": display_path(report),
            "status": report.status,
            "format": report.format or "",
            "language": report.language or "",
            "words": report.words,
            "score": "" if report.score is None else f"{report.score:.4f}",
            "label": report.label or "",
            "findings": len(report.findings),
            "errors": severities.count(Severity.ERROR),
            "warnings": severities.count(Severity.WARNING),
            "infos": severities.count(Severity.INFO),
            "error": report.error or "",
        }
        for category in CATEGORIES:
            row[category.replace("-", "_")] = sum(f.category == category for f in report.findings)
        self._writer.writerow(row)
        self.stream.flush()
