"""Formatters: turn reports into output. They never decide exit codes or analyse anything.

Lifecycle (as flake8's): ``start()``, ``handle(report)`` for each document, ``stop()``.
"""

from __future__ import annotations

from typing import TextIO

from seoclean.report.base import Formatter
from seoclean.report.jsonl import JsonFormatter, JsonlFormatter
from seoclean.report.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "jsonl": JsonlFormatter,
}


def get_formatter(name: str, stream: TextIO, **options) -> Formatter:
    try:
        return FORMATTERS[name](stream, **options)
    except KeyError:
        raise ValueError(f"unknown format {name!r}; use one of: {', '.join(FORMATTERS)}") from None


__all__ = ["FORMATTERS", "Formatter", "get_formatter"]
