"""Human-readable, linter-style output: ``path:line:col: SEO101 message``."""

from __future__ import annotations

from seoclean.analysis import Report
from seoclean.report.base import Formatter


class TextFormatter(Formatter):
    def start(self) -> None:
        self._documents = self._findings = self._errors = 0

    def handle(self, report: Report) -> None:
        self._documents += 1
        where = report.path or "<stdin>"
        if report.error:
            self._errors += 1
            self.stream.write(f"{where}: error: {report.error}\n")
            return
        for finding in report.findings:
            self._findings += 1
            line = f"{where}:{finding.line}:{finding.column}: {finding.rule} {finding.message}"
            if finding.suggestion is not None:
                line += " (delete)" if finding.suggestion == "" else f" (suggest: {finding.suggestion!r})"
            self.stream.write(line + "\n")
        if report.label is not None:
            self.stream.write(f"{where}: verdict: {report.label} (score {report.score:.2f})\n")

    def stop(self) -> None:
        self.stream.write(
            f"{self._findings} finding(s) in {self._documents} document(s)"
            + (f", {self._errors} error(s)" if self._errors else "")
            + "\n"
        )
