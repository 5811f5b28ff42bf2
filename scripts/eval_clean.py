#!/usr/bin/env python3
"""How well ``seoclean.clean`` takes the spam out, on a dataset split and on real clean articles.

    python scripts/eval_clean.py                      # test split, and ../shared/eval/clean if present
    python scripts/eval_clean.py --split dev --show 5 # dev split, print 5 misses of each kind

Per split (spans are the generator's ground truth; offsets are mapped onto the text the cleaner
edits: the document itself for text and Markdown, its rendered main content for HTML):

- similarity: word-level ``difflib`` ratio of the cleaned body to the clean source article (row
  ``<source>#0``), against the same ratio for the spam input (all its visible words: for HTML the
  main-content extraction is part of the cleaning); "closer" counts spam documents whose cleaned
  text is strictly more similar than the input was; also reported for the pages that hold their
  source article (not the templated doorway pages nor the comment threads standing alone, which
  are written around its topic but hold none of its text, so no edit can bring them closer to it;
  the doorway pages of the ``article`` flavour keep the article and count);
- stuffed occurrences: ``keyword`` spans whose words were all deleted; the keyphrase of a
  templated doorway page (``detail`` ``doorway``) is counted apart: there the whole page is the
  spam, and deleting its keyphrase from each templated sentence would not make an article. So is
  a templated title (``title-template``, "Top Guidelines Of <kw>"): it is reported (SEO102 with
  no suggestion) but by design never deleted, since only the writer can give the page a title;
  the titles reported are counted, and the removal rate is printed without and with titles;
- boilerplate lines: ``boilerplate`` spans deleted (in HTML, lines outside the main content are
  gone with the page chrome and counted as removed, reported apart);
- repeated blocks: documents where every exact copy (``duplicate`` title, line, paragraph) is gone,
  i.e. no copied text occurs more often than it did before it was copied; near-copies apart;
- spin: ``spin`` spans whose edit restores the original wording exactly (recall), and the share of
  spin edits that restore exactly what the spinner replaced (precision);
- clean documents: label-0 rows returned with no edit at all.

Front matter and code are never edited by design; spans inside them are left out and counted.
``../shared/eval/clean`` is read where it lies (evaluation only, never copied or tuned on).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

from seoclean.analysis import Analyzer
from seoclean.corpus import load_dataset
from seoclean.document import WORD_RE
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean
from seoclean.rewrite.render import render_main_content

SHARED_CLEAN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "clean"
EXACT_COPIES = ("title", "line", "paragraph")
DOORWAY = "doorway"  # a templated page's keyphrase: the page is the spam, not an insertion into an article
TITLE_TEMPLATE = "title-template"  # reported, never deleted: only the writer can give a new title
_TAG_RE = re.compile(r"<[^>]+>")


def built_on_source(example) -> bool:
    """Whether the spam page holds its source article: templated doorway pages (the ``guide`` and
    ``local`` flavours) and comment threads standing alone are written around the article's topic
    but hold none of its text, so no edit can bring them closer to it; the ``article`` flavour of
    doorway page keeps the article around its forced keyphrase."""
    if example.kind == DOORWAY:
        return (example.settings.get("doorway") or {}).get("flavour") == "article"
    standalone = example.kind == "comment-spam" and (example.settings.get("comments") or {}).get("standalone")
    return not standalone


def body_words(text: str, fmt: str) -> list[str]:
    if not text.strip():  # the cleaner deleted everything: a page that was nothing but spam
        return []
    doc = load_text(text, format=fmt)
    if fmt == "html":
        rendered = render_main_content(doc, "markdown")
        doc = load_text(rendered, format="markdown") if rendered.strip() else doc
    return [w.lower for w in doc.words]


def input_words(example) -> list[str]:
    """The words a reader of the spam input sees: all visible text (HTML chrome included)."""
    return [w.lower for w in load_text(example.text, format=example.format).words]


def similarity(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def count_run(words: list[str], run: list[str]) -> int:
    if not run:
        return 0
    first, size = run[0], len(run)
    return sum(1 for i, w in enumerate(words) if w == first and words[i : i + size] == run)


def locate(example, baseline: str) -> list[tuple[object, int, int] | tuple[object, None, None]]:
    """Each span with its offsets in the baseline; (span, None, None) when it is not there."""
    if example.format != "html":
        return [(span, span.start, span.end) for span in example.spans]
    located = []
    cursor = 0
    for span in sorted(example.spans, key=lambda s: (s.start, -s.end)):
        needle = " ".join(html.unescape(_TAG_RE.sub(" ", span.text)).split())
        found = baseline.find(needle, cursor) if needle else -1
        if found < 0:
            found = baseline.find(needle) if needle else -1
        if found < 0:
            located.append((span, None, None))
            continue
        located.append((span, found, found + len(needle)))
        cursor = found + (1 if span.kind in ("duplicate", "mashup") else len(needle))
    return located


class EditIndex:
    """Which characters of the baseline the cleaner deleted or replaced, and how."""

    def __init__(self, edits) -> None:
        self.edits = sorted(edits, key=lambda e: e.start)

    def deleted(self, text: str, start: int, end: int) -> bool:
        words = list(WORD_RE.finditer(text, start, end))
        return bool(words) and all(self._word_gone(m) for m in words)

    def _word_gone(self, match) -> bool:
        for edit in self.edits:
            if edit.start <= match.start() and match.end() <= edit.end:
                return match.group().lower() not in edit.replacement.lower().split()
        return False

    def restored(self, start: int, end: int, original: str) -> bool:
        return any(e.start == start and e.end == end and e.replacement == original for e in self.edits)


def in_prose(doc, start: int, end: int) -> bool:
    return any(b.start <= start < b.end and b.is_prose for b in doc.blocks)


def evaluate_split(split: str, show: int, limit: int | None) -> dict:
    rows = load_dataset(split)
    sources = {r.id: r for r in rows}
    analyzer = Analyzer(model=None)
    c: Counter = Counter()
    misses: dict[str, list[str]] = {}
    started = time.perf_counter()
    for example in rows[:limit]:
        result = clean(example.text, format=example.format, analyzer=analyzer)
        if example.label == 0:
            c["clean docs"] += 1
            c["clean unchanged"] += not result.edits
            if result.edits and len(misses.setdefault("clean changed", [])) < show:
                misses["clean changed"].append(f"{example.id} ({example.kind}): " + "; ".join(result.explain()[:3]))
            continue
        c["spam docs"] += 1
        base_doc = load_text(result.baseline, format=result.format)
        source = sources.get(example.source_id + "#0")
        if source is not None:
            src = body_words(source.text, source.format)
            before = similarity(input_words(example), src)
            after = similarity(body_words(result.text, result.format), src)
            c["sim before"] += before
            c["sim after"] += after
            c["sim docs"] += 1
            c["closer"] += after > before
            c[f"kind closer {example.kind}"] += after > before
            c[f"kind docs {example.kind}"] += 1
            if built_on_source(example):
                c["closer built on source"] += after > before
                c["sim docs built on source"] += 1
            if after <= before and len(misses.setdefault(f"not closer ({example.kind})", [])) < show:
                misses[f"not closer ({example.kind})"].append(f"{example.id}: {before:.3f} -> {after:.3f}")
        _score_spans(example, result, base_doc, c, misses, show, analyzer)
    c["seconds"] = time.perf_counter() - started
    return {"counts": c, "misses": misses}


def _stuffing_findings(analyzer, base_doc) -> list:
    """The keyword-stuffing findings (SEO1xx) of ``base_doc``; none without an analyzer."""
    if analyzer is None:
        return []
    return [f for f in analyzer.analyze_document(base_doc).findings if f.rule.startswith("SEO1")]


def _score_spans(example, result, base_doc, c: Counter, misses: dict, show: int, analyzer=None) -> None:
    index = EditIndex(result.edits)
    baseline = result.baseline
    out_words = body_words(result.text, result.format)
    base_words = [w.lower for w in base_doc.words]
    copies: dict[tuple[str, ...], int] = Counter()
    spin_edits = [e for e in result.edits if e.rule.startswith("SEO2")]
    c["spin edits"] += len(spin_edits)
    stuffing: list | None = None  # analysed once, on the first templated title
    for span, start, end in locate(example, baseline):
        if start is None:
            if span.kind == "boilerplate":
                c["boilerplate lines"] += 1
                c["boilerplate outside main"] += 1
                c["boilerplate removed"] += 1
            continue
        if not in_prose(base_doc, start, end):
            c[f"{span.kind} spans outside prose"] += 1
            continue
        if span.kind == "keyword" and span.detail == DOORWAY:
            c["doorway keyphrases"] += 1
            c["doorway keyphrases removed"] += index.deleted(baseline, start, end)
        elif span.kind == "keyword" and span.detail == TITLE_TEMPLATE:
            c["templated titles"] += 1
            c["templated titles removed"] += index.deleted(baseline, start, end)
            if stuffing is None:
                stuffing = _stuffing_findings(analyzer, base_doc)
            reported = any(f.start < end and start < f.end for f in stuffing)
            c["templated titles reported"] += reported
            if not reported:
                _miss(misses, "templated title not reported", show, example, baseline, start, end)
        elif span.kind == "keyword":
            c["stuffed"] += 1
            gone = index.deleted(baseline, start, end)
            c["stuffed removed"] += gone
            if not gone:
                _miss(misses, f"stuffed left ({span.detail})", show, example, baseline, start, end)
        elif span.kind == "boilerplate":
            c["boilerplate lines"] += 1
            gone = index.deleted(baseline, start, end)
            c["boilerplate removed"] += gone
            if not gone:
                _miss(misses, "boilerplate left", show, example, baseline, start, end)
        elif span.kind == "duplicate" and span.detail in EXACT_COPIES:
            copies[tuple(m.group().lower() for m in WORD_RE.finditer(baseline, start, end))] += 1
        elif span.kind == "duplicate":
            c["near copies"] += 1
            gone = index.deleted(baseline, start, end)
            c["near copies removed"] += gone
            others_gone = not gone and _others_like_it_deleted(base_doc, index, start, end)
            c["near copies kept, the paragraphs like them deleted"] += others_gone
            if not gone and not others_gone:
                _miss(misses, "near copy left", show, example, baseline, start, end)
        elif span.kind == "spin":
            c["spun"] += 1
            exact = index.restored(start, end, span.original or "")
            c["spun restored"] += exact
            c["spin edits exact"] += exact
    if copies:
        c["docs with copies"] += 1
        left = [
            run
            for run, n in copies.items()
            if count_run(out_words, list(run)) > max(1, count_run(base_words, list(run)) - n)
        ]
        c["docs collapsed"] += not left
        if left and len(misses.setdefault("copies left", [])) < show:
            misses["copies left"].append(f"{example.id}: {' '.join(left[0])[:100]!r}")


def _others_like_it_deleted(base_doc, index: EditIndex, start: int, end: int) -> bool:
    """Whether every other paragraph like a near copy was deleted, the copy being kept: the cleaner
    keeps the first of two near-copies unless that one shows the rewording, so a copy standing
    above the paragraph it was made from may be the one kept. Alike: at least half of the distinct
    words of the two shared (a copy keeps most of its original's words; two paragraphs of one
    article share far fewer)."""
    text = base_doc.text
    copy_words = {m.group().lower() for m in WORD_RE.finditer(text, start, end)}
    alike = []
    for block in base_doc.blocks:
        if not block.is_prose or (block.start < end and start < block.end):
            continue
        words = {m.group().lower() for m in WORD_RE.finditer(text, block.start, block.end)}
        if len(copy_words & words) >= 0.5 * max(len(copy_words | words), 1):
            alike.append(block)
    return bool(alike) and all(index.deleted(text, b.start, b.end) for b in alike)


def _miss(misses: dict, key: str, show: int, example, text: str, start: int, end: int) -> None:
    bucket = misses.setdefault(key, [])
    if len(bucket) < show:
        context = text[max(0, start - 60) : end + 40].replace("\n", "⏎")
        bucket.append(f"{example.id} [{example.format}] {text[start:end]!r} in …{context}…")


def evaluate_folder(folder: Path, show: int) -> dict:
    analyzer = Analyzer(model=None)
    c: Counter = Counter()
    misses: dict[str, list[str]] = {"changed": []}
    for path in sorted(folder.glob("*.txt")):
        result = clean(path, analyzer=analyzer)
        c["docs"] += 1
        same = [m.group() for m in WORD_RE.finditer(result.text)] == [
            m.group() for m in WORD_RE.finditer(result.original)
        ]
        c["unchanged"] += same
        if not same and len(misses["changed"]) < show:
            misses["changed"].append(f"{path.name}: " + "; ".join(result.explain()[:3]))
    return {"counts": c, "misses": misses}


def _pct(part: float, whole: float) -> str:
    return f"{part / whole:7.1%}" if whole else "    n/a"


def print_split(split: str, found: dict) -> None:
    c = found["counts"]
    print(f"\n{split} split: {c['spam docs']} spam and {c['clean docs']} clean documents, {c['seconds']:.0f} s")
    stuffed_all = c["stuffed"] + c["templated titles"]
    stuffed_all_removed = c["stuffed removed"] + c["templated titles removed"]
    rows = [
        ("stuffed occurrences removed (in articles, no titles)", c["stuffed removed"], c["stuffed"], ">= 95%"),
        ("  the same with templated titles included", stuffed_all_removed, stuffed_all, ""),
        (
            "  templated titles reported (SEO1xx; never deleted)",
            c["templated titles reported"],
            c["templated titles"],
            "",
        ),
        ("  keyphrases of doorway pages removed", c["doorway keyphrases removed"], c["doorway keyphrases"], ""),
        ("injected boilerplate lines removed", c["boilerplate removed"], c["boilerplate lines"], ">= 95%"),
        ("  of which outside main content (HTML)", c["boilerplate outside main"], c["boilerplate lines"], ""),
        ("documents with exact copies collapsed", c["docs collapsed"], c["docs with copies"], ">= 98%"),
        ("near-copy paragraphs removed", c["near copies removed"], c["near copies"], ""),
        (
            "  near-copy pairs collapsed (either paragraph deleted)",
            c["near copies removed"] + c["near copies kept, the paragraphs like them deleted"],
            c["near copies"],
            "",
        ),
        ("spun substitutions restored exactly (recall)", c["spun restored"], c["spun"], ">= 50%"),
        ("spin edits that restore the original (precision)", c["spin edits exact"], c["spin edits"], ""),
        ("clean documents returned unchanged", c["clean unchanged"], c["clean docs"], ">= 99%"),
        ("spam documents closer to the source", c["closer"], c["sim docs"], ">= 95%"),
        ("  of those built on their source article", c["closer built on source"], c["sim docs built on source"], ""),
    ]
    print(f"{'measure':52s} {'count':>13s} {'rate':>7s}  target")
    for name, part, whole, target in rows:
        print(f"{name:52s} {f'{part:,}/{whole:,}':>13s} {_pct(part, whole)}  {target}")
    if c["sim docs"]:
        print(
            f"mean word similarity to the source: input {c['sim before'] / c['sim docs']:.3f}, "
            f"cleaned {c['sim after'] / c['sim docs']:.3f}"
        )
    kinds = sorted(k.removeprefix("kind docs ") for k in c if k.startswith("kind docs "))
    if kinds:
        print(
            "closer to the source, by kind: "
            + ", ".join(f"{k} {c['kind closer ' + k]}/{c['kind docs ' + k]}" for k in kinds)
        )
    left_out = {k: v for k, v in c.items() if k.endswith("outside prose")}
    if left_out:
        print("spans in front matter or code (never edited):", dict(left_out))


def print_misses(found: dict) -> None:
    for key, items in sorted(found["misses"].items()):
        if items:
            print(f"-- {key}")
            for item in items:
                print("   ", item)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--eval-clean", type=Path, default=SHARED_CLEAN, help="folder of real clean .txt articles")
    parser.add_argument("--show", type=int, default=0, help="print up to N misses of each kind")
    parser.add_argument("--limit", type=int, help="only the first N rows of the split")
    args = parser.parse_args(argv)
    found = evaluate_split(args.split, args.show, args.limit)
    print_split(args.split, found)
    if args.show:
        print_misses(found)
    if args.eval_clean.is_dir():
        real = evaluate_folder(args.eval_clean, args.show)
        c = real["counts"]
        print(
            f"\n{args.eval_clean}: {c['unchanged']}/{c['docs']} returned unchanged word for word "
            f"({_pct(c['unchanged'], c['docs']).strip()}; target >= 98%)"
        )
        if args.show:
            print_misses(real)
    else:
        print(f"\n{args.eval_clean} not found: real clean articles not evaluated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
