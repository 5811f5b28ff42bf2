"""What the command line is asked to read: files, folders (walked recursively), glob patterns
(expanded here too, for shells and CI systems that pass them quoted), and ``-`` for stdin. Folders
and patterns yield only files with a suffix seoclean reads (.txt, .md, .html and their variants).

Expansion never fails: a path that does not exist, or a pattern that matches nothing, becomes an
item with an ``error`` so that it is reported in its place and the run goes on.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

SCANNED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdx", ".html", ".htm", ".xhtml")
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class InputItem:
    """One document to read. ``path`` is None for stdin without ``--stdin-filename``."""

    path: str | None
    stdin: bool = False
    error: str | None = None


def expand_inputs(paths: Sequence[str], *, stdin_filename: str | None = None) -> list[InputItem]:
    """Items in the order given; folders and patterns expand to their documents in sorted order,
    each file once even when several arguments name it."""
    items: list[InputItem] = []
    seen: set[str] = set()
    for raw in paths:
        for item in _expand(raw, stdin_filename):
            key = "\0stdin" if item.stdin else (item.path or "")
            if item.error or key not in seen:
                seen.add(key)
                items.append(item)
    return items


def _expand(raw: str, stdin_filename: str | None) -> Iterator[InputItem]:
    if raw == STDIN:
        yield InputItem(stdin_filename, stdin=True)
        return
    path = Path(raw)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if _is_document(p))
        yield from (InputItem(str(p)) for p in found)
    elif path.exists() or not _GLOB_CHARS & set(raw):
        yield InputItem(raw)  # a missing file is reported by the loader ("no such file: ...")
    else:
        matches = sorted(m for m in glob.glob(raw, recursive=True) if _is_document(Path(m)))
        if not matches:
            yield InputItem(
                raw, error=f"no files match {raw!r}; check the pattern (quote it to let seoclean expand **)"
            )
        yield from (InputItem(m) for m in matches)


def _is_document(path: Path) -> bool:
    """Folders and patterns yield only the formats seoclean reads; a file named outright is always read."""
    return path.is_file() and path.suffix.lower() in SCANNED_SUFFIXES
