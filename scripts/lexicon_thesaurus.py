"""The thesaurus ``build_lexicon.py`` compiles: WordNet synonyms per surface form, in the form's
inflection ("strains" -> "strives", "tenses"), commonest first.

- Synonyms are the other lemmas of each synset; adjectives also take the lemmas of "similar to"
  synsets, which is how thesauri (and the spinners built on them) widen adjective choices.
- Each synonym is inflected like the form it replaces, with lemminflect; a guessed inflection
  that is not a known word ("crusheder") is dropped.
- The relation is made symmetric: when "ilk" is a synonym of "like", "like" is one of "ilk". Spin
  detection reads the thesaurus backwards, from the rare word on the page to the common word a
  spinner replaced, and lemminflect does not know every rare form ("ilk", "betwixt"), so those
  also fall back to WordNet's own lemma.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

MIN_THESAURUS_ZIPF = 1.0  # forms rarer than this get no thesaurus entry
MAX_SYNONYMS = 48  # per form, commonest first
WN_POS = {"n": "NOUN", "v": "VERB", "a": "ADJ", "s": "ADJ", "r": "ADV"}


def read_wordnet(root: Path) -> dict[tuple[str, str], set[str]]:
    """(lemma, POS) -> synonyms, from the WordNet database files (format: wndb(5WN)).

    Synonyms are the other lemmas of each synset; adjectives also take the lemmas of "similar to"
    (&) synsets, which is how thesauri (and the spinners built on them) widen adjective choices.
    """
    synsets: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for file_pos in ("noun", "verb", "adj", "adv"):
        with open(root / f"data.{file_pos}", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" | ")[0].split()
                offset, ss_type, word_count = fields[0], fields[2], int(fields[3], 16)
                # Capitalised lemmas are proper names ("Emily Post", "Nice"), never a synonym of a common word.
                raw_lemmas = [fields[4 + 2 * i] for i in range(word_count)]
                lemmas = [_clean_lemma(raw) for raw in raw_lemmas if raw == raw.lower()]
                pointer_at = 4 + 2 * word_count
                pointer_count = int(fields[pointer_at])
                similar = []
                for i in range(pointer_count):
                    symbol, target, target_pos = fields[pointer_at + 1 + 4 * i : pointer_at + 4 + 4 * i]
                    if symbol == "&":
                        similar.append(f"{target_pos}:{target}")
                synsets[(f"{ss_type}:{offset}")] = (lemmas, similar)
    synonyms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, (lemmas, similar) in synsets.items():
        pos = WN_POS[key.split(":")[0]]
        related = list(lemmas)
        for target in similar:
            target = "a:" + target.split(":")[1] if target.startswith("s:") else target
            related += synsets.get(target, synsets.get("s:" + target.split(":")[1], ([], [])))[0]
        for lemma in lemmas:
            synonyms[(lemma, pos)].update(r for r in related if r != lemma)
    return synonyms


def _clean_lemma(raw: str) -> str:
    return re.sub(r"\([a-z]+\)$", "", raw).replace("_", " ").lower()


BASE_TAGS = frozenset({None, "NN", "VB", "VBP", "JJ", "RB"})


def _inflect_phrase(phrase: str, tag: str | None, pos: str, known: set[str]) -> str | None:
    """Put a synonym in the inflection of the word it replaces; None when that form is not a real
    word (lemminflect guesses "crusheder" for unknown comparatives, so guesses must be known words)."""
    from lemminflect import getInflection

    if tag in BASE_TAGS:
        return phrase
    words = phrase.split()
    head = 0 if pos == "VERB" else len(words) - 1  # "take down" -> "took down"; "muscle mass" -> "muscle masses"
    forms = getInflection(words[head], tag=tag)
    if not forms or forms[0] not in known:
        return None
    words[head] = forms[0]
    return " ".join(words)


def build_thesaurus(vocab: list[tuple[str, float]], wordnet: dict[tuple[str, str], set[str]]) -> dict[str, list[str]]:
    """Surface form -> synonyms in the same inflection ("strains" -> "strives", "tenses", ...).

    The relation is made symmetric: when "ilk" is a synonym of "like", "like" is one of "ilk".
    Spin detection reads the thesaurus backwards (from the rare word on the page to the common
    word a spinner replaced), and lemminflect does not know every rare form ("ilk", "betwixt"),
    so those also fall back to WordNet's own lemma."""
    from lemminflect import getAllLemmas
    from wordfreq import zipf_frequency

    known = {word for word, _ in vocab}
    found: dict[str, set[str]] = defaultdict(set)
    for form, zipf in vocab:
        if zipf < MIN_THESAURUS_ZIPF:
            continue
        lemmas_by_pos = dict(getAllLemmas(form))
        for pos in ("NOUN", "VERB", "ADJ", "ADV"):
            if pos not in lemmas_by_pos and (form, pos) in wordnet:
                lemmas_by_pos[pos] = (form,)
        found[form].update(_form_synonyms(form, lemmas_by_pos, wordnet, known))
    for form, synonyms in list(found.items()):
        for synonym in synonyms:
            if " " not in synonym and synonym in known:
                found[synonym].add(form)
    thesaurus: dict[str, list[str]] = {}
    for form, candidates in found.items():
        if candidates:
            ranked = sorted(candidates, key=lambda s: (-zipf_frequency(s, "en"), s))
            thesaurus[form] = ranked[:MAX_SYNONYMS]
    return thesaurus


def _form_synonyms(
    form: str, lemmas_by_pos: dict, wordnet: dict[tuple[str, str], set[str]], known: set[str]
) -> set[str]:
    from lemminflect import getAllInflections

    candidates: set[str] = set()
    for pos, lemmas in lemmas_by_pos.items():
        if pos not in ("NOUN", "VERB", "ADJ", "ADV"):
            continue
        for lemma in lemmas:
            tags = [t for t, forms in getAllInflections(lemma, upos=pos).items() if form in forms] or [None]
            if "NN" in tags and "NNS" in tags:
                tags.remove("NNS")  # a mass noun ("pain") is singular, not also its own plural
            for synonym in wordnet.get((lemma, pos), ()):
                for tag in tags:
                    inflected = _inflect_phrase(synonym, tag, pos, known)
                    if inflected and inflected != form:
                        candidates.add(inflected)
    return candidates
