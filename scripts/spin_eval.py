#!/usr/bin/env python3
"""Measure the spin detector: recall on a small test spinner and on the dataset's spun rows,
false alarms on clean text, speed.

The ``recall`` spinner swaps a share of the words that have thesaurus entries for a random entry, without
regard to sense, as real spinners do (the thesaurus is seoclean's own, so this measures how much
of a blind WordNet spin the detector can see, an optimistic upper bound for other thesauri). The
clean paragraphs it spins were written for this script (``spin_paragraphs.txt``).

    python scripts/spin_eval.py recall                      # rates 0.15 and 0.30, 8 seeds each
    python scripts/spin_eval.py clean ../shared/eval/clean  # findings per 1,000 words, by rule
    python scripts/spin_eval.py speed ../shared/eval/clean  # words per second, detector only
    python scripts/spin_eval.py spam ../shared/eval/spam    # findings on real spam, per file
    python scripts/spin_eval.py dataset --split dev         # gold spin spans of the dataset

``dataset`` reports, on one split of ``datasets/seoclean-v1.jsonl.gz`` (dev by default; tune on
train and dev only), the share of gold spin spans a finding overlaps (recall), the share restored
exactly (a finding with the span and the original as its suggestion), the precision of the
findings, and findings per 1,000 words on the split's clean rows (``spin_eval_dataset.py``).

Evaluation data is read where it lies and never copied.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from seoclean.detectors.spin import SpinDetector
from seoclean.document import Document
from seoclean.lexicon import get_lexicon

PARAGRAPHS = Path(__file__).with_name("spin_paragraphs.txt")
TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*")
CHANNELS = {"fixed_collocations": "c", "fixed_grammar": "g", "fixed_context": "x"}  # shown after SEO201/SEO203


@dataclass(frozen=True)
class Swap:
    start: int  # in the spun text
    end: int
    spun: str
    original: str


def spin(text: str, rate: float, seed: int) -> tuple[str, list[Swap]]:
    """Replace each non-stop word that has thesaurus entries with probability ``rate`` by one of its
    entries picked uniformly (single words and phrases alike), keeping a leading capital."""
    lex, rng = get_lexicon(), random.Random(seed)
    out: list[str] = []
    swaps: list[Swap] = []
    cursor = length = 0
    for match in TOKEN_RE.finditer(text):
        out.append(text[cursor : match.start()])
        length += match.start() - cursor
        word = match.group()
        entries = () if lex.is_stopword(word.lower()) else lex.synonyms(word.lower())
        if entries and rng.random() < rate:
            choice = rng.choice(entries)
            choice = choice[0].upper() + choice[1:] if word[0].isupper() else choice
            swaps.append(Swap(length, length + len(choice), choice, word))
            word = choice
        out.append(word)
        length += len(word)
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out), swaps


def recall(rates: list[float], seeds: int) -> None:
    detector = SpinDetector()
    text = PARAGRAPHS.read_text(encoding="utf-8")
    base = detector.run(Document(text)).findings
    print(f"unspun paragraphs: {len(base)} findings in {Document(text).word_count} words")
    for rate in rates:
        totals: Counter = Counter()
        for seed in range(seeds):
            spun, swaps = spin(text, rate, seed)
            doc = Document(spun)
            findings = detector.run(doc).findings
            totals["words"] += doc.word_count
            totals["swaps"] += len(swaps)
            totals["findings"] += len(findings)
            for swap in swaps:
                hits = [f for f in findings if f.start < swap.end and f.end > swap.start]
                totals["flagged"] += bool(hits)
                exact = [f for f in hits if (f.start, f.end) == (swap.start, swap.end)]
                totals["restored"] += any((f.suggestion or "").lower() == swap.original.lower() for f in exact)
            totals["false"] += sum(not any(f.start < s.end and f.end > s.start for s in swaps) for f in findings)
        t = totals
        print(
            f"rate {rate:.2f}: swaps {t['swaps']} ({t['swaps'] / t['words']:.1%} of words), "
            f"flagged {t['flagged'] / t['swaps']:.1%}, restored {t['restored'] / t['swaps']:.1%}, "
            f"findings {t['findings']}, on unswapped words {t['false']} "
            f"(precision {1 - t['false'] / max(t['findings'], 1):.1%})"
        )


def load_folder(folder: Path, pattern: str = "*.txt") -> list[Document]:
    return [Document(p.read_text(encoding="utf-8"), path=str(p)) for p in sorted(folder.glob(pattern))]


def clean(folder: Path, show: bool) -> None:
    detector = SpinDetector()
    docs = load_folder(folder)
    words = sum(d.word_count for d in docs)
    by_rule: Counter = Counter()
    for doc in docs:
        for f in detector.run(doc).findings:
            by_rule[f.rule] += 1
            if show:
                context = doc.text[max(0, f.start - 40) : f.end + 40].replace("\n", " ")
                channel = "".join(c for k, c in CHANNELS.items() if f.evidence.get(k))
                print(
                    f"{Path(doc.path).name}:{f.line}:{f.column} {f.rule}{channel} {f.text!r} -> {f.suggestion!r} | {context}"
                )
    total = sum(by_rule.values())
    print(f"{len(docs)} documents, {words:,} words: {total} findings = {total / words * 1000:.3f} per 1,000 words")
    for rule, count in sorted(by_rule.items()):
        print(f"  {rule}: {count} ({count / words * 1000:.3f} per 1,000 words)")


def speed(folder: Path, repeats: int) -> None:
    detector = SpinDetector()
    get_lexicon().warm_up()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    docs = [Document(t) for t in texts]
    for doc in docs:
        _ = doc.words, doc.sentences  # segmentation is shared by all detectors: time it apart
    words = sum(d.word_count for d in docs)
    best = min(_timed(lambda: [detector.run(d) for d in docs]) for _ in range(repeats))
    with_segmentation = min(_timed(lambda: [detector.run(Document(t)) for t in texts]) for _ in range(repeats))
    print(
        f"{words:,} words: detector {words / best:,.0f} words/s; with segmentation {words / with_segmentation:,.0f} words/s"
    )


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def spam(folder: Path) -> None:
    detector = SpinDetector()
    for doc in load_folder(folder, "[cs]*spam*.txt"):
        findings = detector.run(doc).findings
        rules = Counter(f.rule for f in findings)
        print(f"{Path(doc.path).name}: {doc.word_count} words, {len(findings)} findings {dict(sorted(rules.items()))}")
        for f in findings:
            print(f"    {f.rule} {f.text!r} -> {f.suggestion!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("recall")
    r.add_argument("--rates", type=float, nargs="+", default=[0.15, 0.30])
    r.add_argument("--seeds", type=int, default=8)
    c = sub.add_parser("clean")
    c.add_argument("folder", type=Path)
    c.add_argument("--show", action="store_true", help="print every finding with its context")
    s = sub.add_parser("speed")
    s.add_argument("folder", type=Path)
    s.add_argument("--repeats", type=int, default=3)
    sp = sub.add_parser("spam")
    sp.add_argument("folder", type=Path)
    d = sub.add_parser("dataset", help="recall, exact restoration and precision on the dataset's gold spans")
    d.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    d.add_argument("--min-confidence", type=float, default=0.5, help="the rewrite's threshold (0.5)")
    d.add_argument("--calibration", action="store_true", help="share exact by confidence bucket")
    d.add_argument("--show", type=int, default=0, help="print up to N findings that do not restore a span")
    d.add_argument("--min-substitution", type=float, default=None, help="the detector's threshold (its default)")
    args = parser.parse_args(argv)
    if args.command == "recall":
        recall(args.rates, args.seeds)
    elif args.command == "clean":
        clean(args.folder, args.show)
    elif args.command == "speed":
        speed(args.folder, args.repeats)
    elif args.command == "dataset":
        from spin_eval_dataset import evaluate, report

        options = {} if args.min_substitution is None else {"min_substitution": args.min_substitution}
        tally = evaluate(args.split, args.min_confidence, SpinDetector(**options), show=args.show)
        report(tally, args.split, args.min_confidence, args.calibration)
    else:
        spam(args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
