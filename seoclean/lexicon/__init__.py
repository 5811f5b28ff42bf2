"""Lexical resources compiled by ``scripts/build_lexicon.py``: word frequencies, bigram
frequencies, a thesaurus, WordNet's two-word compounds and proper-name shares, the tags a word can
take and the tags stop words take as neighbours, and spaCy's stop words (compiled, so spaCy is
never imported at run time).

Nothing is read at import time. ``get_lexicon()`` loads the files once per process, on first use,
and every document of a run shares them. Each part loads on its own first use, so a detector that
never asks for synonyms never pays for the thesaurus.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import cache, cached_property
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class Lexicon:
    """Read-only lookups over the compiled resources. All words are lowercase."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.data_dir = data_dir

    def _open(self, name: str):
        path = self.data_dir / name
        if not path.exists():
            raise FileNotFoundError(
                f"seoclean's lexicon file {path} is missing; rebuild it with `python scripts/build_lexicon.py`"
            )
        return path

    @cached_property
    def _vocab(self) -> tuple[dict[str, int], list[float]]:
        # One split of the whole file instead of a loop over 150,000 lines: half the time, and
        # every command pays it at start-up.
        with gzip.open(self._open("vocab.tsv.gz"), "rt", encoding="utf-8") as handle:
            fields = handle.read().replace("\t", "\n").split("\n")
        words, zipfs = fields[0:-1:2], fields[1::2]
        return dict(zip(words, range(len(words)))), [int(zipf) / 100 for zipf in zipfs]

    @cached_property
    def _bigrams(self) -> tuple[dict[int, int], int]:
        import numpy as np

        with np.load(self._open("bigrams.npz")) as data:
            keys = np.cumsum(data["key_deltas"], dtype=np.uint64)
            scores = data["scores"]
            id_bits = int(data["id_bits"][0])
            # A plain dict: a lookup is ~50 ns, and detectors make a few per word.
            return dict(zip(keys.tolist(), scores.tolist())), id_bits

    @cached_property
    def _thesaurus(self) -> dict[str, tuple[str, ...]]:
        entries: dict[str, tuple[str, ...]] = {}
        with gzip.open(self._open("thesaurus.tsv.gz"), "rt", encoding="utf-8") as handle:
            for line in handle:
                word, synonyms = line.rstrip("\n").split("\t")
                entries[word] = tuple(synonyms.split("|"))
        return entries

    @cached_property
    def _phrase_starts(self) -> frozenset[str]:
        """The first word and the first two words of every multi-word thesaurus entry."""
        starts = set()
        for key in self._thesaurus:
            words = key.split(" ")
            if len(words) > 1:
                starts.update((words[0], " ".join(words[:2])))
        return frozenset(starts)

    @cached_property
    def _compounds(self) -> frozenset[str]:
        with gzip.open(self._open("compounds.tsv.gz"), "rt", encoding="utf-8") as handle:
            return frozenset(line.rstrip("\n") for line in handle)

    @cached_property
    def _proper(self) -> dict[str, float]:
        shares: dict[str, float] = {}
        with gzip.open(self._open("proper.tsv.gz"), "rt", encoding="utf-8") as handle:
            for line in handle:
                word, share = line.rstrip("\n").split("\t")
                shares[word] = int(share) / 1000
        return shares

    @cached_property
    def _tags(self) -> dict[str, tuple[str, ...]]:
        with gzip.open(self._open("tags.tsv.gz"), "rt", encoding="utf-8") as handle:
            return {word: tuple(tags.split(",")) for word, tags in (line.rstrip("\n").split("\t") for line in handle)}

    @cached_property
    def _contexts(self) -> dict[tuple[str, str], dict[str, float]]:
        contexts: dict[tuple[str, str], dict[str, float]] = {}
        with gzip.open(self._open("contexts.tsv.gz"), "rt", encoding="utf-8") as handle:
            for line in handle:
                word, side, shares = line.rstrip("\n").split("\t")
                pairs = (item.split(":") for item in shares.split(","))
                contexts[(word, side)] = {tag: int(share) / 1000 for tag, share in pairs}
        return contexts

    @cached_property
    def stopwords(self) -> frozenset[str]:
        # spaCy's list, compiled at build time: importing spaCy would cost ~0.5 s of every start-up.
        with gzip.open(self._open("stopwords.tsv.gz"), "rt", encoding="utf-8") as handle:
            return frozenset(line.rstrip("\n") for line in handle)

    # -- lookups ---------------------------------------------------------------------------
    def word_id(self, word: str) -> int | None:
        return self._vocab[0].get(word)

    def zipf(self, word: str) -> float:
        """wordfreq Zipf frequency (log10 per billion words); 0.0 for unknown words."""
        ids, zipfs = self._vocab
        index = ids.get(word)
        return zipfs[index] if index is not None else 0.0

    def bigram(self, first: str, second: str) -> float:
        """log10 occurrences per billion word pairs in Google web/books data; 0.0 when the pair is
        not in the data (which keeps only frequent pairs: seen pairs score about 2 and up)."""
        ids = self._vocab[0]
        a, b = ids.get(first), ids.get(second)
        if a is None or b is None:
            return 0.0
        table, id_bits = self._bigrams
        return table.get((a << id_bits) | b, 0) / 10

    def vocabulary_ids(self) -> dict[str, int]:
        """word -> id for hot loops (read only): the ids ``bigram_table`` keys are built from."""
        return self._vocab[0]

    def vocabulary_zipfs(self) -> list[float]:
        """Zipf frequency by word id, for hot loops (read only)."""
        return self._vocab[1]

    def bigram_table(self) -> tuple[dict[int, int], int]:
        """The raw bigram table for hot loops: ``table.get(id1 << id_bits | id2, 0) / 10`` equals
        ``bigram(w1, w2)`` where ``id1``/``id2`` come from ``word_id``."""
        return self._bigrams

    def synonyms(self, word: str) -> tuple[str, ...]:
        """Thesaurus synonyms in the same inflection, commonest first (may include phrases).

        A multi-word synonym is also a key: ``synonyms("muscle mass")`` lists the single words it
        stands for in the thesaurus ("muscle", ...), which is how spinners came to write it."""
        return self._thesaurus.get(word, ())

    def thesaurus_entries(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        """Every (word or phrase, its ``synonyms``) of the thesaurus, for reverse indexes (read only)."""
        return self._thesaurus.items()

    def starts_phrase(self, words: str) -> bool:
        """True when some multi-word thesaurus entry starts with ``words`` (one word, or two joined
        by a space): a cheap test before building longer phrases to look up."""
        return words in self._phrase_starts

    def phrase_starts(self) -> frozenset[str]:
        """Every ``starts_phrase`` key at once, for hot loops (read only)."""
        return self._phrase_starts

    def compound(self, first: str, second: str) -> bool:
        """True when "first second" is a WordNet two-word lemma or its inflection ("cover letters",
        "puts up"): a fixed phrase even where the bigram data, which keeps only frequent pairs, lacks it."""
        return f"{first} {second}" in self._compounds

    def proper_share(self, word: str) -> float:
        """Share (0..1) of the word's WordNet senses, weighted by SemCor tag counts, that are
        capitalised proper names: "october" 1.0, "china" ~0.5, "best" ~0.0; 0.0 when WordNet has no
        capitalised lemma for it."""
        return self._proper.get(word, 0.0)

    def tags(self, word: str) -> tuple[str, ...]:
        """Open-class Penn tags the form can take ("leaves" -> NNS, VBZ; VBP is folded into VB);
        () for closed-class and unknown words."""
        return self._tags.get(word, ())

    def neighbour_tags(self, stopword: str, side: str) -> dict[str, float]:
        """Shares of open-class tags among the words seen right after (``side="right"``) or right
        before (``side="left"``) a stop word in the bigram data, counting only words with a single
        possible tag: after "the", NN 0.68 and VBZ about 0. {} when the data is too thin."""
        return self._contexts.get((stopword, side), {})

    def is_stopword(self, word: str) -> bool:
        return word in self.stopwords

    def known(self, word: str) -> bool:
        return word in self._vocab[0]

    def warm_up(self) -> Lexicon:
        """Load every part now (batch workers call this once before their first document)."""
        _ = self._vocab, self._bigrams, self._thesaurus, self._compounds, self._proper, self._tags, self._contexts
        _ = self.stopwords
        return self


@cache
def get_lexicon() -> Lexicon:
    """The process-wide lexicon, created on first use."""
    return Lexicon()


__all__ = ["Lexicon", "get_lexicon"]
