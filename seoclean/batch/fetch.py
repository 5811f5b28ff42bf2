"""Reading the content of items whose content is not a local file: a WARC record at an offset,
and a URL fetched over HTTP(S) with a timeout and a size limit. Runs in the workers, so that
downloads and decompression run in parallel too. Every failure is an ``InputError`` whose message
says what went wrong; the item becomes an error record and the batch goes on."""

from __future__ import annotations

from seoclean.errors import InputError
from seoclean.ingest.decode import check_size

DEFAULT_TIMEOUT = 20.0  # seconds per connection and per read; a page that takes longer is skipped
USER_AGENT = "seoclean-scan (+https://github.com/seoclean)"
_URL_FORMATS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "text/markdown": "markdown"}


def read_warc_record(path: str, offset: int, *, max_bytes: int | None) -> bytes:
    """The (de-chunked, decompressed) body of the record that starts at ``offset``."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(path, "rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            return _read_limited(record.content_stream(), max_bytes)
    except InputError:
        raise
    except (OSError, StopIteration, ValueError) as error:
        raise InputError(f"cannot read the WARC record at offset {offset} of {path}: {error!r}") from None


def fetch_url(url: str, *, max_bytes: int | None, timeout: float = DEFAULT_TIMEOUT) -> tuple[bytes, str | None]:
    """The body of ``url`` and its format from the Content-Type (None: sniff the content).
    Raises ``InputError`` for HTTP errors, timeouts, non-page content types and bodies over
    ``max_bytes``; the body is never read past the limit."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            fmt = _format_of(url, response.headers.get_content_type())
            length = response.headers.get("Content-Length")
            if length and length.isdigit():
                check_size(int(length), max_bytes)  # refuse before downloading
            return _read_limited(response, max_bytes), fmt
    except urllib.error.HTTPError as error:
        raise InputError(f"HTTP {error.code} {error.reason} from {url}") from None
    except TimeoutError:  # socket.timeout is an alias of it
        raise InputError(f"no answer from {url} within {timeout:g} s; retry later") from None
    except urllib.error.URLError as error:
        raise InputError(f"cannot fetch {url}: {error.reason}") from None
    except (OSError, ValueError) as error:
        raise InputError(f"cannot fetch {url}: {error}") from None


def _format_of(url: str, content_type: str) -> str | None:
    if content_type in _URL_FORMATS:
        return _URL_FORMATS[content_type]
    if content_type.startswith("text/"):
        return None
    raise InputError(f"{url} is {content_type}, not a page (HTML, XHTML, plain text or Markdown)")


def _read_limited(stream, max_bytes: int | None) -> bytes:
    """Read at most one byte past the limit, so that an endless body cannot fill the memory."""
    data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    check_size(len(data), max_bytes)
    return data
