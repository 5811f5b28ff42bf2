"""A progress bar and an end-of-run summary for long runs, both on stderr so that stdout stays
machine-readable. The bar is drawn only on a terminal and only for many files; it redraws at most
ten times a second and clears itself at the end."""

from __future__ import annotations

import shutil
import time
from typing import TextIO

MIN_FILES = 5  # fewer files finish before a bar would be worth reading
_REDRAW_SECONDS = 0.1


class Progress:
    def __init__(self, total: int, stream: TextIO, *, enabled: bool = True) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total >= MIN_FILES and bool(getattr(stream, "isatty", lambda: False)())
        self.done = 0
        self._started = time.perf_counter()
        self._drawn = 0.0

    def advance(self, label: str) -> None:
        self.done += 1
        now = time.perf_counter()
        if self.enabled and (now - self._drawn >= _REDRAW_SECONDS or self.done == self.total):
            self._drawn = now
            self._draw(label, now - self._started)

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")  # clear the bar's line: the summary or the prompt comes next
            self.stream.flush()

    def _draw(self, label: str, elapsed: float) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        rate = self.done / elapsed if elapsed > 0 else 0.0
        counts = f" {self.done}/{self.total} {rate:5.1f} files/s "
        bar_width = max(10, min(40, columns // 3))
        filled = bar_width * self.done // max(self.total, 1)
        bar = "[" + "#" * filled + "." * (bar_width - filled) + "]"
        room = max(0, columns - len(bar) - len(counts) - 1)
        name = label if len(label) <= room else "…" + label[-(room - 1) :] if room > 1 else ""
        self.stream.write(f"\r{bar}{counts}{name}\033[K")
        self.stream.flush()


class Summary:
    """Counts over a run, for the one-line summary at the end."""

    def __init__(self) -> None:
        self.documents = self.findings = self.spam = self.unreadable = self.failing = 0
        self.by_severity: dict[str, int] = {}
        self._started = time.perf_counter()

    def add(self, checked) -> None:
        """Count one ``runner.Checked``."""
        self.documents += 1
        report = checked.report
        if checked.is_error:
            self.unreadable += 1
            return
        self.findings += len(report.findings)
        for finding in report.findings:
            self.by_severity[finding.severity.label] = self.by_severity.get(finding.severity.label, 0) + 1
        self.spam += checked.is_spam
        self.failing += checked.fails

    def line(self) -> str:
        elapsed = time.perf_counter() - self._started
        severities = ", ".join(f"{n} {label}{'s' if n != 1 else ''}" for label, n in sorted(self.by_severity.items()))
        parts = [
            f"seoclean: {self.documents} document(s) in {elapsed:.1f} s",
            f"{self.findings} finding(s)" + (f" ({severities})" if severities else ""),
            f"{self.spam} classified as spam",
        ]
        if self.unreadable:
            parts.append(f"{self.unreadable} could not be read")
        return ", ".join(parts)
