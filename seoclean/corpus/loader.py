"""Read the committed dataset: ``datasets/seoclean-v1.jsonl.gz``, one JSON row per document.

Row fields: ``id``, ``source_id`` (the clean article it was made from), ``split`` (train, dev,
test), ``format`` (text, markdown, html), ``label`` (0 clean, 1 spam), ``kind`` (``clean``,
``hard-negative:<what>``, or the spam recipe), ``genre``, ``structure``, ``title``, ``text`` (the raw
document: Markdown, plain text or HTML source), ``spans`` (offsets into ``text``) and ``settings``
(the generator's choices for this row).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seoclean.corpus.generator.spans import Span

DEFAULT_DATASET_PATH = Path(__file__).resolve().parents[2] / "datasets" / "seoclean-v1.jsonl.gz"
SPLITS = ("train", "dev", "test")


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    source_id: str
    split: str
    format: str
    label: int
    kind: str
    genre: str
    structure: str
    title: str
    text: str
    spans: tuple[Span, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def is_spam(self) -> bool:
        return self.label == 1

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Example:
        return cls(
            id=row["id"],
            source_id=row["source_id"],
            split=row["split"],
            format=row["format"],
            label=int(row["label"]),
            kind=row["kind"],
            genre=row.get("genre", ""),
            structure=row.get("structure", ""),
            title=row.get("title", ""),
            text=row["text"],
            spans=tuple(Span.from_dict(span) for span in row.get("spans", ())),
            settings=row.get("settings", {}),
        )


def read_rows(path: str | Path = DEFAULT_DATASET_PATH) -> Iterator[dict[str, Any]]:
    """The raw JSON rows of a ``.jsonl`` or ``.jsonl.gz`` file, in file order."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: rebuild it with `python scripts/build_datasets.py`")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_dataset(
    split: str | None = None, path: str | Path = DEFAULT_DATASET_PATH, *, kinds: tuple[str, ...] | None = None
) -> list[Example]:
    """Examples of one split (or all), optionally only some ``kind``s (a prefix such as
    ``hard-negative`` matches every ``hard-negative:*``)."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of: {', '.join(SPLITS)}")
    examples = []
    for row in read_rows(path):
        if split is not None and row["split"] != split:
            continue
        if kinds is not None and not any(row["kind"] == k or row["kind"].startswith(k + ":") for k in kinds):
            continue
        examples.append(Example.from_row(row))
    return examples
