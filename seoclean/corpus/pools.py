"""Hand-written word and line pools shipped under ``seoclean/corpus/data/``.

Files are plain text: ``[section]`` headers, one entry per line, ``#`` comments. Reading is lazy
and cached per file: the pools are constants, so caching cannot make results depend on order.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_pool(name: str) -> dict[str, tuple[str, ...]]:
    """Sections of ``data/<name>.txt`` as tuples of entries, in file order."""
    text = resources.files("seoclean.corpus").joinpath("data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise ValueError(f"data/{name}.txt: entry {line!r} before any [section]")
        else:
            current.append(line)
    return {section: tuple(entries) for section, entries in sections.items()}


@cache
def read_phrase_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``data/phrase_table.tsv`` as (phrase, substitutes) pairs, phrases lower-cased."""
    path = resources.files("seoclean.corpus").joinpath("data").joinpath("phrase_table.tsv")
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        phrase, _, substitutes = raw.partition("\t")
        options = tuple(s.strip() for s in substitutes.split("|") if s.strip())
        if not options:
            raise ValueError(f"phrase_table.tsv: no substitutes for {phrase!r}")
        rows.append((phrase.strip().lower(), options))
    return tuple(rows)
