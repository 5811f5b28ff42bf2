"""The formatter base class: a fixed lifecycle, one output stream."""

from __future__ import annotations

from typing import TextIO

from seoclean.analysis import Report


class Formatter:
    def __init__(self, stream: TextIO, *, features: bool = False) -> None:
        self.stream = stream
        self.features = features

    def start(self) -> None:
        """Called once before the first report."""

    def handle(self, report: Report) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """Called once after the last report."""
