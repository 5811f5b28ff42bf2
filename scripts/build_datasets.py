"""Rebuild ``datasets/seoclean-v1.jsonl.gz`` and its data card ``datasets/README.md``.

    python scripts/build_datasets.py            # everything, about a minute on 2 CPUs
    python scripts/build_datasets.py --no-gopher  # skip the datatrove diversity check

Needs the MyThes thesaurus and the Debian documentation packages the real clean pages come from
(``apt-get install -y mythes-en-us python3.11-doc debian-handbook debian-faq debian-reference-en
gnucash-docs gimp-help-en``)
and the dev extra (lemminflect, datatrove). Deterministic: the same seed and sources give a byte-identical file.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import time
from collections import Counter
from pathlib import Path

from seoclean.corpus import card
from seoclean.corpus.diversity import gopher_summary, gopher_verdicts, plain_text, thesaurus_overlap
from seoclean.corpus.generator import variants
from seoclean.corpus.generator.spans import Span, check_spans
from seoclean.corpus.generator.thesaurus import MYTHES_LICENCE, MYTHES_PATH, Thesaurus
from seoclean.corpus.pools import read_phrase_table, read_pool
from seoclean.corpus.realpages import REAL_PAGE_SOURCES, RealPage, read_real_pages
from seoclean.corpus.sources import read_sources
from seoclean.corpus.splits import assign_splits

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "datasets"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DATASETS / "sources" / "clean")
    parser.add_argument("--out", type=Path, default=DATASETS / "seoclean-v1.jsonl.gz")
    parser.add_argument("--card", type=Path, default=DATASETS / "README.md")
    parser.add_argument("--thesaurus", type=Path, default=MYTHES_PATH)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-gopher", action="store_true", help="skip the datatrove Gopher check")
    return parser.parse_args(argv)


def build_rows(sources, splits: dict[str, str], thesaurus: Thesaurus, seed: int) -> list[dict]:
    """Every row of every source. Mash-up donors and related titles come from the same split and
    the same origin (the team's articles or the real pages), so adding real pages leaves the
    team's rows as they were."""
    by_group: dict[tuple[str, bool], tuple] = {}
    for source in sources:
        key = (splits[source.source_id], _is_real(source.source_id))
        by_group[key] = (*by_group.get(key, ()), source)
    rows = []
    for source in sources:
        split = splits[source.source_id]
        context = variants.Context(thesaurus, by_group[(split, _is_real(source.source_id))])
        for index, (recipe, fmt) in enumerate(variants.plan(source, seed)):
            rows.append(variants.make_row(source, index, recipe, fmt, split, context, seed))
    return rows


def _is_real(source_id: str) -> bool:
    return source_id.startswith("real/")


def real_page_rows(pages: list[RealPage], splits: dict[str, str]) -> list[dict]:
    """One clean row per real page short enough to keep whole: its installed HTML, chrome and all."""
    rows = []
    for page in pages:
        if page.html is None:
            continue
        source = page.source
        rows.append(
            {
                "id": f"{source.source_id}#{len(variants.plan(source, 0))}",
                "source_id": source.source_id,
                "split": splits[source.source_id],
                "format": "html",
                "label": 0,
                "kind": "real-page",
                "genre": source.genre,
                "structure": source.structure,
                "title": source.title,
                "text": page.html.rstrip("\n") + "\n",
                "spans": [],
                "settings": {"recipe": "real-page", "package": page.package},
            }
        )
    return rows


def validate(rows: list[dict]) -> None:
    """The guarantees the tests check on the committed file, checked before it is written."""
    split_of: dict[str, str] = {}
    for row in rows:
        if split_of.setdefault(row["source_id"], row["split"]) != row["split"]:
            raise ValueError(f"{row['source_id']} is in two splits")
        check_spans(row["text"], [Span.from_dict(span) for span in row["spans"]])
        for span in row["spans"]:
            donor = span.get("donor")
            if donor and split_of.get(donor, row["split"]) != row["split"]:
                raise ValueError(f"{row['id']} borrows from {donor} of another split")


def write_jsonl_gz(rows: list[dict], path: Path) -> None:
    """Gzip with a fixed timestamp and no file name, so identical rows give identical bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        for row in rows:
            handle.write((json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8"))
    path.write_bytes(buffer.getvalue())


def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def card_values(rows, sources, thesaurus, gopher, overlap, seconds: float, seed: int) -> dict[str, str]:
    structures = Counter(s.structure for s in sources)
    genres = Counter(s.genre for s in sources)
    words = [s.n_words for s in sources]
    clean_table = card.markdown_table(
        ["genre", "articles"], [[g, n] for g, n in sorted(genres.items())] + [["**total**", len(sources)]]
    )
    structure_table = card.markdown_table(["structure", "articles"], sorted(structures.items()))

    def share(group: str) -> str:
        hits, total = overlap[f"{group}:in_detector_thesaurus"], overlap[f"{group}:substitutions"]
        return f"{hits:,} of {total:,} ({hits / max(1, total):.0%})"

    return {
        "n_sources": f"{len(sources):,}",
        "source_words": f"{sum(words):,}",
        "source_min": str(min(words)),
        "source_max": f"{max(words):,}",
        "n_short": str(sum(1 for n in words if n < 150)),
        "clean_genre_table": clean_table,
        "structure_table": structure_table,
        "split_label_table": card.split_label_table(rows),
        "kind_table": card.kind_table(rows),
        "genre_table": card.genre_table(rows),
        "format_table": card.format_table(rows),
        "words_table": card.words_table(rows, plain_text),
        "span_table": card.span_table(rows),
        "spin_table": card.spin_table(rows),
        "stuffing_table": card.stuffing_table(rows),
        "gopher_table": card.gopher_table(gopher) if gopher else "_not run (`--no-gopher`)_",
        "overlap_word": share("word"),
        "overlap_phrase": share("phrase"),
        "thesaurus_entries": f"{len(thesaurus):,}",
        "thesaurus_licence": MYTHES_LICENCE,
        "phrase_entries": str(len(read_phrase_table())),
        "n_templates": str(len(read_pool("stuffing")["title_templates"])),
        "n_offtopic": str(len(read_pool("stuffing")["offtopic_keyphrases"])),
        "n_platform_lines": str(sum(len(v) for k, v in read_pool("boilerplate").items() if k != "platforms")),
        "spam_weights": ", ".join(f"{k} {v:.0%}" for k, v in variants.SPAM_WEIGHTS.items()),
        "format_weights": ", ".join(f"{k} {v:.0%}" for k, v in variants.FORMAT_WEIGHTS.items()),
        "spam_format_weights": ", ".join(f"{k} {v:.0%}" for k, v in variants.clean_format_shares().items()),
        "spam_chrome_rate": f"{variants.SPAM_CHROME_RATE:.0%}",
        "topic_repeat": f"{variants.TOPIC_REPEAT_DENSITY:.0%}",
        "seed": str(seed),
        "seconds": f"{seconds:.0f}",
        "size_mb": "$size_mb",  # filled in after the card itself is written
        "file_mb": "$file_mb",
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    team_sources = read_sources(args.sources)
    real_pages = read_real_pages(args.seed)
    sources = team_sources + [page.source for page in real_pages]
    splits = assign_splits(sources, seed=args.seed)
    thesaurus = Thesaurus.from_mythes(args.thesaurus)
    rows = build_rows(sources, splits, thesaurus, args.seed) + real_page_rows(real_pages, splits)
    rows.sort(key=lambda row: (row["source_id"], int(row["id"].rsplit("#", 1)[1])))
    validate(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_jsonl_gz(rows, args.out)
    print(f"wrote {len(rows):,} rows to {args.out} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    dev = [r for r in rows if r["split"] == "dev"]
    gopher = None if args.no_gopher else gopher_summary(dev, gopher_verdicts(dev))
    overlap = thesaurus_overlap(rows)
    seconds = time.perf_counter() - started
    values = card_values(rows, team_sources, thesaurus, gopher, overlap, seconds, args.seed)
    values.update(card.real_page_values(real_pages, REAL_PAGE_SOURCES))
    text = card.render_card(values)
    for _ in range(2):  # the card's own size is part of the size it reports
        args.card.write_text(
            text.replace("$size_mb", f"{directory_size(args.card.parent) / 1e6:.1f}").replace(
                "$file_mb", f"{args.out.stat().st_size / 1e6:.1f}"
            ),
            encoding="utf-8",
        )
    print(
        f"rebuild took {seconds:.0f} s; {args.card.parent} is {directory_size(args.card.parent) / 1e6:.1f} MB",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
