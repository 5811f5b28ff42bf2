"""How often the default model flags real clean pages it never saw: the Debian documentation pages
(Python docs, Debian handbook, FAQ, reference, GnuCash and GIMP manuals) that the dataset did *not*
sample.

    python scripts/eval_unseen_pages.py [--per-package 200] [--show 10]

The dataset takes a seeded sample of each package's pages (``seoclean.corpus.realpages``); this
script reads the others, in a fixed order, and scores each three times: as the installed HTML page
(with its navigation, sidebar and footer), as the Markdown text the dataset would have made of it,
and as trafilatura's plain-text extraction of the page. No
page here is in any split, so the flag rates are an honest estimate of false alarms on real
documentation. They say nothing about blogs or news, which the Debian packages do not have.

Needs the Debian packages the dataset needs (``apt-get install python3.11-doc debian-handbook
debian-faq debian-reference-en gnucash-docs gimp-help-en``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / "datasets" / "seoclean-v1.jsonl.gz"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-package", type=int, default=200, help="unseen pages to score per package")
    parser.add_argument("--show", type=int, default=10, help="print up to N flagged pages with their reasons")
    parser.add_argument("--seed", type=int, default=7, help="order in which unseen pages are taken")
    return parser.parse_args(argv)


def dataset_sources() -> set[str]:
    with gzip.open(DATASET, "rt", encoding="utf-8") as rows:
        return {json.loads(line)["source_id"] for line in rows}


def unseen_pages(per_package: int, seed: int):
    """(source id, Markdown text, installed HTML) of up to ``per_package`` unseen pages per package."""
    from seoclean.corpus.realpages import REAL_PAGE_SOURCES, missing_packages, read_page, shuffled_paths

    missing = missing_packages()
    if missing:
        sys.exit(f"needs Debian packages {', '.join(missing)}: apt-get install -y {' '.join(missing)}")
    seen = dataset_sources()
    for page_set in REAL_PAGE_SOURCES:
        taken = 0
        for path in shuffled_paths(page_set, f"{seed}:unseen"):
            page = read_page(path, Path(page_set.root), page_set)
            if page is None or page.source.source_id in seen:
                continue
            yield page.source.source_id, page.source.body, path.read_text(encoding="utf-8", errors="replace")
            taken += 1
            if taken == per_package:
                break


def extracted_text(html: str) -> str:
    """The page as plain text the way crawlers keep it: trafilatura's text output (one element per
    line, list items as "- " lines)."""
    import trafilatura

    return trafilatura.extract(html) or ""


def main(argv: list[str] | None = None) -> int:
    from seoclean.analysis import Analyzer

    args = parse_args(argv)
    analyzer = Analyzer()
    scored, flagged, shown = Counter(), Counter(), 0
    for source_id, markdown, html in unseen_pages(args.per_package, args.seed):
        package = source_id.split("/")[1]
        for fmt, text in (("markdown", markdown), ("html", html), ("text", extracted_text(html))):
            if not text.strip():  # trafilatura found no main content
                continue
            report = analyzer.analyze(text, format=fmt)
            if not report.ok:
                continue
            scored[package, fmt] += 1
            scored["all", fmt] += 1
            if report.label != "spam":
                continue
            flagged[package, fmt] += 1
            flagged["all", fmt] += 1
            if shown < args.show:
                shown += 1
                print(f"{fmt:8} {report.score:.3f} {source_id}")
                for reason in report.reasons[:3]:
                    print(f"    {reason}")
    print("\n| package | format | unseen pages | flagged | rate |\n|---|---|---:|---:|---:|")
    for package, fmt in sorted(scored, key=lambda key: (key[0] == "all", key)):
        rate = flagged[package, fmt] / scored[package, fmt]
        print(f"| {package} | {fmt} | {scored[package, fmt]} | {flagged[package, fmt]} | {rate:.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
