"""Loading: anything a user hands us (a path, bytes, a string) -> a ``Document``.

Format comes from the caller, else the file extension, else a sniff of the content. Size, binary
and encoding problems raise ``InputError`` subclasses whose messages say what to do.
"""

from __future__ import annotations

import re
from pathlib import Path

from seoclean.document import Document
from seoclean.errors import EmptyInputError, InputError
from seoclean.ingest.decode import DEFAULT_MAX_BYTES, check_size, decode_bytes

FORMATS = ("text", "markdown", "html")
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".txt": "text",
    ".text": "text",
}
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article)\b", re.IGNORECASE)
_MARKDOWN_SNIFF = re.compile(r"\A---\s*\n|^#{1,6} \S|^\s*[-*] \S.*\n\s*[-*] \S|\]\([^)]+\)", re.MULTILINE)


def format_for_path(path: str | Path) -> str | None:
    return _EXTENSIONS.get(Path(path).suffix.lower())


def sniff_format(text: str) -> str:
    head = text[:4096]
    if _HTML_SNIFF.search(head):
        return "html"
    if _MARKDOWN_SNIFF.search(head):
        return "markdown"
    return "text"


def read_path(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    path = Path(path)
    try:
        check_size(path.stat().st_size, max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory; pass files, or use `seoclean scan DIR`") from None
    except PermissionError:
        raise InputError(f"permission denied reading {path}") from None
    return decode_bytes(data, max_bytes=max_bytes)[0]


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends as "\n": every offset, line and column is counted on this."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(text: str, *, format: str | None = None, path: str | None = None) -> Document:
    """Build a ``Document`` from already-decoded text."""
    if not text.strip():
        raise EmptyInputError("input is empty; nothing to analyse")
    text = normalise_newlines(text)
    fmt = format or (format_for_path(path) if path else None) or sniff_format(text)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if fmt == "html":
        from seoclean.ingest.html import load_html

        doc = load_html(text, path=path)
        if not doc.text.strip():
            raise EmptyInputError("the HTML has no visible text; nothing to analyse")
        return doc
    if fmt == "markdown":
        from seoclean.ingest.markdown import load_markdown

        return load_markdown(text, path=path)
    return Document(text, format="text", path=path)


def load(
    source: str | bytes | Path,
    *,
    format: str | None = None,
    path: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Load a path (``Path``, or a ``str`` naming an existing file), raw bytes, or text."""
    text, source_path = read_source(source, max_bytes=max_bytes)
    return load_text(text, format=format, path=path or source_path)


def read_source(source: str | bytes | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[str, str | None]:
    """The text of a path, raw bytes or text, and the path when ``source`` names a file."""
    names_a_path = isinstance(source, str) and (_names_a_file(source) or _looks_like_a_file_name(source))
    if isinstance(source, Path) or names_a_path:
        return read_path(source, max_bytes=max_bytes), str(source)
    if isinstance(source, bytes):
        return decode_bytes(source, max_bytes=max_bytes)[0], None
    check_size(len(source.encode("utf-8", "surrogatepass")), max_bytes)
    return source, None


def _looks_like_a_file_name(text: str) -> bool:
    """One token ending in a document extension ("draft.md", "pages/a.html"): meant as a path even
    when no such file exists, so a typo gets "no such file" rather than a report on the name itself."""
    return 0 < len(text) < 4096 and not any(char.isspace() for char in text) and format_for_path(text) is not None


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 4096 or not text.strip():
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False
