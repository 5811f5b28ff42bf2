"""Bytes -> text: size limit, binary sniffing, encoding detection.

UTF-8 (with or without BOM) is tried first because almost all modern pages and drafts are UTF-8
and strict decoding is exact; anything else goes to charset-normalizer, which detects legacy
encodings (cp1252, latin-1, Shift-JIS, ...) statistically.
"""

from __future__ import annotations

from seoclean.errors import BinaryInputError, DecodingError, EmptyInputError, InputTooLargeError

DEFAULT_MAX_BYTES = 5_000_000  # a 5 MB article is already ~800k words; bigger inputs are not pages
_SNIFF_BYTES = 8192
_TEXT_CONTROL = {9, 10, 12, 13, 27}


def check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise InputTooLargeError(
            f"input is {size:,} bytes, over the {max_bytes:,}-byte limit; "
            "split it, or raise the limit with --max-bytes (max_bytes=...)"
        )


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Return (text, encoding). Raises an ``InputError`` subclass with the fix in its message."""
    check_size(len(data), max_bytes)
    if not data.strip():
        raise EmptyInputError("input is empty; nothing to analyse")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data)
    if looks_binary(data):
        raise BinaryInputError("input looks binary (NUL or control bytes), not text, Markdown or HTML")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodingError(
            "cannot tell the text encoding; convert the file to UTF-8 (e.g. `iconv -f <encoding> -t utf-8`)"
        )
    return _prefer_cp1252(matches, best) or (str(best), best.encoding)


def _prefer_cp1252(matches, best) -> tuple[str, str] | None:
    """cp1252 when it explains the bytes exactly as well as charset-normalizer's pick.

    charset-normalizer breaks ties by name, so Western text often comes back as cp1250 (Central
    European) and "naïve" turns into "naďve". cp1252 is the web's default legacy encoding (WHATWG
    decodes even "latin-1" pages with it), so it is the better guess on a tie.
    """
    for match in matches:
        tied = match.chaos == best.chaos and match.coherence == best.coherence
        if tied and "cp1252" in match.could_be_from_charset:
            return str(match), "cp1252"
    return None


def _decode_utf16(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError as error:
        raise DecodingError(f"invalid UTF-16 ({error.reason}); convert the file to UTF-8") from None
