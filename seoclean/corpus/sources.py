"""The clean source articles under ``datasets/sources/clean/<genre>/NNN-slug.md``.

Each file has YAML front matter (``title``, ``genre``, ``structure``) and a Markdown body that
starts with the title as an H1. ``source_id`` is ``<genre>/<file stem>``.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from seoclean.document import WORD_RE

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n+", re.DOTALL)
# Structures a moderator would not call spam although they repeat words or list them.
HARD_NEGATIVE_STRUCTURES = ("faq", "q-and-a", "glossary", "listicle", "recipe", "product-page")
# Structures whose sections an editor may head with the topic ("Mulch: When to mulch"), see topic_headed.
TOPIC_HEADING_STRUCTURES = ("article", "guide", "how-to")
_NOT_THE_SUBJECT_AFTER = frozenset({"in", "to", "near", "around", "from", "for", "vs", "vs.", "versus", "and", "or"})
_TOPIC_TAILS = frozenset({"explained", "basics", "guide", "faq", "101"})
_STEP_OR_COLON = re.compile(r"^(?:step\s+)?\d|:", re.IGNORECASE)  # "Step 2: Fill", "3. Dosage", "Costs: a guide"
_H2 = re.compile(r"^## (.+)$", re.MULTILINE)
_FENCE = re.compile(r"^(?:```|~~~).*?^(?:```|~~~)[^\n]*$", re.MULTILINE | re.DOTALL)


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


def topic_headed(source: CleanSource, topic: str, rng: random.Random) -> CleanSource | None:
    """The article with more of its sections headed by its topic, as an editor minding search
    might do it: "When to mulch" becomes "Mulch: When to mulch", until 60-100% of the H2s name
    the topic. Text, order and every other heading stay as written. Only for articles that are
    plainly about ``topic``: the subject of their title, named in the first paragraph and 4 or
    more times in all (8 for one word); with at least three H2s, of which enough can take the
    prefix: not numbered steps, not headings with a colon already. None otherwise."""
    body = source.body
    pattern = re.compile(rf"\b{re.escape(topic)}\b", re.IGNORECASE)
    if source.structure not in TOPIC_HEADING_STRUCTURES or not _title_subject(source.title, topic, pattern):
        return None
    first_paragraph = next((p for p in body.split("\n\n")[1:] if p[:1].isalpha()), "")
    fences = [m.span() for m in _FENCE.finditer(body)]
    headings = [m for m in _H2.finditer(body) if not any(a <= m.start() < b for a, b in fences)]
    named = [m for m in headings if pattern.search(m.group(1))]
    free = [m for m in headings if m not in named and not _STEP_OR_COLON.search(m.group(1))]
    enough = len(pattern.findall(body)) >= (8 if " " not in topic else 4) and pattern.search(first_paragraph)
    if not enough or len(headings) < 3 or not free or len(named) + len(free) < 0.6 * len(headings):
        return None
    wording = Counter(m.group(0) for m in pattern.finditer(body)).most_common(1)[0][0]  # "index funds", "SSD"
    wording = wording[:1].upper() + wording[1:]
    n_rename = min(len(free), max(1, math.ceil(rng.choice((0.6, 0.8, 1.0)) * len(headings)) - len(named)))
    for match in sorted(rng.sample(free, n_rename), key=lambda m: m.start(), reverse=True):  # offsets stay valid
        body = body[: match.start(1)] + f"{wording}: " + body[match.start(1) :]
    return replace(source, body=body)


def _title_subject(title: str, topic: str, pattern: re.Pattern) -> bool:
    """Whether ``topic`` is what the title is about, not a place, one side of a comparison or a
    word of a longer name ("Moving House in Manchester", "APR vs Interest Rate", "Bug Report")."""
    found = pattern.search(title)
    if not found:
        return False
    before, after = title[: found.start()].split()[-1:], title[found.end() :].split()[:1]
    if before and before[0].lower() in _NOT_THE_SUBJECT_AFTER:
        return False
    word_of_a_name = after and after[0][:1].isupper() and after[0].strip(":?!,.").lower() not in _TOPIC_TAILS
    return " " in topic or not word_of_a_name
