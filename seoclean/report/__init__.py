"""Formatters: turn reports into output. They never decide exit codes or analyse anything.

Lifecycle (as flake8's): ``start()``, ``handle(report, source)`` for each document, ``stop()``.
Each format is its own module, imported only when chosen.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from seoclean.report.base import Formatter

# Format name -> (module, class). The order is the order of `--format` choices in the help.
FORMATTERS: dict[str, tuple[str, str]] = {
    "text": ("seoclean.report.text", "TextFormatter"),
    "json": ("seoclean.report.jsonl", "JsonFormatter"),
    "jsonl": ("seoclean.report.jsonl", "JsonlFormatter"),
    "sarif": ("seoclean.report.sarif", "SarifFormatter"),
    "github": ("seoclean.report.github", "GithubFormatter"),
    "csv": ("seoclean.report.csv", "CsvFormatter"),
}
FORMAT_NAMES = tuple(FORMATTERS)


def get_formatter(name: str, stream: TextIO, **options) -> Formatter:
    """A formatter writing to ``stream``; ``options`` go to its constructor (``features``, ``color``)."""
    try:
        module, cls = FORMATTERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; use one of: {', '.join(FORMATTERS)}") from None
    return getattr(importlib.import_module(module), cls)(stream, **options)


__all__ = ["FORMATTERS", "FORMAT_NAMES", "get_formatter"]
