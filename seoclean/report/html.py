"""The HTML scan report: one self-contained page a moderator opens in a browser.

    write_html_report("report.html", records, summary)

``records`` are scan records (``Report.to_dict()`` plus ``"id"``, and optionally ``"text"``, the
analysed text the findings' offsets index, and ``"clean_text"``); ``summary`` has ``documents``,
``flagged``, ``errors``, ``seconds``, ``docs_per_second``, ``model``, ``started`` and optionally
``threshold`` (the spam threshold, drawn on the histogram).

The page needs no network: CSS and JavaScript are inlined from ``seoclean/report/assets/`` and
the records are embedded as JSON. Page text is hostile input, so the JSON is escaped to never
close its ``<script>`` element, the script shows every string through ``textContent``, and a
Content-Security-Policy allows only this page's own script and style (by hash).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from seoclean.findings import CATEGORIES

DEFAULT_TITLE = "seoclean scan report"
HISTOGRAM_BINS = 20
_RECORD_KEYS = ("id", "status", "format", "language", "words", "score", "label", "reasons", "error")
# A finding is embedded as an array in this order, its strings as indexes into one shared table:
# the same message, rule and phrase recur across a page's findings, and a 10,000-page report
# would otherwise spend most of its size on key names and repeated messages.
FINDING_FIELDS = ("rule", "category", "start", "end", "line", "column", "severity", "message", "suggestion", "text")
_FINDING_NUMBERS = frozenset({"start", "end", "line", "column"})
# Characters that could end the <script> element, open a comment, or upset a JavaScript parser.
_UNSAFE_IN_SCRIPT = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


def render_html_report(
    records: Iterable[Mapping[str, Any]], summary: Mapping[str, Any], *, title: str = DEFAULT_TITLE
) -> str:
    """The report as one HTML document (a string)."""
    records = list(records)
    strings = _StringTable()
    compact = [_compact_record(record, number, strings) for number, record in enumerate(records, 1)]
    summary = _complete_summary(summary, compact)
    css, js = _asset("report.css"), _asset("report.js")
    data = {
        "summary": summary,
        "categories": list(CATEGORIES),
        "finding_fields": FINDING_FIELDS,
        "strings": strings.values(),
        "records": compact,
    }
    values = {
        "title": html.escape(title),
        "csp": _content_security_policy(css, js),
        "css": css,
        "js": js,
        "cards": _summary_cards(summary),
        "histogram": _histogram_figure(compact, *_threshold_line(summary, compact)),
        "data": embed_json(data),
    }
    # One pass, so that text inserted for one placeholder is never read as another placeholder.
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], _asset("report.html"))


def write_html_report(
    path: str | os.PathLike[str],
    records: Iterable[Mapping[str, Any]],
    summary: Mapping[str, Any],
    *,
    title: str = DEFAULT_TITLE,
) -> None:
    """Render the report and write it to ``path`` atomically: a reader sees the old file or the
    whole new one, never half a report (temp file in the same folder, then ``os.replace``)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(
            f"cannot write the HTML report {path}: the folder {path.parent} does not exist; "
            "create it or choose another path"
        )
    text = render_html_report(records, summary, title=title)
    descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_current_umask())  # mkstemp makes it private (0600); a report is for sharing
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def embed_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``
    (so ``</script>`` and ``<!--`` in page text cannot end the element), no lone surrogates."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str, allow_nan=False)
    return _UNSAFE_IN_SCRIPT.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def histogram_counts(scores: Iterable[float | None], bins: int = HISTOGRAM_BINS) -> list[int]:
    """How many scores fall in each of ``bins`` equal bins over [0, 1]; 1.0 goes in the last bin,
    missing scores (errors, no model) in none."""
    counts = [0] * bins
    for score in scores:
        if score is not None:
            counts[min(max(int(float(score) * bins), 0), bins - 1)] += 1
    return counts


def histogram_svg(
    records: list[Mapping[str, Any]],
    threshold: float | None = None,
    threshold_label: str = "spam threshold",
    bins: int = HISTOGRAM_BINS,
) -> str:
    """An inline SVG bar chart of the records' scores: each bar's documents labelled spam in red
    on top of the others, and the spam threshold as a dashed line."""
    counts = histogram_counts((record.get("score") for record in records), bins)
    spam = histogram_counts((record.get("score") for record in records if record.get("label") == "spam"), bins)
    if not any(counts):
        return ""
    width, height, top, bottom, left = 600, 170, 14, 24, 34
    plot_h, bar_w, peak = height - top - bottom, (width - left) / bins, max(counts)
    baseline = top + plot_h
    title = f"Spam score histogram: {sum(counts)} scored documents, {sum(spam)} labelled spam, in {bins} bins"
    parts = [
        f'<svg class="histogram" viewBox="0 0 {width} {height}" role="img" aria-labelledby="hist-title">',
        f'<title id="hist-title">{title}</title>',
    ]
    for index, (count, flagged) in enumerate(zip(counts, spam)):
        x, low = left + index * bar_w + 1, index / bins
        tip = f"<title>score {low:.2f}-{low + 1 / bins:.2f}: {count} document(s), {flagged} labelled spam</title>"
        for css, n, below in (("bar", count - flagged, 0), ("bar flagged", flagged, count - flagged)):
            if n:
                y = baseline - plot_h * (below + n) / peak
                parts.append(
                    f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" '
                    f'height="{plot_h * n / peak:.1f}">{tip}</rect>'
                )
    parts.append(f'<line class="axis" x1="{left}" y1="{baseline}" x2="{width}" y2="{baseline}"/>')
    for tick in (0, 0.25, 0.5, 0.75, 1):
        parts.append(
            f'<text class="tick{" last" if tick == 1 else ""}" x="{left + tick * (width - left):.1f}" '
            f'y="{height - 6}">{tick:g}</text>'
        )
    parts.append(f'<text class="tick peak" x="{left - 4}" y="{top + 10}">{peak}</text>')
    if threshold is not None:
        x = left + float(threshold) * (width - left)
        parts.append(
            f'<line class="threshold" x1="{x:.1f}" y1="{top - 10}" x2="{x:.1f}" y2="{baseline}"/>'
            f'<text class="threshold-label" x="{x - 4:.1f}" y="{top}">{html.escape(threshold_label)} '
            f"{float(threshold):.2f}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _histogram_figure(records: list[Mapping[str, Any]], threshold: float | None, threshold_label: str) -> str:
    if all(record.get("score") is None for record in records):
        return (
            '<p class="no-scores">No scores to chart: the scan ran without a classifier, or no input could be read.</p>'
        )
    line = f" The dashed line is the {threshold_label}." if threshold is not None else ""
    return (
        f'<figure class="histogram-figure">{histogram_svg(records, threshold, threshold_label)}<figcaption>'
        f"Spam score of every analysed document; documents labelled spam in red.{line}</figcaption></figure>"
    )


def main_reason(record: Mapping[str, Any]) -> str:
    """The reason shown in the table: why an input failed, else the first reason that names a rule
    (it points at text the moderator can look at), else the classifier's first reason, else (a
    scan without a classifier) the most severe and most frequent rule among the findings."""
    if record.get("status") not in (None, "ok"):
        return record.get("error") or record.get("status") or ""
    reasons = [str(reason) for reason in record.get("reasons") or []]
    if reasons:
        return next((reason for reason in reasons if "(SEO" in reason), reasons[0])
    findings = record.get("findings") or []
    if not findings:
        return ""
    counts = Counter(finding["rule"] for finding in findings)
    worst = max(findings, key=lambda f: (_SEVERITY_RANK.get(f.get("severity"), 0), counts[f["rule"]]))
    times = f", {counts[worst['rule']]} times" if counts[worst["rule"]] > 1 else ""
    return f"{worst['rule']}{times}: {worst.get('message', '')}"


def _compact_record(record: Mapping[str, Any], number: int, strings: _StringTable) -> dict[str, Any]:
    """What the page needs of a record: no evidence, scores rounded, and finding text only when
    the record has no text to slice it from (keeps a 10,000-document report small)."""
    out = {key: record.get(key) for key in _RECORD_KEYS}
    out["id"] = str(record.get("id") or record.get("path") or f"document {number}")
    out["score"] = _finite(out["score"], digits=4)
    out["reasons"] = [str(reason) for reason in out["reasons"] or []]
    findings = list(record.get("findings") or [])
    out["counts"] = dict(Counter(str(finding.get("category")) for finding in findings))
    out["top"] = main_reason(record)
    text = record.get("text")
    offsets = _utf16_offsets(text) if isinstance(text, str) else None
    out["findings"] = [_compact_finding(finding, offsets, strings) for finding in findings]
    if isinstance(text, str):
        out["text"] = text
    if isinstance(record.get("clean_text"), str):
        out["clean"] = record["clean_text"]
    return out


def _compact_finding(finding: Mapping[str, Any], offsets: list[int] | None | bool, strings: _StringTable) -> list:
    """``finding`` as an array in ``FINDING_FIELDS`` order. Its text only when the record has no
    text to slice it from; offsets in UTF-16 code units, as JavaScript indexes strings."""
    out = dict(finding, text=finding.get("text") if offsets is None else None)
    if isinstance(offsets, list):
        out["start"], out["end"] = (offsets[min(int(out[key]), len(offsets) - 1)] for key in ("start", "end"))
    return [int(out[key]) if key in _FINDING_NUMBERS else strings.index(out.get(key)) for key in FINDING_FIELDS]


class _StringTable:
    """Each distinct string once; ``index(None)`` is None (no suggestion, no text)."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def index(self, value: Any) -> int | None:
        return None if value is None else self._index.setdefault(str(value), len(self._index))

    def values(self) -> list[str]:
        return list(self._index)


def _utf16_offsets(text: str) -> list[int] | bool:
    """Code point offset -> UTF-16 offset, or True when they are the same (no astral characters)."""
    if not _ASTRAL.search(text):
        return True
    offsets, position = [0], 0
    for char in text:
        position += 2 if ord(char) > 0xFFFF else 1
        offsets.append(position)
    return offsets


def _threshold_line(summary: Mapping[str, Any], records: list[dict[str, Any]]) -> tuple[float | None, str]:
    """The threshold to draw: the summary's, else the lowest score labelled spam (the threshold is
    at or below it), named as such so that nobody reads it as the model's setting."""
    if summary.get("threshold") is not None:
        return float(summary["threshold"]), "spam threshold"
    flagged = [record["score"] for record in records if record["label"] == "spam" and record["score"] is not None]
    return (min(flagged), "lowest spam score") if flagged else (None, "")


def _complete_summary(summary: Mapping[str, Any], records: list[dict[str, Any]]) -> dict[str, Any]:
    """The summary as given, with counts the caller left out taken from the records."""
    out = {key: _finite(value) if isinstance(value, float) else value for key, value in summary.items()}
    out.setdefault("documents", len(records))
    out.setdefault("flagged", sum(record["label"] == "spam" for record in records))
    out.setdefault("errors", sum(record["status"] == "error" for record in records))
    return out


def _finite(value: Any, digits: int | None = None) -> float | None:
    """A number JSON can carry (NaN and infinity cannot: JSON.parse would reject the whole page)."""
    if value is None or not math.isfinite(float(value)):
        return None
    return float(value) if digits is None else round(float(value), digits)


def _summary_cards(summary: Mapping[str, Any]) -> str:
    rate = summary.get("docs_per_second")
    seconds = summary.get("seconds")
    cards = [
        ("documents", summary.get("documents")),
        ("flagged as spam", summary.get("flagged")),
        ("errors", summary.get("errors")),
        ("documents / second", f"{float(rate):.1f}" if rate is not None else None),
        ("seconds", f"{float(seconds):.1f}" if seconds is not None else None),
        ("model", summary.get("model") or "none"),
    ]
    items = "".join(
        f'<div class="card"><dt>{html.escape(label)}</dt><dd>{html.escape("-" if value is None else str(value))}</dd>'
        "</div>"
        for label, value in cards
    )
    started = summary.get("started")
    when = f'<p class="started">Scan started {html.escape(str(started))}</p>' if started else ""
    return f'<div class="summary-numbers"><dl class="cards">{items}</dl>{when}</div>'


def _content_security_policy(css: str, js: str) -> str:
    """Only this page's own inline style and script may run (an injected one would not), nothing
    may be fetched: the report works offline and leaks nothing when opened."""
    return (
        f"default-src 'none'; script-src '{_sha256(js)}'; style-src '{_sha256(css)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _asset(name: str) -> str:
    return resources.files("seoclean.report").joinpath("assets", name).read_text(encoding="utf-8")


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
