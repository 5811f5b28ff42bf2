#!/usr/bin/env python3
"""How well SEO501 finds spam comments, against the generator's ``comment``/``spam`` spans.

    python scripts/eval_comments.py --split dev            # precision / recall per format, false alarms
    python scripts/eval_comments.py --split train --show 10 # and print missed and false comments
    python scripts/eval_comments.py --unseen                # SEO5xx findings on unseen real Debian pages
    python scripts/eval_comments.py --split dev --clean     # spam comments that clean() deletes

A gold span is found when a SEO501 finding overlaps it; a finding is right when it overlaps a gold
span. HTML spans index the source, so each is located in the visible text by its words. Clean rows
(label 0) with any SEO5xx finding are false alarms, counted by kind.
"""

from __future__ import annotations

import argparse
import html
import re
import time
from collections import Counter

from seoclean.corpus import load_dataset
from seoclean.detectors.comment_thread import find_thread
from seoclean.detectors.comments import CommentSpamDetector, judge_comments
from seoclean.errors import InputError
from seoclean.ingest import load_text

_TAG_RE = re.compile(r"<[^>]+>")


def gold_spans(example, text: str) -> list[tuple[int, int]]:
    spans = [s for s in example.spans if s.kind == "comment" and s.detail == "spam"]
    if example.format != "html":
        return [(s.start, s.end) for s in spans]
    located, flat, cursor = [], " ".join(text.split()), 0
    starts = _flat_offsets(text)
    for span in sorted(spans, key=lambda s: s.start):
        needle = " ".join(html.unescape(_TAG_RE.sub(" ", re.sub(r"<[^>]*$", "", span.text))).split())
        found = flat.find(needle, cursor) if needle else -1  # templated comments repeat: go in order
        if found >= 0:
            located.append((starts[found], starts[found + len(needle) - 1] + 1))
            cursor = found + len(needle)
    return located


def _flat_offsets(text: str) -> list[int]:
    """For each character of the whitespace-collapsed text, its offset in ``text``."""
    offsets, previous_space = [], True
    for i, ch in enumerate(text.strip() and text):
        if ch.isspace():
            if not previous_space:
                offsets.append(i)
            previous_space = True
        else:
            offsets.append(i)
            previous_space = False
    return offsets


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false findings")
    parser.add_argument("--unseen", action="store_true", help="count SEO5xx findings on unseen real pages instead")
    parser.add_argument("--clean", action="store_true", help="count spam comments deleted by clean() instead")
    args = parser.parse_args(argv)
    if args.unseen:
        return unseen()
    if args.clean:
        return deleted_by_clean(args.split)
    detector = CommentSpamDetector()
    c: Counter = Counter()
    shown: Counter = Counter()
    started = time.perf_counter()
    for example in load_dataset(args.split):
        doc = load_text(example.text, format=example.format)
        findings = [(f.start, f.end, f) for f in detector.run(doc).findings]
        if example.label == 0:
            c["clean rows"] += 1
            c[f"clean rows {example.kind}"] += 1 if "comment" in example.kind else 0
            if findings:
                c["clean flagged"] += 1
                c[f"clean flagged {example.kind}"] += 1
                f = findings[0][2]
                _show(args, shown, "false alarm on clean", example, doc, f"[{dict(f.evidence)}] {f.text}")
            continue
        gold = gold_spans(example, doc.text)
        fmt = example.format
        c[f"gold {fmt}"] += len(gold)
        for span in gold:
            hit = any(overlaps(span, (s, e)) for s, e, _ in findings)
            c[f"found {fmt}"] += hit
            if not hit:
                _show(args, shown, "missed", example, doc, _why(doc, span) + doc.text[span[0] : span[1]])
        for s, e, finding in findings:
            c[f"findings {fmt}"] += 1
            right = any(overlaps(span, (s, e)) for span in gold)
            c[f"right {fmt}"] += right
            if not right:
                _show(args, shown, "false finding", example, doc, finding.text)
    print(f"split {args.split}, {time.perf_counter() - started:.1f} s")
    for fmt in ("markdown", "text", "html"):
        found, gold, right, made = c[f"found {fmt}"], c[f"gold {fmt}"], c[f"right {fmt}"], c[f"findings {fmt}"]
        print(
            f"  {fmt:8} recall {found}/{gold} = {found / max(gold, 1):.3f}   precision {right}/{made} = {right / max(made, 1):.3f}"
        )
    found, gold = (
        sum(c[f"found {f}"] for f in ("markdown", "text", "html")),
        sum(c[f"gold {f}"] for f in ("markdown", "text", "html")),
    )
    right, made = (
        sum(c[f"right {f}"] for f in ("markdown", "text", "html")),
        sum(c[f"findings {f}"] for f in ("markdown", "text", "html")),
    )
    print(
        f"  all      recall {found}/{gold} = {found / max(gold, 1):.3f}   precision {right}/{made} = {right / max(made, 1):.3f}"
    )
    print(
        f"  clean rows with a SEO5xx finding: {c['clean flagged']}/{c['clean rows']}"
        f" (hard-negative:comments {c['clean flagged hard-negative:comments']}/{c['clean rows hard-negative:comments']})"
    )
    return 0


def deleted_by_clean(split: str) -> int:
    """Comment-spam rows through ``clean()``: gold spam comments whose words are all deleted (spans
    located in the text the cleaner edits, as ``eval_clean.py`` does), per format, and the share
    of the other words of those rows that are kept (genuine comments, articles, headings)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_clean import EditIndex, locate

    from seoclean.analysis import Analyzer
    from seoclean.rewrite.api import clean

    analyzer, c = Analyzer(model=None), Counter()
    for example in load_dataset(split):
        if example.kind != "comment-spam":
            continue
        result = clean(example.text, format=example.format, analyzer=analyzer)
        index, fmt = EditIndex(result.edits), example.format
        spam_chars = set()
        for span, start, end in locate(example, result.baseline):
            if span.kind != "comment" or start is None:
                continue
            c[f"gold {fmt}"] += 1
            c[f"deleted {fmt}"] += index.deleted(result.baseline, start, end)
            spam_chars.update(range(start, end))
        for edit in result.edits:
            c["edited chars outside spam"] += sum(1 for i in range(edit.start, edit.end) if i not in spam_chars)
        c["chars outside spam"] += len(result.baseline) - len(spam_chars)
    for fmt in ("markdown", "text", "html"):
        print(f"  {fmt:8} spam comments deleted {c[f'deleted {fmt}']}/{c[f'gold {fmt}']}")
    kept = 1 - c["edited chars outside spam"] / max(c["chars outside spam"], 1)
    print(f"  characters outside spam comments left untouched: {kept:.1%}")
    return 0


def unseen() -> int:
    """Pages (Markdown and installed HTML) of the Debian documentation outside the dataset with a
    SEO5xx finding; only counts and evidence are printed, never the pages' text."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_unseen_pages import unseen_pages

    detector, c = CommentSpamDetector(), Counter()
    for source_id, markdown, page in unseen_pages(200, 7):
        for fmt, text in (("markdown", markdown), ("html", page)):
            try:
                doc = load_text(text, format=fmt)
            except InputError:  # empty or undecodable: nothing to judge
                continue
            result = detector.run(doc)
            c[f"pages {fmt}"] += 1
            c[f"threads {fmt}"] += result.measures["comment_count"] > 0
            if result.findings:
                c[f"flagged {fmt}"] += 1
                print(f"  {fmt} {source_id}: {len(result.findings)} finding(s), {dict(result.findings[0].evidence)}")
    for fmt in ("markdown", "html"):
        print(
            f"  {fmt:8} pages {c[f'pages {fmt}']}, with a thread {c[f'threads {fmt}']}, with a SEO5xx finding {c[f'flagged {fmt}']}"
        )
    return 0


def _why(doc, span: tuple[int, int]) -> str:
    """Why a gold span was missed: no thread, no comment over it, or the comment's cues."""
    thread = find_thread(doc)
    if thread is None:
        return "[no thread] "
    for comment, cues in judge_comments(doc, thread):
        if overlaps(span, (comment.start, comment.end)):
            return f"[score {cues.score:.2f} { {k: v for k, v in cues.evidence().items() if v} }] "
    return "[no comment over it] "


def _show(args, shown: Counter, what: str, example, doc, text: str) -> None:
    if shown[what] >= args.show:
        return
    shown[what] += 1
    print(f"--- {what}: {example.id} ({example.format}, {example.kind})\n    {' '.join(text.split())[:300]}")


if __name__ == "__main__":
    raise SystemExit(main())
