"""The formatter base class: a fixed lifecycle, one output stream.

``start()``, then ``handle(report, source)`` for each document, then ``stop()``. ``source`` is the
document's source text when it could be read (formatters that quote lines use it). Formatters
only write: they never analyse and never decide the exit code.
"""

from __future__ import annotations

from typing import TextIO

from seoclean.analysis import Report

STDIN_NAME = "<stdin>"
# The classifier's verdict as a rule code, for formats that only know rule results (SARIF, GitHub).
VERDICT_CODE = "SEO901"


class Formatter:
    def __init__(self, stream: TextIO, *, features: bool = False, color: bool | None = None) -> None:
        """``features``: include feature values where the format has room; ``color``: None means
        colour only when ``stream`` is a terminal and NO_COLOR is unset (text format only)."""
        self.stream = stream
        self.features = features
        self.color = color

    def start(self) -> None:
        """Called once before the first report."""

    def handle(self, report: Report, source: str | None = None) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """Called once after the last report."""


def display_path(report: Report) -> str:
    return report.path or STDIN_NAME


def verdict_message(report: Report) -> str:
    """One sentence for a spam verdict: the score and the classifier's reasons."""
    score = f" (score {report.score:.2f})" if report.score is not None else ""
    reasons = f": {'; '.join(report.reasons)}" if report.reasons else ""
    return f"classified as spam{score}{reasons}"


def end_position(line: int, column: int, text: str) -> tuple[int, int]:
    """1-based line and exclusive column just after ``text`` when it starts at (line, column)."""
    parts = text.split("\n")
    if len(parts) == 1:
        return line, column + len(text)
    return line + len(parts) - 1, len(parts[-1]) + 1
