"""The clean source articles under ``datasets/sources/clean/<genre>/NNN-slug.md``.

Each file has YAML front matter (``title``, ``genre``, ``structure``) and a Markdown body that
starts with the title as an H1. ``source_id`` is ``<genre>/<file stem>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from seoclean.document import WORD_RE

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n+", re.DOTALL)
# Structures a moderator would not call spam although they repeat words or list them.
HARD_NEGATIVE_STRUCTURES = ("faq", "q-and-a", "glossary", "listicle", "recipe", "product-page")


@dataclass(frozen=True, slots=True)
class CleanSource:
    source_id: str
    genre: str
    structure: str
    title: str
    body: str  # Markdown without front matter, starting with "# <title>"

    @property
    def n_words(self) -> int:
        return len(WORD_RE.findall(self.body))


def read_source(path: Path, root: Path) -> CleanSource:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ValueError(f"{path}: no YAML front matter")
    meta = _simple_front_matter(match.group(1))
    missing = [key for key in ("title", "genre", "structure") if not meta.get(key)]
    if missing:
        raise ValueError(f"{path}: front matter lacks {', '.join(missing)}")
    body = text[match.end() :].rstrip() + "\n"
    if not body.startswith("# "):
        raise ValueError(f"{path}: the body must start with the title as an H1")
    source_id = path.relative_to(root).with_suffix("").as_posix()
    return CleanSource(source_id, str(meta["genre"]), str(meta["structure"]), str(meta["title"]), body)


def _simple_front_matter(block: str) -> dict[str, str]:
    """``key: value`` lines, split at the first colon. Not YAML on purpose: a few titles contain an
    unquoted colon ("Index Funds Explained: What They Are"), which a YAML parser rejects."""
    meta = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1].replace("\\" + value[0], value[0])
            meta[key.strip()] = value
    return meta


def read_sources(root: Path) -> list[CleanSource]:
    """All sources under ``root``, sorted by ``source_id`` so builds do not depend on the file system."""
    return [read_source(path, root) for path in sorted(root.glob("*/*.md"))]
