"""Does a page measure the same whether it arrives as Markdown or as plain text? And does reading
plain text's structure raise false alarms?

    python scripts/format_parity.py [--limit N] [--jobs 2] [--save after.json] [--baseline before.json]

1. Parity: every dev-split Markdown row is analysed as Markdown and, converted with
   ``markdown_to_text``, as plain text in each layout that web text extractors produce
   (``LAYOUTS``). For each detector measure: the mean absolute difference between the Markdown and
   the text version, separately for clean and spam rows, per layout and over all layouts, and the
   measures that differ most.
2. False alarms: clean documents with any warning- or error-level finding: the dev split's clean
   rows as they are, its clean Markdown rows as text in each layout, and the unseen real Debian
   documentation pages of ``scripts/eval_unseen_pages.py`` as Markdown, as text in each layout and
   as the plain text trafilatura extracts from their HTML (a real extractor's layout).

"Before" is the plain-text reader this project had before ``seoclean.ingest.text_structure``
(runs of non-blank lines; a short unpunctuated single line is a heading), kept here as
``runs_of_lines_blocks`` and swapped in for the plain-text documents of a second pass. Both passes
run in the same process with the same detectors, so the comparison holds while detectors change.
Documents flagged after but not before are listed. ``--save`` writes the figures as JSON.
Detectors only, no classifier.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = {0: "clean", 1: "spam"}


def layouts() -> dict:
    from seoclean.corpus.generator.convert import TextLayout

    return {
        "as-markdown": TextLayout("- "),  # bullets kept, spacing as in the Markdown
        "items-apart": TextLayout("- ", item_gap="\n\n"),
        "no-bullets": TextLayout(""),
        "no-bullets-apart": TextLayout("", item_gap="\n\n"),
        "one-newline": TextLayout("", block_gap="\n"),
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N dev Markdown rows")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--top", type=int, default=15, help="measures to list by difference")
    parser.add_argument("--no-real-pages", action="store_true", help="skip the unseen Debian pages")
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    return parser.parse_args(argv)


def documents(limit: int | None, real_pages: bool) -> list[tuple[str, str, str, str]]:
    """(group, key, format, text) of every document to analyse."""
    from seoclean.corpus.generator.convert import markdown_to_text
    from seoclean.corpus.loader import load_dataset

    rows = load_dataset("dev")
    markdown = [row for row in rows if row.format == "markdown"][:limit]
    docs = [(f"dev-{LABELS[row.label]}", row.id, row.format, row.text) for row in rows if row.label == 0]
    for row in markdown:
        docs.append((f"md-{LABELS[row.label]}", row.id, "markdown", row.text))
        for name, layout in layouts().items():
            docs.append(
                (f"text-{LABELS[row.label]}:{name}", row.id, "text", markdown_to_text(row.text, layout=layout).text)
            )
    if real_pages:
        docs += real_page_documents()
    return docs


def real_page_documents() -> list[tuple[str, str, str, str]]:
    import trafilatura

    from seoclean.corpus.generator.convert import markdown_to_text

    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_unseen_pages import unseen_pages

    docs = []
    for source_id, markdown, html in unseen_pages(per_package=200, seed=7):
        docs.append(("real:markdown", source_id, "markdown", markdown))
        for name, layout in layouts().items():
            docs.append((f"real:text:{name}", source_id, "text", markdown_to_text(markdown, layout=layout).text))
        extracted = trafilatura.extract(html)
        if extracted and extracted.strip():
            docs.append(("real:trafilatura-text", source_id, "text", extracted))
    return docs


def runs_of_lines_blocks(text: str) -> list:
    """The plain-text reader before this change, for the "before" figures."""
    import re

    from seoclean.document import Block, _strip

    blocks = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        start, end = _strip(text, match.start(), match.end())
        chunk = text[start:end]
        heading = (
            "\n" not in chunk and len(chunk) <= 120 and not chunk.rstrip().endswith((".", ",", ";", ":", "!", "?"))
        )
        blocks.append(Block(start, end, "heading" if heading else "paragraph"))
    return blocks


def analyse(
    docs: list[tuple[str, str, str, str]], before: bool = False
) -> list[tuple[str, str, dict[str, float] | None, list[str]]]:
    """(group, key, measures or None when not analysable, warning/error rule codes) per document;
    ``before``: with the old plain-text reader."""
    import seoclean.document
    from seoclean.analysis import Analyzer
    from seoclean.findings import Severity

    # Document() looks the reader up by name on every call. Workers are reused between passes,
    # so the current reader is kept on the module to be put back.
    current = vars(seoclean.document).setdefault("_reader_after_change", seoclean.document.paragraph_blocks)
    seoclean.document.paragraph_blocks = runs_of_lines_blocks if before else current
    analyzer = Analyzer(model=None)
    results = []
    for group, key, fmt, text in docs:
        report = analyzer.analyze(text, format=fmt)
        rules = sorted({f.rule for f in report.findings if f.severity >= Severity.WARNING})
        results.append((group, key, dict(report.features) if report.ok else None, rules))
    return results


def analyse_all(docs: list, jobs: int, before: bool = False) -> list:
    if jobs <= 1:
        return analyse(docs, before)
    from joblib import Parallel, delayed

    size = -(-len(docs) // (jobs * 8))  # contiguous chunks keep the results in the documents' order
    chunks = [docs[i : i + size] for i in range(0, len(docs), size)]
    parts = Parallel(n_jobs=jobs)(delayed(analyse)(chunk, before) for chunk in chunks)
    return [result for part in parts for result in part]


def parity(results: list) -> dict:
    """{layout: {label: {measure: mean |markdown - text|}}}, layout "all" over every layout, and
    "scale": each measure's standard deviation over the Markdown rows (to compare measures)."""
    markdown = {key: measures for group, key, measures, _ in results if group.startswith("md-") and measures}
    sums: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    counts: dict = defaultdict(lambda: defaultdict(int))
    for group, key, measures, _ in results:
        if not group.startswith("text-") or not measures or key not in markdown:
            continue
        label, layout = group[len("text-") :].split(":")
        for bucket in (layout, "all"):
            counts[bucket][label] += 1
            for name, value in measures.items():
                difference = abs(value - markdown[key][name])
                sums[bucket][label][name] += 0.0 if math.isnan(difference) else difference
    figures = {
        bucket: {
            label: {name: total / counts[bucket][label] for name, total in by_name.items()}
            for label, by_name in by_label.items()
        }
        for bucket, by_label in sums.items()
    }
    figures["scale"] = {name: _std([m[name] for m in markdown.values()]) for name in next(iter(markdown.values()), {})}
    return figures


def _std(values: list[float]) -> float:
    values = [v for v in values if not math.isnan(v)]
    mean = sum(values) / len(values) if values else 0.0
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) if values else 0.0


def flagged(results: list) -> dict[str, dict]:
    """{group: {"documents": n, "flagged": {key: rules}}} for clean documents (groups without spam)."""
    groups: dict = defaultdict(lambda: {"documents": 0, "flagged": {}})
    for group, key, measures, rules in results:
        if "spam" in group or measures is None:
            continue
        groups[group]["documents"] += 1
        if rules:
            groups[group]["flagged"][key] = rules
    return dict(groups)


def report(figures: dict, before: dict, top: int) -> None:
    scale = figures["parity"]["scale"]
    layouts_seen = [layout for layout in figures["parity"] if layout != "scale"]
    print("## Mean over measures of |markdown - text| / (the measure's std on Markdown rows)\n")
    print("| layout | clean | spam | clean before | spam before |\n|---|---:|---:|---:|---:|")
    for layout in layouts_seen:
        cells = [_standardised_mean(figures["parity"][layout].get(label, {}), scale) for label in ("clean", "spam")]
        old = [
            _standardised_mean(before["parity"].get(layout, {}).get(label, {}), scale) for label in ("clean", "spam")
        ]
        print(f"| {layout} | " + " | ".join(_fmt(v) for v in cells + old) + " |")
    overall, old_overall = figures["parity"].get("all", {}), before["parity"].get("all", {})
    ranked = sorted(
        scale,
        key=lambda name: (
            -sum(overall.get(label, {}).get(name, 0.0) for label in LABELS.values()) / (scale[name] or 1.0)
        ),
    )
    print(f"\n## Top {top} measures by mean |markdown - text| over all layouts (std: on Markdown rows)\n")
    print("| measure | std | clean | spam | clean before | spam before |\n|---|---:|---:|---:|---:|---:|")
    for name in ranked[:top]:
        cells = [scale[name]] + [overall.get(label, {}).get(name) for label in ("clean", "spam")]
        cells += [old_overall.get(label, {}).get(name) for label in ("clean", "spam")]
        print(f"| {name} | " + " | ".join(_fmt(v) for v in cells) + " |")
    print("\n## Clean documents with a warning or error finding\n")
    print("| documents | count | flagged | flagged before |\n|---|---:|---:|---:|")
    for group, counts in sorted(figures["flagged"].items()):
        old = before["flagged"].get(group, {"flagged": {}})
        print(f"| {group} | {counts['documents']} | {len(counts['flagged'])} | {len(old['flagged'])} |")
    for group, counts in sorted(figures["flagged"].items()):
        old = before["flagged"].get(group, {"flagged": {}})["flagged"]
        for key in sorted(set(counts["flagged"]) - set(old)):
            print(f"newly flagged in {group}: {key} {counts['flagged'][key]}")
        for key in sorted(set(old) - set(counts["flagged"])):
            print(f"no longer flagged in {group}: {key} {old[key]}")


def _standardised_mean(by_name: dict, scale: dict) -> float | None:
    values = [value / scale[name] for name, value in by_name.items() if scale.get(name)]
    return sum(values) / len(values) if values else None


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    docs = documents(args.limit, not args.no_real_pages)
    text_docs = [doc for doc in docs if doc[2] == "text"]
    print(f"analysing {len(docs)} documents, then {len(text_docs)} again with the old reader", file=sys.stderr)
    results = analyse_all(docs, args.jobs)
    others = [result for result, doc in zip(results, docs, strict=True) if doc[2] != "text"]
    old_results = others + analyse_all(text_docs, args.jobs, before=True)
    figures = {"parity": parity(results), "flagged": flagged(results)}
    before = {"parity": parity(old_results), "flagged": flagged(old_results)}
    report(figures, before, args.top)
    if args.save:
        args.save.write_text(json.dumps({"after": figures, "before": before}, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
