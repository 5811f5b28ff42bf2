"""Input sources for batch scans: each argument becomes small picklable ``WorkItem``s with a
stable ``id`` (what ``--resume`` matches on). Content is read by the worker, not here, so that a
crawl of tens of thousands of pages is never held in memory: a WARC item is the file and the
record's offset, a URL item is the URL (fetched by the worker, see ``fetch``).

An argument is, by its form:
  ``@list.txt``                       a file list: one path, folder, pattern or URL per line (# comments)
  ``http://...``, ``https://...``     a URL, fetched with a timeout and a size limit
  ``*.jsonl``, ``*.ndjson`` (.gz)     rows ``{"id": ..., "text" | "html" | "markdown" | "path": ...}``
  ``*.warc``, ``*.warc.gz``           the 2xx HTML and text responses of a crawl, id = target URI
  anything else                       a file, folder (recursive), glob pattern or ``-`` (``seoclean.inputs``)
Unreadable arguments and malformed rows become items with an ``error``: reported, and the run goes on.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from seoclean.inputs import expand_inputs

KINDS = ("path", "stdin", "text", "warc", "url", "error")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
_ROW_CONTENT = (("html", "html"), ("markdown", "markdown"), ("text", None))  # field -> format (None: sniff)
_WARC_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
}


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One document to scan. ``kind`` says where its content is: a file at ``location``, stdin,
    inline ``content`` (a JSONL row), a WARC record at ``offset`` in the file ``location``, or the
    URL ``location``; ``error`` items are reported as they are."""

    id: str
    kind: str
    location: str | None = None
    content: str | None = None
    offset: int = 0
    format: str | None = None
    error: str | None = None


def collect_items(
    arguments: Sequence[str], *, from_list: str | None = None, stdin_filename: str | None = None
) -> list[WorkItem]:
    """Every item of every argument, in order, each id once (a repeated id gets ``#2``, ``#3``...,
    so ids stay stable from one run to the next)."""
    raw = list(arguments)
    if from_list:
        raw.append("@" + from_list)
    return list(_unique_ids(item for argument in raw for item in _items_of(argument, stdin_filename)))


def _items_of(argument: str, stdin_filename: str | None) -> Iterator[WorkItem]:
    lower = argument.lower()
    if argument.startswith("@") and len(argument) > 1:
        yield from _list_items(argument[1:], stdin_filename)
    elif lower.startswith(("http://", "https://")):
        yield WorkItem(argument, "url", location=argument)
    elif lower.endswith(JSONL_SUFFIXES):
        yield from jsonl_items(argument)
    elif lower.endswith(WARC_SUFFIXES):
        yield from warc_items(argument)
    else:
        yield from _path_items(argument, stdin_filename)


def _path_items(argument: str, stdin_filename: str | None) -> Iterator[WorkItem]:
    for item in expand_inputs([argument], stdin_filename=stdin_filename):
        name = item.path if item.path is not None else "<stdin>"
        if item.error:
            yield WorkItem(name, "error", location=item.path, error=item.error)
        elif item.stdin:
            yield WorkItem(name, "stdin", location=item.path)
        else:
            yield WorkItem(name, "path", location=item.path)


def _list_items(list_path: str, stdin_filename: str | None) -> Iterator[WorkItem]:
    """A file list (``-`` reads it from stdin): each line is an argument of its own."""
    import sys

    try:
        text = sys.stdin.read() if list_path == "-" else Path(list_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        yield WorkItem("@" + list_path, "error", error=f"cannot read the file list {list_path}: {error}")
        return
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield from _items_of(entry, stdin_filename)


def jsonl_items(path: str) -> Iterator[WorkItem]:
    """One item per row. A row without ``id`` is named ``FILE:LINE``; a relative ``path`` is
    resolved against the JSONL file's folder (a manifest travels with its documents)."""
    try:
        lines = _read_lines(path)
    except (OSError, EOFError, UnicodeDecodeError) as error:
        yield WorkItem(path, "error", location=path, error=f"cannot read {path}: {error}")
        return
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _row_item(path, number, line)


def _read_lines(path: str) -> list[str]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return stream.read().splitlines()


def _row_item(path: str, number: int, line: str) -> WorkItem:
    where = f"{path}:{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return WorkItem(where, "error", error=f"line {number} of {path} is not JSON ({error.msg}); fix or drop it")
    if not isinstance(row, dict):
        return WorkItem(where, "error", error=f"line {number} of {path} is not a JSON object")
    item_id = str(row["id"]) if row.get("id") not in (None, "") else where
    for field_name, fmt in _ROW_CONTENT:
        if isinstance(row.get(field_name), str):
            return WorkItem(item_id, "text", content=row[field_name], format=fmt)
    if isinstance(row.get("path"), str):
        return WorkItem(item_id, "path", location=str(Path(path).parent / row["path"]))
    return WorkItem(item_id, "error", error=f"line {number} of {path} has none of text, html, markdown, path")


def warc_items(path: str) -> Iterator[WorkItem]:
    """The 2xx responses (and resource records) with an HTML, XHTML, plain-text or Markdown body;
    images, scripts, redirects and request records are not pages and are skipped."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                item = _warc_item(path, record, records.get_record_offset())
                if item is not None:
                    yield item
    except Exception as error:  # noqa: BLE001 (warcio raises many kinds for damaged archives)
        yield WorkItem(f"{path}:error", "error", location=path, error=f"cannot read the WARC file {path}: {error}")


def _warc_item(path: str, record, offset: int) -> WorkItem | None:
    if record.format != "warc":  # warcio reads anything it cannot parse as an old ARC record
        raise ValueError(f"the record at offset {offset} is not a WARC record; is the file damaged?")
    if record.rec_type not in ("response", "resource"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}@{offset}"
    if record.rec_type == "response":
        if record.http_headers is None or not record.http_headers.get_statuscode().startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    fmt = _WARC_FORMATS.get(content_type.split(";")[0].strip().lower())
    if fmt is None:
        return None
    return WorkItem(uri, "warc", location=path, offset=offset, format=fmt)


def _unique_ids(items: Iterable[WorkItem]) -> Iterator[WorkItem]:
    from dataclasses import replace

    seen: set[str] = set()
    for item in items:
        unique, count = item.id, 1
        while unique in seen:
            count += 1
            unique = f"{item.id}#{count}"
        seen.add(unique)
        yield item if unique == item.id else replace(item, id=unique)
