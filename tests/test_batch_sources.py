"""Batch scan inputs: file lists, JSONL rows, WARC crawls (written here with warcio) and URLs
(served by a local http.server in a thread), each read by `seoclean scan` end to end."""

import gzip
import http.server
import io
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from seoclean.batch.sources import collect_items

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPAM_PAGE = (EXAMPLES / "spam-page.html").read_bytes()
CLEAN_ARTICLE = (EXAMPLES / "clean-article.md").read_text(encoding="utf-8")


def scan(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    executable = shutil.which("seoclean")
    command = [executable, "scan", *args] if executable else [sys.executable, "-m", "seoclean", "scan", *args]
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=300, cwd=cwd)


def records_of(result: subprocess.CompletedProcess) -> dict[str, dict]:
    assert result.returncode == 0, result.stderr
    return {record["path"]: record for record in map(json.loads, result.stdout.splitlines())}


# -- file lists and JSONL ----------------------------------------------------------------------
def test_a_file_list_names_files_folders_and_skips_comments(tmp_path):
    (tmp_path / "site").mkdir()
    shutil.copy(EXAMPLES / "spam-page.html", tmp_path / "site" / "a.html")
    shutil.copy(EXAMPLES / "clean-article.md", tmp_path / "b.md")
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"# pages to check\n{tmp_path / 'site'}\n\n{tmp_path / 'b.md'}\n", encoding="utf-8")
    from_at = [item.id for item in collect_items([f"@{listing}"])]
    from_flag = [item.id for item in collect_items([], from_list=str(listing))]
    assert from_at == from_flag == [str(tmp_path / "site" / "a.html"), str(tmp_path / "b.md")]


def test_jsonl_rows_become_items_with_their_ids(tmp_path):
    shutil.copy(EXAMPLES / "clean-article.md", tmp_path / "on-disk.md")
    rows = [
        {"id": "page-1", "html": SPAM_PAGE.decode("utf-8")},
        {"id": "draft-2", "text": CLEAN_ARTICLE},
        {"id": "file-3", "path": "on-disk.md"},
        {"text": "a row without an id is named after its line"},
        {"id": "page-1", "text": "the same id again"},
        {"id": "empty-row"},
    ]
    lines = [json.dumps(row) for row in rows[:3]] + ["{not json"] + [json.dumps(row) for row in rows[3:]]
    path = tmp_path / "pages.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    items = collect_items([str(path)])
    assert [item.id for item in items] == [
        "page-1",
        "draft-2",
        "file-3",
        f"{path}:4",
        f"{path}:5",
        "page-1#2",
        "empty-row",
    ]
    assert [item.kind for item in items] == ["text", "text", "path", "error", "text", "text", "error"]
    assert items[0].format == "html" and items[1].format is None
    assert items[2].location == str(tmp_path / "on-disk.md")
    assert "not JSON" in items[3].error and "none of text, html, markdown, path" in items[6].error


def test_jsonl_rows_are_scanned_under_their_ids(tmp_path):
    path = tmp_path / "pages.jsonl"
    rows = [{"id": "spam", "html": SPAM_PAGE.decode("utf-8")}, {"id": "clean", "markdown": CLEAN_ARTICLE}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows) + "[1, 2]\n", encoding="utf-8")
    records = records_of(scan(str(path)))
    assert records["spam"]["format"] == "html" and records["spam"]["label"] == "spam"
    assert records["clean"]["format"] == "markdown" and records["clean"]["label"] == "ok"
    broken = records[f"{path}:3"]
    assert broken["status"] == "error" and "not a JSON object" in broken["error"]


# -- WARC ----------------------------------------------------------------------------------------
def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)

        def response(uri: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)

        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        response("https://example.com/spam", "200 OK", "text/html; charset=utf-8", SPAM_PAGE)
        response("https://example.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        response("https://example.com/gone", "404 Not Found", "text/html", b"<html><body>gone</body></html>")
        response("https://example.com/notes.txt", "200 OK", "text/plain", CLEAN_ARTICLE.encode("utf-8"))
        response("https://example.com/binary", "200 OK", "text/html", b"\x00\x01\x02" * 100)


def test_a_warc_crawl_is_scanned_page_by_page(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    records = records_of(scan(str(warc)))
    # Images and non-2xx responses are not pages; a page with a binary body is an error record.
    assert set(records) == {"https://example.com/spam", "https://example.com/notes.txt", "https://example.com/binary"}
    spam = records["https://example.com/spam"]
    assert spam["format"] == "html" and spam["label"] == "spam"
    assert {finding["category"] for finding in spam["findings"]} >= {"keyword-stuffing", "boilerplate"}
    assert records["https://example.com/notes.txt"]["format"] == "text"
    assert records["https://example.com/binary"]["status"] == "error"
    assert "binary" in records["https://example.com/binary"]["error"]


def test_a_damaged_warc_is_an_error_record(tmp_path):
    warc = tmp_path / "broken.warc"
    warc.write_bytes(b"this is not a WARC file\r\n\r\n")
    records = records_of(scan(str(warc)))
    assert [record["status"] for record in records.values()] == ["error"]
    assert "cannot read the WARC file" in next(iter(records.values()))["error"]


# -- URLs --------------------------------------------------------------------------------------
class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow.html":
            time.sleep(3)
        routes = {
            "/spam.html": ("text/html; charset=utf-8", SPAM_PAGE),
            "/slow.html": ("text/html", SPAM_PAGE),
            "/huge.html": ("text/html", b"<p>" + b"word " * 60_000 + b"</p>"),
            "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        }
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        content_type, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.end_headers()  # no Content-Length: the size limit must hold while reading
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout or size limit), as it should

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_are_fetched_with_a_timeout_and_a_size_limit(server, tmp_path):
    urls = [f"{server}/{name}" for name in ("spam.html", "slow.html", "huge.html", "logo.png", "missing.html")]
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
    started = time.perf_counter()
    records = records_of(scan(f"@{listing}", "--timeout", "1", "--max-bytes", "200000", "--jobs", "2"))
    assert time.perf_counter() - started < 60
    assert set(records) == set(urls)
    spam = records[f"{server}/spam.html"]
    assert spam["status"] == "ok" and spam["format"] == "html" and spam["label"] == "spam"
    errors = {url.rsplit("/", 1)[1]: record["error"] for url, record in records.items() if record["status"] == "error"}
    assert set(errors) == {"slow.html", "huge.html", "logo.png", "missing.html"}
    assert "within 1 s" in errors["slow.html"]
    assert "200,000-byte limit" in errors["huge.html"]
    assert "image/png, not a page" in errors["logo.png"]
    assert "HTTP 404" in errors["missing.html"]
