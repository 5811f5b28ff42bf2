"""JSON Lines (one object per document, streamed) and JSON (one array, written at the end)."""

from __future__ import annotations

import json

from seoclean.analysis import Report
from seoclean.report.base import Formatter


class JsonlFormatter(Formatter):
    def handle(self, report: Report, source: str | None = None) -> None:
        self.stream.write(json.dumps(report.to_dict(features=self.features), ensure_ascii=False) + "\n")
        self.stream.flush()  # a consumer piping the output sees each document as it finishes


class JsonFormatter(Formatter):
    def start(self) -> None:
        self._records: list[dict] = []

    def handle(self, report: Report, source: str | None = None) -> None:
        self._records.append(report.to_dict(features=self.features))

    def stop(self) -> None:
        json.dump(self._records, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
