#!/usr/bin/env python3
"""Compile seoclean's lexical resources into compact files under ``seoclean/data/``.

Sources (all from package registries; licences recorded in ``seoclean/data/LEXICON.md``):
- word frequencies: ``wordfreq`` (PyPI) English Zipf frequencies;
- bigram counts: ``wordsegment`` (PyPI; Google Web Trillion Word Corpus bigrams, Norvig) and
  ``symspellpy`` (PyPI; Google Books Ngram bigrams intersected with SCOWL);
- thesaurus: Princeton WordNet 3.0 from Debian's ``wordnet-base`` (``apt-get install wordnet-base``),
  expanded to inflected forms with ``lemminflect`` (PyPI), without proper names, made symmetric;
  its multi-word synonyms also get entries pointing back at the single words they stand for
  ("nest egg" -> "savings"). See ``lexicon_thesaurus.py``;
- compounds and proper-name shares: WordNet's two-word lemmas and capitalised lemmas (with the
  SemCor sense-tag counts of ``cntlist.rev``);
- word tags and stop-word contexts: the Penn tags a word can take (lemminflect) and, per stop word,
  the tags of its neighbours in the bigram data. See ``lexicon_extras.py`` for these three;
- stop words: spaCy's English list, compiled so that seoclean never imports spaCy to read it
  (importing spaCy costs more than half a second of every command's start-up).

The output is deterministic: same package versions in, byte-identical files out. The large source
packages are build-time only (the ``dev`` extra); at run time seoclean reads just these files.

    python scripts/build_lexicon.py   # writes seoclean/data/*.tsv.gz, bigrams.npz and LEXICON.md
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import re
import sys
from pathlib import Path

import numpy as np
from lexicon_card import write_card
from lexicon_extras import (
    neighbour_tag_shares,
    pair_counts,
    phrase_entries,
    read_compounds,
    read_proper_shares,
    semcor_pos_counts,
    shares_text,
    spacy_stopwords,
    word_tags,
)
from lexicon_thesaurus import build_thesaurus, read_wordnet

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "seoclean" / "data"
WORDNET_DIR = Path("/usr/share/wordnet")

VOCAB_SIZE = 150_000  # most frequent English words kept (wordfreq order)
ID_BITS = 20  # bigram key = id1 << ID_BITS | id2; 2**20 > VOCAB_SIZE
WORD_RE = re.compile(r"^[a-z][a-z'\-]*$")
GOOGLE_WEB_TOKENS = 1_024_908_267_229  # total of the Web 1T corpus that wordsegment's counts come from


# --- word frequencies ------------------------------------------------------------------------
def build_vocab() -> list[tuple[str, float]]:
    from wordfreq import top_n_list, zipf_frequency

    vocab = []
    for word in top_n_list("en", VOCAB_SIZE * 2):
        if WORD_RE.match(word):
            vocab.append((word, zipf_frequency(word, "en")))
        if len(vocab) == VOCAB_SIZE:
            break
    return vocab


# --- bigrams ---------------------------------------------------------------------------------
def _read_counts(path: Path, sep: str | None) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split(sep) if sep else line.split()
            if len(parts) != 3 and not (sep == "\t" and len(parts) == 2):
                continue
            if sep == "\t":
                pair, count = parts[0].split(), parts[1]
            else:
                pair, count = parts[:2], parts[2]
            if len(pair) != 2:
                continue
            key = (pair[0].lower(), pair[1].lower())
            counts[key] = max(counts.get(key, 0), int(count))
    return counts


def _per_billion_log(counts: dict[tuple[str, str], int], total: float) -> dict[tuple[str, str], float]:
    return {pair: math.log10(count / total * 1e9) for pair, count in counts.items() if count > 0}


def build_bigrams(word_ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Bigram scores on a Zipf-like scale: log10 of occurrences per billion word pairs."""
    import symspellpy
    import wordsegment

    web = _read_counts(Path(wordsegment.__file__).parent / "bigrams.txt", "\t")
    books = _read_counts(Path(symspellpy.__file__).parent / "frequency_bigramdictionary_en_243_342.txt", None)
    web_log = _per_billion_log(web, GOOGLE_WEB_TOKENS)
    # The books counts are summed over publication years with an unknown total; put them on the
    # web scale by the median log-ratio over the pairs both sources share.
    shared = [math.log10(books[p]) - web_log[p] for p in books.keys() & web_log.keys()]
    offset = float(np.median(shared))
    books_log = {pair: math.log10(count) - offset for pair, count in books.items()}
    scores: dict[int, int] = {}
    for source in (web_log, books_log):
        for (w1, w2), score in source.items():
            id1, id2 = word_ids.get(w1), word_ids.get(w2)
            if id1 is None or id2 is None:
                continue
            key = (id1 << ID_BITS) | id2
            quantised = min(255, max(1, round(score * 10)))
            scores[key] = max(scores.get(key, 0), quantised)
    keys = np.array(sorted(scores), dtype=np.uint64)
    values = np.array([scores[int(k)] for k in keys], dtype=np.uint8)
    return keys, values


# --- output ----------------------------------------------------------------------------------
def _write_gzip_text(path: Path, lines: list[str]) -> None:
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write(raw)
    path.write_bytes(buffer.getvalue())


def _write_bigrams(path: Path, keys: np.ndarray, values: np.ndarray) -> None:
    # Sorted keys delta-coded: small gaps compress far better than raw 64-bit keys.
    deltas = np.diff(keys, prepend=np.uint64(0))
    buffer = io.BytesIO()
    np.savez_compressed(buffer, key_deltas=deltas, scores=values, id_bits=np.array([ID_BITS]))
    path.write_bytes(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: seoclean/data)")
    parser.add_argument(
        "--wordnet", type=Path, default=WORDNET_DIR, help="WordNet 3.0 dict folder (Debian: wordnet-base)"
    )
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.noun").exists():
        print(
            f"error: no WordNet database in {args.wordnet}; install it with `apt-get install wordnet-base`",
            file=sys.stderr,
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)

    vocab = build_vocab()
    word_ids = {word: i for i, (word, _) in enumerate(vocab)}
    keys, values = build_bigrams(word_ids)
    thesaurus = build_thesaurus(vocab, read_wordnet(args.wordnet))
    zipfs = dict(vocab)
    phrases = phrase_entries(thesaurus, lambda word: zipfs.get(word, 0.0))
    compounds = read_compounds(args.wordnet, set(word_ids))
    proper = read_proper_shares(args.wordnet)
    stopwords = spacy_stopwords()
    tags = word_tags([word for word, _ in vocab], stopwords, semcor_pos_counts(args.wordnet))
    contexts = neighbour_tag_shares(pair_counts(keys, values, vocab, ID_BITS), stopwords, tags)

    paths = {
        name: args.out / f"{name}.tsv.gz"
        for name in ("vocab", "thesaurus", "compounds", "proper", "tags", "contexts", "stopwords")
    }
    bigram_path = args.out / "bigrams.npz"
    _write_gzip_text(paths["vocab"], [f"{w}\t{round(z * 100)}" for w, z in vocab])
    _write_bigrams(bigram_path, keys, values)
    entries = sorted(thesaurus.items()) + sorted(phrases.items())
    _write_gzip_text(paths["thesaurus"], [f"{w}\t{'|'.join(s)}" for w, s in entries])
    _write_gzip_text(paths["compounds"], compounds)
    _write_gzip_text(paths["proper"], [f"{w}\t{round(share * 1000)}" for w, share in proper.items()])
    _write_gzip_text(paths["tags"], [f"{w}\t{','.join(t)}" for w, t in sorted(tags.items())])
    _write_gzip_text(paths["contexts"], [f"{w}\t{side}\t{shares_text(s)}" for (w, side), s in contexts.items()])
    _write_gzip_text(paths["stopwords"], sorted(stopwords))
    stats = {
        "vocab": len(vocab),
        "bigrams": len(keys),
        "thesaurus": len(thesaurus),
        "thesaurus_phrases": len(phrases),
        "compounds": len(compounds),
        "proper": len(proper),
        "tags": len(tags),
        "contexts": len(contexts),
        "stopwords": len(stopwords),
    }
    rest = ("thesaurus", "compounds", "proper", "tags", "contexts", "stopwords")
    files = [paths["vocab"], bigram_path] + [paths[n] for n in rest]
    write_card(args.out / "LEXICON.md", files, stats)
    print(f"wrote {args.out}: " + ", ".join(f"{k} {v:,}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
