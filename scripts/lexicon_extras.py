"""WordNet-derived resources beyond the synonym table, used by ``build_lexicon.py``.

- compounds: two-word WordNet lemmas ("baking soda", "cover letter", "put up") in their inflected
  surface forms. The Google bigram data keeps only frequent pairs, so most content-word
  collocations are missing from it; WordNet's compounds are a curated list of fixed phrases.
- proper shares: how often a word is a capitalised proper name (month, country, nationality, ...),
  from WordNet's capitalised lemmas weighted by the SemCor sense-tag counts in ``cntlist.rev``.
- phrase entries: the reverse of the thesaurus for its multi-word synonyms, so that
  ``synonyms("muscle mass")`` gives the single words ("muscle") a spinner may have replaced.
- word tags: the open-class Penn tags a surface form can take (lemminflect), and for every stop
  word the shares of those tags among its neighbours in the bigram data: "the" is followed by NN
  68%, VBZ almost never. A spinner that takes a verb sense for a noun ("the departs" for "the
  leaves") leaves exactly this kind of misfit.

Everything here is deterministic: sets are sorted before they are written.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

OPEN_CLASS_TAGS = ("NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR", "RBS")
MERGED_TAGS = {"VBP": "VB"}  # the same surface form in English
MIN_STOPWORD_SENSE_COUNT = 20  # SemCor uses a stop word's reading needs to count as a tag
MIN_CONTEXT_MASS = 2000.0  # pairs per billion behind a stop word's shares; below, too few to trust
SS_TYPE_DIGIT = {"n": "1", "v": "2", "a": "3", "r": "4", "s": "5"}
NOUN_PLURAL_TAG = "NNS"
VERB_TAGS = ("VBD", "VBG", "VBN", "VBZ")


def read_compounds(root: Path, known: set[str]) -> list[str]:
    """Two-word lemmas whose words are both known, with plural (nouns) and verb inflections."""
    from lemminflect import getInflection

    compounds: set[str] = set()
    for file_pos in ("noun", "verb", "adj", "adv"):
        for lemma in _index_lemmas(root / f"index.{file_pos}"):
            words = lemma.split("_")
            if len(words) != 2 or not all(w in known for w in words):
                continue
            compounds.add(" ".join(words))
            for tag, head in _inflection_slots(file_pos):
                forms = getInflection(words[head], tag=tag)
                if forms and forms[0] in known:
                    inflected = list(words)
                    inflected[head] = forms[0]
                    compounds.add(" ".join(inflected))
    return sorted(compounds)


def _inflection_slots(file_pos: str) -> list[tuple[str, int]]:
    if file_pos == "noun":
        return [(NOUN_PLURAL_TAG, 1)]  # "cover letter" -> "cover letters"
    if file_pos == "verb":
        return [(tag, 0) for tag in VERB_TAGS]  # "put up" -> "puts up", "putting up"
    return []


def _index_lemmas(path: Path) -> list[str]:
    with open(path, encoding="latin-1") as handle:
        return [line.split(" ", 1)[0] for line in handle if not line.startswith("  ")]


def read_proper_shares(root: Path) -> dict[str, float]:
    """Lowercase word -> share of its WordNet senses (weighted by SemCor tag counts, plus one half
    per sense so untagged senses still count) that belong to a capitalised lemma.

    Only words with at least one capitalised lemma are listed: "october" -> 1.0, "china" -> high,
    "best" (also the physiologist Charles Best) -> low.
    """
    tag_counts = _sense_tag_counts(root / "cntlist.rev")
    capitalised: dict[str, float] = defaultdict(float)
    total: dict[str, float] = defaultdict(float)
    for file_pos in ("noun", "verb", "adj", "adv"):
        for lemma, sense_key in _data_senses(root / f"data.{file_pos}"):
            lower = lemma.lower()
            weight = tag_counts.get(sense_key, 0) + 0.5
            total[lower] += weight
            if lemma != lower:
                capitalised[lower] += weight
    return {word: capitalised[word] / total[word] for word in sorted(capitalised) if " " not in word}


def _sense_tag_counts(path: Path) -> dict[str, int]:
    """cntlist.rev lines "sense_key sense_number tag_count", keyed without the satellite head."""
    counts: dict[str, int] = defaultdict(int)
    with open(path, encoding="latin-1") as handle:
        for line in handle:
            sense_key, _, count = line.split()
            counts[_short_key(sense_key)] += int(count)
    return counts


def _short_key(sense_key: str) -> str:
    # lemma%ss_type:lex_filenum:lex_id:head_word:head_id -> lemma%ss_type:lex_filenum:lex_id
    return sense_key.rsplit(":", 2)[0]


def _data_senses(path: Path):
    """(lemma as written, short sense key) for every word of every synset in a data file."""
    with open(path, encoding="latin-1") as handle:
        for line in handle:
            if line.startswith("  "):
                continue  # licence header
            fields = line.split(" | ")[0].split()
            lex_filenum, ss_type, word_count = fields[1], fields[2], int(fields[3], 16)
            for i in range(word_count):
                raw, lex_id = fields[4 + 2 * i], int(fields[5 + 2 * i], 16)
                lemma = _strip_marker(raw).replace("_", " ")
                key = f"{lemma.lower().replace(' ', '_')}%{SS_TYPE_DIGIT[ss_type]}:{lex_filenum}:{lex_id:02d}"
                yield lemma, key


def _strip_marker(raw: str) -> str:
    return raw.split("(", 1)[0] if raw.endswith(")") else raw  # adjective markers: "galore(ip)"


def phrase_entries(thesaurus: dict[str, list[str]], zipf) -> dict[str, list[str]]:
    """Multi-word synonym -> the single words it stands for, commonest first.

    Built from the thesaurus itself, so inflections match: "muscle masses" -> "muscles".
    """
    sources: dict[str, set[str]] = defaultdict(set)
    for word, synonyms in thesaurus.items():
        for synonym in synonyms:
            if " " in synonym:
                sources[synonym].add(word)
    return {phrase: sorted(words, key=lambda w: (-zipf(w), w)) for phrase, words in sorted(sources.items())}


def word_tags(
    words: list[str], stopwords: frozenset[str], sense_counts: dict[tuple[str, str], int]
) -> dict[str, tuple[str, ...]]:
    """Surface form -> the open-class Penn tags it can take, in ``OPEN_CLASS_TAGS`` order.

    A stop word keeps a reading only when SemCor tags it often (``MIN_STOPWORD_SENSE_COUNT``):
    "back" keeps its noun (69 tagged uses), "in" loses its noun (inch, indium: almost never).
    """
    from lemminflect import getAllInflections, getAllLemmas

    result: dict[str, tuple[str, ...]] = {}
    for form in words:
        found: set[str] = set()
        for pos, lemmas in getAllLemmas(form).items():
            if pos not in ("NOUN", "VERB", "ADJ", "ADV"):
                continue
            for lemma in lemmas:
                if form in stopwords and sense_counts.get((lemma, pos), 0) < MIN_STOPWORD_SENSE_COUNT:
                    continue
                for tag, forms in getAllInflections(lemma, upos=pos).items():
                    if form in forms:
                        found.add(MERGED_TAGS.get(tag, tag))
        if "NN" in found and "NNS" in found:
            found.discard("NNS")  # mass nouns: lemminflect lists "pain" as its own plural
        if found:
            result[form] = tuple(t for t in OPEN_CLASS_TAGS if t in found)
    return result


def semcor_pos_counts(root: Path) -> dict[tuple[str, str], int]:
    """(lemma, UPOS) -> SemCor sense-tagged uses, from ``cntlist.rev``."""
    upos = {"1": "NOUN", "2": "VERB", "3": "ADJ", "4": "ADV", "5": "ADJ"}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    with open(root / "cntlist.rev", encoding="latin-1") as handle:
        for line in handle:
            sense_key, _, count = line.split()
            lemma, rest = sense_key.split("%", 1)
            counts[(lemma, upos[rest[0]])] += int(count)
    return counts


def neighbour_tag_shares(
    pairs: dict[tuple[str, str], float], stopwords: frozenset[str], tags: dict[str, tuple[str, ...]]
) -> dict[tuple[str, str], dict[str, float]]:
    """(stop word, "right"|"left") -> tag -> share of the open-class words seen on that side of it.

    ``pairs`` maps word pairs to occurrences per billion. Only words with a single possible tag
    count, so the shares are not blurred by noun/verb ambiguity ("work", "play").
    """
    mass: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (first, second), count in pairs.items():
        if first in stopwords and second not in stopwords and len(tags.get(second, ())) == 1:
            mass[(first, "right")][tags[second][0]] += count
        if second in stopwords and first not in stopwords and len(tags.get(first, ())) == 1:
            mass[(second, "left")][tags[first][0]] += count
    shares = {}
    for key in sorted(mass):
        total = sum(mass[key].values())
        if total >= MIN_CONTEXT_MASS:
            shares[key] = {tag: mass[key][tag] / total for tag in OPEN_CLASS_TAGS if mass[key][tag] > 0}
    return shares


def pair_counts(keys, values, vocab: list[tuple[str, float]], id_bits: int) -> dict[tuple[str, str], float]:
    """Word pair -> occurrences per billion, read back from the quantised table (as seoclean sees it)."""
    mask = (1 << id_bits) - 1
    return {
        (vocab[key >> id_bits][0], vocab[key & mask][0]): 10 ** (score / 10)
        for key, score in zip(keys.tolist(), values.tolist())
    }


def spacy_stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def shares_text(shares: dict[str, float]) -> str:
    return ",".join(f"{tag}:{round(share * 1000)}" for tag, share in shares.items())
