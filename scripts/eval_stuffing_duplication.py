"""Flag rates and speed of the stuffing and duplication detectors on the shared evaluation data.

    python scripts/eval_stuffing_duplication.py [--eval ../shared/eval] [--repeats 3]

Reads ``eval/clean`` (legitimate articles), ``eval/spam`` (templated keyword pages and comment
spam) and their HTML twins; prints, per set, how many documents get SEO1xx / SEO4xx findings and,
for the templated pages, on how many SEO101 found the page's keyphrase (checked against the file
name's slug, which the detector never sees). Then the words per second of each detector over
``eval/clean`` with segmentation done beforehand (it is shared by all detectors) and with it.
Evaluation only: nothing from the data is stored.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

from seoclean.detectors.duplication import DuplicationDetector
from seoclean.detectors.stuffing import StuffingDetector
from seoclean.document import Document
from seoclean.ingest import load
from seoclean.lexicon import get_lexicon

TEMPLATE_PREFIX = "backlinkoo-template_"


def slug_matches(phrase: str, slug: str) -> bool:
    """Does a discovered phrase name the page's topic? Shares a word (plural-insensitive) with the slug."""
    slug_words = {form for word in slug.split("-") for form in (word, word.rstrip("s"), word + "s")}
    phrase_words = set(re.split(r"[\s/-]+", phrase))
    return bool(phrase_words & slug_words) or phrase.replace(" ", "").replace("-", "") in slug.replace("-", "")


def flag_rates(paths: list[Path], as_html: bool) -> str:
    stuffing, duplication = StuffingDetector(), DuplicationDetector()
    docs = Counter()
    for path in paths:
        doc = load(path) if as_html else Document(path.read_text(encoding="utf-8"))
        found = stuffing.run(doc).findings
        docs["SEO1xx"] += bool(found)
        docs["SEO4xx"] += bool(duplication.run(doc).findings)
        if path.name.startswith(TEMPLATE_PREFIX):
            slug = path.stem[len(TEMPLATE_PREFIX) :]
            docs["keyphrase found"] += any(slug_matches(f.text.lower(), slug) for f in found if f.rule == "SEO101")
    return f"{len(paths)} docs: " + ", ".join(f"{key} {value}" for key, value in docs.items())


def speed(paths: list[Path], repeats: int) -> str:
    get_lexicon().warm_up()
    texts = [path.read_text(encoding="utf-8") for path in paths]
    detectors = [StuffingDetector(), DuplicationDetector()]
    best: dict[str, float] = {}
    for _ in range(repeats):
        docs = [Document(text) for text in texts]
        started = time.perf_counter()
        for doc in docs:
            _ = doc.words, doc.sentences, doc.lines
        segmentation = time.perf_counter() - started
        spent = Counter()
        for doc in docs:
            for detector in detectors:
                started = time.perf_counter()
                detector.run(doc)
                spent[detector.name] += time.perf_counter() - started
        words = sum(len(doc.words) for doc in docs)
        rates = {name: words / seconds for name, seconds in spent.items()}
        rates["both"] = words / sum(spent.values())
        rates["both + segmentation"] = words / (sum(spent.values()) + segmentation)
        best = {name: max(rate, best.get(name, 0.0)) for name, rate in rates.items()}
    return f"{words} words; best of {repeats}: " + ", ".join(f"{n} {r:,.0f} words/s" for n, r in best.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "eval")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for name, pattern, as_html in (
        ("clean", "clean/*.txt", False),
        ("spam templates", f"spam/{TEMPLATE_PREFIX}*.txt", False),
        ("other spam", "spam/[cs]*.txt", False),
        ("clean html", "clean_html/*.html", True),
        ("spam templates html", f"spam_html/{TEMPLATE_PREFIX}*.html", True),
    ):
        print(f"{name:20s} {flag_rates(sorted(args.eval.glob(pattern)), as_html)}")
    print("speed (eval/clean)  ", speed(sorted(args.eval.glob("clean/*.txt")), args.repeats))


if __name__ == "__main__":
    main()
