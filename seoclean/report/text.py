"""Human-readable, linter-style output::

    drafts/post.md:23:10: SEO205 unprocessed spintax with 3 alternatives: the text was machine-spun
      23 | the pain {lasts|persists|continues} for weeks.
         |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error
         = suggestion: replace with 'lasts'

The first line is the classic ``path:line:col: CODE message`` that editors and ``grep`` understand;
the quoted source line, caret and suggestion follow when the source is known. Colour (ANSI) only on
a terminal, never when ``NO_COLOR`` is set (https://no-color.org), always with ``FORCE_COLOR``.
"""

from __future__ import annotations

import os

from seoclean.analysis import STATUS_ERROR, Report
from seoclean.findings import Finding, Severity
from seoclean.report.base import Formatter, display_path

MAX_SOURCE_WIDTH = 100  # a minified HTML page is one line: show a window around the finding
_CONTEXT_BEFORE = 30
_RESET = "\033[0m"
_STYLE = {
    "path": "\033[1m",
    "gutter": "\033[2m",
    "suggestion": "\033[32m",
    Severity.ERROR: "\033[1;31m",
    Severity.WARNING: "\033[1;33m",
    Severity.INFO: "\033[1;36m",
}


def use_color(stream, requested: bool | None) -> bool:
    if requested is not None:
        return requested
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


class TextFormatter(Formatter):
    def start(self) -> None:
        self._color = use_color(self.stream, self.color)
        self._documents = self._findings = self._errors = self._spam = 0

    def handle(self, report: Report, source: str | None = None) -> None:
        self._documents += 1
        where = display_path(report)
        if report.error:
            self._errors += report.status == STATUS_ERROR
            label = "error" if report.status == STATUS_ERROR else "skipped"
            self.stream.write(f"{self._paint(where, 'path')}: {label}: {report.error}\n")
            return
        lines = source.split("\n") if source is not None else None
        for finding in report.findings:
            self._findings += 1
            self._write_finding(where, finding, lines)
        if report.label == "spam":
            self._spam += 1
            score = f" (score {report.score:.2f})" if report.score is not None else ""
            self.stream.write(
                f"{self._paint(where, 'path')}: {self._paint('spam', Severity.ERROR)}: classified as spam{score}\n"
            )
            for reason in report.reasons:
                self.stream.write(f"  - {reason}\n")

    def stop(self) -> None:
        parts = [f"{self._findings} finding(s) in {self._documents} document(s)"]
        if self._spam:
            parts.append(f"{self._spam} classified as spam")
        if self._errors:
            parts.append(f"{self._errors} could not be read")
        self.stream.write(", ".join(parts) + "\n")

    # -- one finding -------------------------------------------------------------------------
    def _write_finding(self, where: str, finding: Finding, lines: list[str] | None) -> None:
        code = self._paint(finding.rule, finding.severity)
        self.stream.write(f"{self._paint(where, 'path')}:{finding.line}:{finding.column}: {code} {finding.message}\n")
        if lines is not None and 1 <= finding.line <= len(lines):
            self._write_source(finding, lines[finding.line - 1])
        if finding.suggestion is not None:
            gutter = " " * (len(str(finding.line)) + 1)
            fix = "delete this" if finding.suggestion == "" else f"replace with {finding.suggestion!r}"
            self.stream.write(
                f"{gutter} {self._paint('=', 'gutter')} {self._paint('suggestion: ' + fix, 'suggestion')}\n"
            )

    def _write_source(self, finding: Finding, line: str) -> None:
        line = line.replace("\t", " ")  # one column per tab keeps the caret under the text
        start = max(0, min(finding.column - 1, len(line)))
        width = max(1, min(len(finding.text.split("\n")[0]), len(line) - start))
        shown, offset = _window(line, start)
        number = str(finding.line)
        bar = self._paint("|", "gutter")
        self.stream.write(f" {self._paint(number, 'gutter')} {bar} {shown}\n")
        padding = " " * (start - offset)
        carets = self._paint("^" * max(1, min(width, len(shown) - len(padding))), finding.severity)
        self.stream.write(f" {' ' * len(number)} {bar} {padding}{carets} {finding.severity.label}\n")

    def _paint(self, text: str, style: object) -> str:
        return f"{_STYLE[style]}{text}{_RESET}" if self._color else text


def _window(line: str, start: int) -> tuple[str, int]:
    """The part of a long line around ``start``, and the offset of its first character (an
    ellipsis marks each cut, and takes the place of one character so columns stay aligned)."""
    if len(line) <= MAX_SOURCE_WIDTH:
        return line, 0
    first = max(0, start - _CONTEXT_BEFORE)
    shown = line[first : first + MAX_SOURCE_WIDTH]
    if first > 0:
        shown = "…" + shown[1:]
    if first + MAX_SOURCE_WIDTH < len(line):
        shown = shown[:-1] + "…"
    return shown, first
