"""Checks that the generated spam is not trivially easy: how much of it a generic web-quality
filter (datatrove's Gopher filters) already rejects, and how many of the spinner's substitutes
the detector's own thesaurus also lists.

Both numbers go into the data card. A high Gopher catch rate would mean the spam is crude; the
point of seoclean is the spam those filters let through.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable
from importlib import resources


def plain_text(row: dict) -> str:
    """The text a reader sees: Markdown without markup, HTML through the project's HTML loader."""
    if row["format"] == "markdown":
        from seoclean.corpus.generator.convert import markdown_to_text

        return markdown_to_text(row["text"]).text
    if row["format"] == "html":
        from seoclean.ingest import load_text

        return load_text(row["text"], format="html").text
    return row["text"]


def gopher_verdicts(rows: Iterable[dict]) -> dict[str, str | None]:
    """Row id -> the reason GopherRepetitionFilter or GopherQualityFilter (default settings) gives
    for rejecting the row, or None if both keep it. Needs ``datatrove`` (a dev dependency)."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import GopherQualityFilter, GopherRepetitionFilter

    filters = (GopherRepetitionFilter(), GopherQualityFilter())
    verdicts: dict[str, str | None] = {}
    for row in rows:
        document = Document(text=plain_text(row), id=row["id"])
        verdicts[row["id"]] = None
        for gopher in filters:
            verdict = gopher.filter(document)
            if verdict is False or (isinstance(verdict, tuple) and verdict[0] is False):
                verdicts[row["id"]] = verdict[1] if isinstance(verdict, tuple) else gopher.name
                break
    return verdicts


def gopher_summary(rows: list[dict], verdicts: dict[str, str | None]) -> dict[str, Counter]:
    """Per kind: rows, rows rejected, rejections by reason, and (for spam) rows rejected although
    the plain clean copy of the same source (row ``#0``) passes: what the spam itself gave away."""
    clean_rejected = {row["source_id"]: verdicts.get(row["id"]) for row in rows if row["id"].endswith("#0")}
    summary: dict[str, Counter] = {}
    for row in rows:
        if row["id"] not in verdicts:
            continue
        counts = summary.setdefault(row["kind"], Counter())
        counts["rows"] += 1
        reason = verdicts[row["id"]]
        if reason:
            counts["rejected"] += 1
            counts["reason:" + reason] += 1
            if row["label"] == 1 and clean_rejected.get(row["source_id"]) is None:
                counts["rejected_clean_passes"] += 1
    return summary


def detector_thesaurus() -> dict[str, set[str]]:
    """The detector's compiled thesaurus (``seoclean/data/thesaurus.tsv.gz``), read-only."""
    path = resources.files("seoclean").joinpath("data").joinpath("thesaurus.tsv.gz")
    table: dict[str, set[str]] = {}
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        for line in handle:
            word, _, synonyms = line.rstrip("\n").partition("\t")
            table[word] = {s.lower() for s in synonyms.split("|") if s}
    return table


def thesaurus_overlap(rows: Iterable[dict]) -> Counter:
    """How many one-word spin substitutions the detector's thesaurus lists as synonyms of the
    original word, separately for thesaurus substitutions (``word:*``) and phrase-table rewrites
    (``phrase:*``)."""
    table = detector_thesaurus()
    counts: Counter = Counter()
    for row in rows:
        for span in row["spans"]:
            if span["kind"] != "spin" or span.get("detail") == "spintax":
                continue
            original, substitute = span["original"].lower(), span["text"].lower()
            if original.startswith(("a ", "an ")):  # the article was fixed along with the word
                original, substitute = original.split(" ", 1)[1], substitute.split(" ", 1)[-1]
            if " " in original:
                continue  # multi-word phrases: the detector's table is keyed by single words
            group = "phrase" if span.get("detail") == "phrase" else "word"
            counts[f"{group}:substitutions"] += 1
            counts[f"{group}:in_detector_thesaurus"] += substitute in table.get(original, ())
    return counts
