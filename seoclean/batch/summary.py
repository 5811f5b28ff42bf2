"""The summary of a batch scan: counts over every record (resumed ones included) and the speed
of this run (documents and words per second over the documents scanned now)."""

from __future__ import annotations

import time
from datetime import UTC, datetime


class BatchSummary:
    def __init__(self, *, model: str | None = None, threshold: float | None = None) -> None:
        self.model = model
        self.threshold = threshold  # the spam score from which a page is flagged
        self.started = datetime.now(UTC).isoformat(timespec="seconds")
        self.documents = self.flagged = self.errors = self.unsupported = self.findings = 0
        self.resumed = self.scanned = self.words = 0
        self._clock = time.perf_counter()

    def add(self, status: str, label: str | None, words: int, findings: int, *, resumed: bool = False) -> None:
        """Count one scanned document."""
        self.documents += 1
        if resumed:
            self.resumed += 1
        else:
            self.scanned += 1
            self.words += words or 0
        self.errors += status == "error"
        self.unsupported += status == "unsupported-language"
        self.flagged += label == "spam"
        self.findings += findings

    def add_record(self, record: dict, *, resumed: bool = False) -> None:
        """Count one scan record (a ``Report.to_dict()``, as read back from ``--output``)."""
        findings = len(record.get("findings") or ())
        self.add(record.get("status"), record.get("label"), record.get("words"), findings, resumed=resumed)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self._clock

    def as_dict(self) -> dict:
        """The summary the HTML report and scripts read."""
        seconds = self.seconds
        return {
            "documents": self.documents,
            "flagged": self.flagged,
            "errors": self.errors,
            "unsupported": self.unsupported,
            "findings": self.findings,
            "resumed": self.resumed,
            "scanned": self.scanned,
            "seconds": round(seconds, 3),
            "docs_per_second": round(self.scanned / seconds, 2) if seconds > 0 else 0.0,
            "words_per_second": round(self.words / seconds, 1) if seconds > 0 else 0.0,
            "model": self.model,
            "threshold": self.threshold,
            "started": self.started,
        }

    def line(self) -> str:
        data = self.as_dict()
        speed = f"({data['docs_per_second']:.1f} docs/s)"
        parts = [
            f"seoclean: {data['documents']} document(s) in {data['seconds']:.1f} s {speed}",
            f"{data['findings']} finding(s)",
            f"{data['flagged']} classified as spam",
        ]
        if data["errors"]:
            parts.append(f"{data['errors']} could not be read")
        if data["unsupported"]:
            parts.append(f"{data['unsupported']} not in English")
        if data["resumed"]:
            parts.append(f"{data['resumed']} already done (resumed)")
        return ", ".join(parts)
