"""The spinner's thesaurus: the OpenOffice/LibreOffice MyThes English thesaurus (Debian package
``mythes-en-us``), read from its ``.dat`` file, plus inflection with lemminflect.

Why not the detector's thesaurus: a generator that draws substitutes from the same list the
detector checks would make the detector look better than it is on spam made by other spinners.
MyThes is a different resource, although it was itself derived from an older WordNet; the data
card measures how many substitutes the detector's list also has.

Entries are sense-blind on purpose: ``senses(word)`` returns every sense, and the spinner picks
one without looking at the context, as real spinners do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MYTHES_PATH = Path("/usr/share/mythes/th_en_US_v2.dat")
MYTHES_LICENCE = (
    "MyThes English thesaurus th_en_US_v2 (Debian mythes-en-us), Copyright 2000-2018 Kevin Atkinson; "
    "licence 'custom0' (permissive: use, copy, modify, distribute, sell with the notice kept)"
)
POS_TO_UPOS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}
_RELATIONS = {"generic term": "generic", "similar term": "similar", "related term": "related"}
_TERM = re.compile(r"^(.*?)\s*(?:\((generic term|similar term|related term|antonym)\))?$")
_GOOD_TERM = re.compile(r"^[A-Za-z][A-Za-z'\- ]*[A-Za-z]$")


@dataclass(frozen=True, slots=True)
class Sense:
    pos: str  # noun, verb, adj, adv
    terms: tuple[tuple[str, str], ...]  # (term, relation): syn, generic, similar, related


class Thesaurus:
    """Word -> senses. Build with ``Thesaurus.from_mythes()`` or from a dict in tests."""

    def __init__(self, entries: dict[str, tuple[Sense, ...]], *, name: str = "custom") -> None:
        self.entries = entries
        self.name = name

    @classmethod
    def from_mythes(cls, path: Path = MYTHES_PATH, *, max_words: int = 3) -> Thesaurus:
        """Parse a MyThes ``.dat`` file. Antonyms and terms over ``max_words`` words are dropped."""
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: install the thesaurus with `apt-get install -y mythes-en-us`")
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        entries: dict[str, tuple[Sense, ...]] = {}
        index = 1  # line 0 is the encoding
        while index < len(lines):
            head, _, count = lines[index].rpartition("|")
            index += 1
            if not count.isdigit():
                continue
            senses = []
            for line in lines[index : index + int(count)]:
                sense = _parse_sense(line, head, max_words)
                if sense is not None:
                    senses.append(sense)
            index += int(count)
            key = head.lower()
            if senses and _GOOD_TERM.match(head) and key not in entries:
                entries[key] = tuple(senses)
        return cls(entries, name="mythes-en-us th_en_US_v2")

    @classmethod
    def from_dict(cls, words: dict[str, dict[str, list[str]]]) -> Thesaurus:
        """``{"word": {"noun": ["syn", ...]}}`` -> a thesaurus of synonym senses (for tests)."""
        entries = {
            word.lower(): tuple(Sense(pos, tuple((term, "syn") for term in terms)) for pos, terms in senses.items())
            for word, senses in words.items()
        }
        return cls(entries)

    def senses(self, word: str) -> tuple[Sense, ...]:
        return self.entries.get(word.lower(), ())

    def __len__(self) -> int:
        return len(self.entries)


def _parse_sense(line: str, head: str, max_words: int) -> Sense | None:
    pos_field, *terms = line.split("|")
    pos = pos_field.strip("()")
    if pos not in POS_TO_UPOS:
        return None
    kept = []
    for raw in terms:
        match = _TERM.match(raw.strip())
        term, relation = match.group(1), match.group(2)
        if relation == "antonym" or not _GOOD_TERM.match(term) or term.lower() == head.lower():
            continue
        if len(term.split()) <= max_words:
            kept.append((term, _RELATIONS.get(relation, "syn")))
    return Sense(pos, tuple(kept)) if kept else None


def lemmas(word: str) -> dict[str, str]:
    """Universal POS -> lemma for an inflected word (``muscles`` -> ``{"NOUN": "muscle"}``)."""
    from lemminflect import getAllLemmas

    return {upos: forms[0] for upos, forms in getAllLemmas(word.lower()).items() if forms}


def penn_tag(word: str, lemma: str, upos: str) -> str | None:
    """The Penn tag under which ``lemma`` inflects to ``word`` (``running``/``run``/VERB -> VBG)."""
    from lemminflect import getAllInflections

    word = word.lower()
    for tag, forms in getAllInflections(lemma, upos=upos).items():
        if word in forms and tag not in ("NN", "VB", "VBP", "JJ", "RB"):
            return tag
    return None


def inflect(term: str, tag: str, upos: str) -> str:
    """Inflect a (possibly multi-word) substitute: a noun's last word, a verb's first word."""
    from lemminflect import getInflection

    words = term.split(" ")
    position = 0 if upos == "VERB" else len(words) - 1
    forms = getInflection(words[position], tag=tag)
    if forms:
        words[position] = forms[0]
    return " ".join(words)
