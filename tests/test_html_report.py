"""The HTML scan report (`seoclean.report.html`): escaping, histogram, atomic write and compact
records without a browser, then the real page in headless Chromium (Playwright driving Debian's
`chromium`; skipped with the reason when either is missing). Records come from the real analyser
over the bundled examples and rows of the bundled dataset, plus an error and a hostile page."""

import gzip
import json
import os
import re
import shutil
import stat
from collections import Counter
from pathlib import Path

import pytest

import seoclean
from seoclean.ingest import load, load_text
from seoclean.report.html import (
    embed_json,
    histogram_counts,
    histogram_svg,
    main_reason,
    render_html_report,
    write_html_report,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATASET = ROOT / "datasets" / "seoclean-v1.jsonl.gz"
XSS = '<img src=x onerror="window.__xss=1"></script><script>window.__xss=2</script>'
DATA_BLOCK = re.compile(r'<script type="application/json" id="seoclean-data">(.*?)</script>', re.DOTALL)
SUMMARY = {
    "documents": 0,
    "flagged": 0,
    "errors": 0,
    "seconds": 2.5,
    "docs_per_second": 3.2,
    "model": "seoclean-default",
    "started": "2026-11-25T01:30:00+00:00",
}


def reject_constant(name: str):
    raise ValueError(f"{name} is not JSON: JSON.parse in the browser would reject the page")


def embedded(page: str) -> dict:
    """The data embedded in a report, with each record's findings decoded back into dicts."""
    data = json.loads(DATA_BLOCK.search(page).group(1), parse_constant=reject_constant)
    numbers = {"start", "end", "line", "column"}
    for record in data["records"]:
        record["findings"] = [
            {
                field: value if field in numbers or value is None else data["strings"][value]
                for field, value in zip(data["finding_fields"], row)
            }
            for row in record["findings"]
        ]
    return data


def record_for(analyzer, source, *, record_id: str, format: str | None = None) -> dict:
    """A scan record as the scan command builds it: the report, the id, the analysed text and the
    cleaned text."""
    record = dict(analyzer.analyze(source, format=format).to_dict(), id=record_id)
    if record["status"] == "ok":
        doc = load(source) if isinstance(source, Path) else load_text(source, format=format)
        record["text"] = doc.text
        record["clean_text"] = seoclean.clean(source, format=format, analyzer=analyzer).text
    return record


def dataset_rows() -> list[dict]:
    """Two clean pages and one spun page of the bundled dataset (the first of each kind)."""
    wanted, rows = {("clean", "markdown"): 1, ("clean", "html"): 1, ("spin", "text"): 1}, []
    with gzip.open(DATASET, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            key = (row["kind"], row["format"])
            if wanted.get(key):
                wanted[key] -= 1
                rows.append(row)
            if not any(wanted.values()):
                break
    return rows


@pytest.fixture(scope="module")
def records() -> list[dict]:
    analyzer = seoclean.Analyzer()
    out = [
        record_for(analyzer, path, record_id=f"examples/{path.name}")
        for path in sorted(EXAMPLES.iterdir())
        if path.suffix in (".md", ".html")
    ]
    out += [record_for(analyzer, row["text"], record_id=row["id"], format=row["format"]) for row in dataset_rows()]
    out.append(dict(analyzer.analyze(b"").to_dict(), id="https://example.com/empty-page"))
    hostile = f"Cheap watches {XSS}\n\nBuy cheap watches today. {XSS} Our cheap watches are the best cheap watches.\n"
    attack = record_for(analyzer, hostile, record_id=XSS, format="text")
    attack["reasons"] = [*attack["reasons"], f"reason with {XSS}"]
    attack["findings"] = [dict(finding, message=finding["message"] + XSS) for finding in attack["findings"]]
    out.append(attack)
    return out


@pytest.fixture(scope="module")
def summary(records) -> dict:
    return dict(SUMMARY, documents=len(records), flagged=sum(r["label"] == "spam" for r in records), errors=1)


# ---- without a browser ----


def test_embedded_json_cannot_close_its_script_element():
    value = {"text": "</script><script>alert(1)</script><!-- & \u2028 \ud800 done"}
    escaped = embed_json(value)
    assert not set("<>&\u2028\u2029") & set(escaped)
    assert json.loads(escaped) == value


def test_page_text_ids_and_messages_never_reach_the_markup(records, summary):
    page = render_html_report(records, summary, title=f"scan of {XSS}")
    assert "<img" not in page and "__xss=2</script>" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2  # the data block and the page's script
    assert "<title>scan of &lt;img" in page
    attack = next(r for r in embedded(page)["records"] if r["id"] == XSS)
    assert XSS in attack["text"] and attack["reasons"][-1].endswith(XSS)


def test_content_security_policy_allows_exactly_the_inline_script_and_style(records, summary):
    import base64
    import hashlib

    page = render_html_report(records, summary)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    script = re.search(r"<script>(.*)</script>", page, re.DOTALL).group(1)
    style = re.search(r"<style>(.*)</style>", page, re.DOTALL).group(1)
    for directive, body in (("script-src", script), ("style-src", style)):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    outside_data = DATA_BLOCK.sub("", page)
    assert "http://" not in outside_data and "https://" not in outside_data  # nothing fetched


def test_histogram_bins_cover_zero_to_one_and_skip_missing_scores():
    counts = histogram_counts([0.0, 0.049, 0.05, 0.5, 0.999, 1.0, None], bins=20)
    assert len(counts) == 20 and sum(counts) == 6
    assert counts[0] == 2 and counts[1] == 1 and counts[10] == 1 and counts[19] == 2


def test_histogram_draws_the_threshold_and_the_spam_share():
    records = [
        {"score": 0.1, "label": "ok"},
        {"score": 0.93, "label": "spam"},
        {"score": 0.91, "label": "ok"},
        {"score": None, "label": None},
    ]
    svg = histogram_svg(records, 0.92)
    assert 'class="threshold"' in svg and "spam threshold 0.92" in svg
    assert svg.count('class="bar flagged"') == 1 and svg.count('class="bar"') == 2
    assert "3 scored documents, 1 labelled spam" in svg
    assert histogram_svg([{"score": None, "label": None}]) == ""
    unscored = render_html_report([{"id": "a.md", "status": "ok", "score": None, "label": None}], SUMMARY)
    assert "No scores to chart" in unscored and "<svg" not in unscored


def test_threshold_falls_back_to_the_lowest_spam_score_and_says_so(records, summary):
    page = render_html_report(records, summary)
    lowest = min(r["score"] for r in records if r["label"] == "spam")
    assert f"lowest spam score {lowest:.2f}" in page
    assert "spam threshold 0.80" in render_html_report(records, dict(summary, threshold=0.8))


def test_records_without_text_keep_their_findings_text(records, summary):
    spam = next(r for r in records if r["id"] == "examples/spam-article.md")
    bare = {k: v for k, v in spam.items() if k not in ("text", "clean_text")}
    data = embedded(render_html_report([spam, bare], summary))["records"]
    full, row_only = data
    assert "text" in full and "clean" in full and all(f["text"] is None for f in full["findings"])
    assert "text" not in row_only and "clean" not in row_only
    assert [f["text"] for f in row_only["findings"]] == [f["text"] for f in spam["findings"]]
    assert row_only["counts"] == dict(Counter(f["category"] for f in spam["findings"]))


def test_offsets_become_utf16_for_text_with_astral_characters():
    text = "\U0001f525\U0001f525 Hot deals hot deals\n"
    start = text.index("Hot")
    finding = {
        "rule": "SEO101",
        "category": "keyword-stuffing",
        "start": start,
        "end": start + 9,
        "line": 1,
        "column": start + 1,
        "text": "Hot deals",
        "message": "m",
        "suggestion": None,
        "severity": "warning",
    }
    record = {
        "id": "emoji",
        "status": "ok",
        "score": 0.5,
        "label": "ok",
        "reasons": [],
        "findings": [finding],
        "text": text,
    }
    (out,) = embedded(render_html_report([record], SUMMARY))["records"]
    utf16 = text.encode("utf-16-le")
    moved = out["findings"][0]
    assert utf16[2 * moved["start"] : 2 * moved["end"]].decode("utf-16-le") == "Hot deals"


def test_error_records_show_why_and_have_no_score(records, summary):
    error = next(r for r in embedded(render_html_report(records, summary))["records"] if r["status"] == "error")
    assert error["score"] is None and error["findings"] == []
    assert error["top"] == error["error"] and "empty" in error["error"]


def test_main_reason_prefers_a_rule_the_moderator_can_look_at():
    reasons = ["share of text in repeated 5-word sequences high", "stuffed-keyphrase (SEO101, 8 times): 'x'"]
    assert main_reason({"status": "ok", "reasons": reasons}) == reasons[1]
    assert main_reason({"status": "ok", "reasons": reasons[:1]}) == reasons[0]
    assert main_reason({"status": "error", "error": "no such file: a.md", "reasons": []}) == "no such file: a.md"
    findings = [{"rule": "SEO101", "severity": "warning", "message": "'x' is repeated"}] * 3 + [
        {"rule": "SEO205", "severity": "error", "message": "unprocessed spintax"}
    ]
    assert main_reason({"status": "ok", "reasons": [], "findings": findings}) == "SEO205: unprocessed spintax"
    assert main_reason({"status": "ok", "reasons": [], "findings": findings[:2]}) == "SEO101, 2 times: 'x' is repeated"


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path, records, summary, monkeypatch):
    target = tmp_path / "report.html"
    write_html_report(target, records, summary)
    first = target.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>") and first.rstrip().endswith("</html>")
    assert stat.S_IMODE(target.stat().st_mode) & 0o044  # readable by others like any file, not 0600
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_html_report(target, records[:1], summary)
    assert target.read_text(encoding="utf-8") == first  # the old report is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_missing_folder_is_an_error_that_says_so(tmp_path, records, summary):
    with pytest.raises(FileNotFoundError, match="does not exist; create it"):
        write_html_report(tmp_path / "no-such-folder" / "report.html", records[:1], summary)


def test_numbers_json_cannot_carry_do_not_break_the_page(records):
    broken = dict(records[0], score=float("nan"))
    page = render_html_report([broken], dict(SUMMARY, seconds=0.0, docs_per_second=float("inf")))
    data = embedded(page)  # strict JSON: NaN or Infinity would make JSON.parse reject the whole page
    assert data["records"][0]["score"] is None and data["summary"]["docs_per_second"] is None


def test_summary_values_are_escaped(records):
    page = render_html_report(records[:1], dict(SUMMARY, model="<b>model</b>"))
    assert "&lt;b&gt;model&lt;/b&gt;" in page and "<b>model" not in page


# ---- in headless Chromium ----


def chromium_path() -> str:
    path = os.environ.get("SEOCLEAN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("no Chromium on this machine: `apt-get install chromium` (or set SEOCLEAN_CHROMIUM)")
    return path


@pytest.fixture(scope="module")
def page(records, summary, tmp_path_factory):
    """The report of the records, open in headless Chromium, with every console error and page
    error collected in ``page.errors``."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install -e '.[dev]'")
    executable = chromium_path()
    report = tmp_path_factory.mktemp("html") / "report.html"
    write_html_report(report, records, summary)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        tab.errors = []
        tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        tab.goto(report.as_uri())
        tab.wait_for_selector("#doc-table tbody tr")
        yield tab
        browser.close()


def row_ids(page) -> list[str]:
    return page.locator("#doc-table tbody td.id").all_text_contents()


def reset(page):
    page.goto(page.url.split("#")[0])
    page.wait_for_selector("#doc-table tbody tr")


def stuffed_phrase(record: dict) -> str:
    phrases = Counter(f["text"].lower() for f in record["findings"] if f["rule"] == "SEO101")
    assert phrases, f"{record['id']}, the worst document, has no stuffed keyphrase (SEO101)"
    return phrases.most_common(1)[0][0]


def artifacts_dir() -> Path:
    folder = Path(os.environ.get("SEOCLEAN_ARTIFACTS") or Path(__file__).parent / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_worst_page_first_and_its_stuffed_phrase_highlighted(page, records):
    reset(page)
    worst = max((r for r in records if r["score"] is not None), key=lambda r: r["score"])
    assert row_ids(page)[0] == worst["id"]
    assert page.locator("#doc-table th[aria-sort=descending]").inner_text().startswith("Score")

    page.locator("#doc-table tbody tr").first.locator("td.score").click()
    page.wait_for_selector("#detail-text")
    assert page.locator("#detail-heading").inner_text() == worst["id"]
    phrase = stuffed_phrase(worst)
    marks = page.locator("#detail-text mark.cat-keyword-stuffing")
    texts = [text.lower() for text in marks.all_text_contents()]
    assert phrase in texts
    hit = marks.nth(texts.index(phrase))
    assert "SEO101" in hit.get_attribute("data-rules") and "SEO101" in hit.get_attribute("title")
    assert page.locator("#detail-clean").inner_text().strip() == worst["clean_text"].strip()
    assert page.locator(".findings tbody tr").count() == len(worst["findings"])
    page.screenshot(path=str(artifacts_dir() / "html-report.png"), full_page=True)
    page.click("#detail button[data-step='1']")  # next document in the table's order
    page.locator("#detail-heading", has_text=row_ids(page)[1]).wait_for()
    assert page.is_disabled("#detail button[data-step='1']") is False
    assert not page.errors


def test_clicking_headers_sorts(page, records):
    reset(page)
    page.click("#doc-table th button[data-key=id]")
    assert row_ids(page) == sorted((r["id"] for r in records), key=str.lower)
    page.click("#doc-table th button[data-key=score]")
    page.click("#doc-table th button[data-key=score]")  # a second click turns descending into ascending
    scored = sorted((r for r in records if r["score"] is not None), key=lambda r: r["score"])
    ids = row_ids(page)
    assert ids[0] == scored[0]["id"] and ids[-1] == "https://example.com/empty-page"  # no score: last
    assert not page.errors


def test_filters_hide_rows_that_do_not_match(page, records):
    reset(page)
    page.fill("#filter-text", "spam-article")
    page.locator("#doc-table tbody tr").nth(1).wait_for(state="detached")  # the search is debounced
    assert row_ids(page) == ["examples/spam-article.md"]
    page.fill("#filter-text", "")
    page.select_option("#filter-label", "error")
    assert row_ids(page) == ["https://example.com/empty-page"]
    page.select_option("#filter-label", "")
    page.check("#filter-categories input[value=spin]")
    expected = {r["id"] for r in records if any(f["category"] == "spin" for f in r["findings"])}
    assert expected and set(row_ids(page)) == expected and len(expected) < len(records)
    assert "filtered from" in page.inner_text("#row-count")
    assert not page.errors


def test_keyboard_opens_a_document_and_escape_closes_it(page, records):
    reset(page)
    page.locator("#doc-table tbody td.id a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail-text")
    assert page.is_visible("#detail")
    page.keyboard.press("Escape")
    assert page.is_hidden("#detail")


def test_printout_has_no_controls(page, records):
    reset(page)
    page.locator("#doc-table tbody td.id a").first.click()
    page.wait_for_selector("#detail-text")
    page.emulate_media(media="print")
    try:
        assert page.is_hidden("#filters") and page.is_hidden("#pager")
        assert page.is_visible("#doc-table") and page.is_visible("#detail-text")
        page.screenshot(path=str(artifacts_dir() / "html-report-print.png"), full_page=True)
    finally:
        page.emulate_media(media="screen")


def test_hostile_page_is_shown_as_text_and_runs_nothing(page, records):
    reset(page)
    index = next(i for i, r in enumerate(records) if r["id"] == XSS)
    page.goto(page.url.split("#")[0] + f"#doc-{index + 1}")
    page.wait_for_selector("#detail-text")
    assert page.evaluate("window.__xss") is None
    assert page.locator("#detail-heading").inner_text() == XSS
    assert XSS in page.locator("#detail-text").inner_text()
    assert page.locator("#detail img, #doc-table img").count() == 0
    assert page.locator("script").count() == 2
    assert not page.errors
