"""The data card (``datasets/README.md``): its tables are computed from the rows, its prose comes
from ``data/card_template.md`` with ``$placeholders``.
"""

from __future__ import annotations

import itertools
from collections import Counter
from importlib import resources
from string import Template

from seoclean.corpus.loader import SPLITS
from seoclean.document import WORD_RE


def markdown_table(headers: list[str], rows: list[list[object]]) -> str:
    def cell(value: object) -> str:
        return f"{value:,}" if isinstance(value, int) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _by_split(rows: list[dict], key) -> tuple[list[str], dict[str, Counter]]:
    counts: dict[str, Counter] = {split: Counter() for split in SPLITS}
    for row in rows:
        counts[row["split"]][key(row)] += 1
    values = sorted({key(row) for row in rows})
    return values, counts


def _split_table(rows: list[dict], key, header: str) -> str:
    values, counts = _by_split(rows, key)
    body = [[value] + [counts[s][value] for s in SPLITS] + [sum(counts[s][value] for s in SPLITS)] for value in values]
    body.append(["**total**"] + [sum(counts[s].values()) for s in SPLITS] + [len(rows)])
    return markdown_table([header, *SPLITS, "all"], body)


def split_label_table(rows: list[dict]) -> str:
    sources = {split: len({r["source_id"] for r in rows if r["split"] == split}) for split in SPLITS}
    body = []
    for split in SPLITS:
        part = [r for r in rows if r["split"] == split]
        clean = sum(1 for r in part if r["label"] == 0)
        body.append([split, sources[split], clean, len(part) - clean, len(part), f"{clean / max(1, len(part)):.0%}"])
    clean = sum(1 for r in rows if r["label"] == 0)
    body.append(["**all**", sum(sources.values()), clean, len(rows) - clean, len(rows), f"{clean / len(rows):.0%}"])
    return markdown_table(["split", "sources", "clean (0)", "spam (1)", "rows", "clean share"], body)


def kind_table(rows: list[dict]) -> str:
    return _split_table(rows, lambda r: f"{r['label']} `{r['kind']}`", "label, kind")


def genre_table(rows: list[dict]) -> str:
    return _split_table(rows, lambda r: r["genre"], "genre (rows)")


def format_table(rows: list[dict]) -> str:
    return _split_table(rows, lambda r: f"{r['format']}, label {r['label']}", "format")


def words_table(rows: list[dict], plain_text) -> str:
    body = []
    for split in SPLITS:
        counts = [len(WORD_RE.findall(plain_text(r))) for r in rows if r["split"] == split]
        clean = [n for n, r in zip(counts, (r for r in rows if r["split"] == split), strict=True) if r["label"] == 0]
        body.append([split, sum(counts), sum(clean), min(counts), round(sum(counts) / len(counts)), max(counts)])
    return markdown_table(["split", "words (all rows)", "words (clean rows)", "min", "mean", "max"], body)


def span_table(rows: list[dict]) -> str:
    counts: Counter = Counter()
    for row in rows:
        for span in row["spans"]:
            counts[(span["kind"], span.get("detail") or "")] += 1
    body = [[f"`{kind}`", detail, n] for (kind, detail), n in sorted(counts.items())]
    return markdown_table(["span kind", "detail", "spans"], body)


def _bins(values: list[float], edges: list[float]) -> list[list[object]]:
    body = []
    for low, high in itertools.pairwise(edges):
        n = sum(1 for v in values if low <= v < high)
        body.append([f"{low:.0%}-{high:.0%}", n])
    return body


def spin_table(rows: list[dict]) -> str:
    spun = [r["settings"]["spin"] for r in rows if "spin" in r["settings"]]
    by_rate = _bins([s["rate"] for s in spun], [0.05, 0.15, 0.30, 0.50, 0.701])
    by_share = _bins([s["share_changed"] for s in spun], [0.0, 0.05, 0.15, 0.30, 0.50, 1.0])
    body = [[f"target rate {a[0]}", a[1]] for a in by_rate] + [[f"words changed {b[0]}", b[1]] for b in by_share]
    return markdown_table(["spun rows by", "rows"], body)


def stuffing_table(rows: list[dict]) -> str:
    stuffed = [r["settings"]["stuffing"] for r in rows if "stuffing" in r["settings"]]
    body = [[f"target density {d:.1%}", n] for d, n in sorted(Counter(s["density"] for s in stuffed).items())]
    body += [
        [f"achieved {b[0]}", b[1]]
        for b in _bins([s["density_achieved"] for s in stuffed], [0, 0.02, 0.04, 0.06, 0.1, 1])
    ]
    body.append(["with a template title", sum(1 for s in stuffed if s["title_template"])])
    body.append(["with off-topic keyphrases", sum(1 for s in stuffed if s["offtopic"])])
    return markdown_table(["stuffed rows by", "rows"], body)


def gopher_table(summary: dict[str, Counter]) -> str:
    body = []
    totals: Counter = Counter()
    for kind, counts in sorted(summary.items()):
        spam = not kind.startswith(("clean", "hard-negative"))
        reasons = ", ".join(f"{k[7:]} {v}" for k, v in counts.most_common() if k.startswith("reason:"))
        own = f"{counts['rejected_clean_passes'] / counts['rows']:.0%}" if spam else ""
        body.append([f"`{kind}`", counts["rows"], f"{counts['rejected'] / counts['rows']:.0%}", own, reasons])
        if spam:
            totals.update({k: counts[k] for k in ("rows", "rejected", "rejected_clean_passes")})
    body.append(
        [
            "**all spam**",
            totals["rows"],
            f"{totals['rejected'] / max(1, totals['rows']):.0%}",
            f"{totals['rejected_clean_passes'] / max(1, totals['rows']):.0%}",
            "",
        ]
    )
    headers = ["dev kind", "rows", "rejected by Gopher", "rejected, clean original passes", "reasons"]
    return markdown_table(headers, body)


def render_card(values: dict[str, str]) -> str:
    template = resources.files("seoclean.corpus").joinpath("data").joinpath("card_template.md").read_text("utf-8")
    return Template(template).substitute(values)


def real_page_values(pages, page_sets) -> dict[str, str]:
    """The data card's table of real pages per Debian package, with licences."""
    by_package = Counter(page.package for page in pages)
    whole = Counter(page.package for page in pages if page.html is not None)
    words = {}
    for page in pages:
        words[page.package] = words.get(page.package, 0) + page.source.n_words
    table = markdown_table(
        ["Debian package", "group", "pages", "kept whole as HTML", "words (Markdown source)", "licence"],
        [
            [s.package, s.genre, by_package[s.package], whole[s.package], f"{words.get(s.package, 0):,}", s.licence]
            for s in page_sets
        ],
    )
    return {"real_page_table": table, "n_real_pages": str(len(pages)), "n_real_whole": str(sum(whole.values()))}
