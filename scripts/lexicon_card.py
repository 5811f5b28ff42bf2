"""The card ``build_lexicon.py`` writes beside the compiled files: sizes, checksums, and the
source, version and licence of every resource."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def write_card(path: Path, files: list[Path], stats: dict[str, int]) -> None:
    rows = "\n".join(
        f"| `{f.name}` | {f.stat().st_size:,} | `{hashlib.sha256(f.read_bytes()).hexdigest()[:16]}` |" for f in files
    )
    path.write_text(
        f"""# Compiled lexicon

Built by `python scripts/build_lexicon.py` (deterministic). Do not edit by hand.

| file | bytes | sha256 (first 16) |
|---|---|---|
{rows}

| resource | source | licence | entries |
|---|---|---|---|
| `vocab.tsv.gz`: word and Zipf frequency x100 | wordfreq {_version("wordfreq")} (PyPI), English | Apache-2.0 code; data CC BY-SA 4.0 (see wordfreq's README) | {stats["vocab"]:,} |
| `bigrams.npz`: word-pair log10 frequency per billion x10 | wordsegment {_version("wordsegment")} (PyPI; Google Web 1T bigrams via P. Norvig, *Natural Language Corpus Data*) and symspellpy {_version("symspellpy")} (PyPI; Google Books Ngram bigrams intersected with SCOWL) | Apache-2.0 (wordsegment), MIT (symspellpy); Google n-gram data CC BY 3.0 | {stats["bigrams"]:,} |
| `thesaurus.tsv.gz`: surface form -> synonyms in the same inflection, made symmetric (a form is listed for each of its synonyms); multi-word synonyms -> the single words they stand for | Princeton WordNet 3.0 (Debian package `wordnet-base`), inflected with lemminflect {_version("lemminflect")} (PyPI) | WordNet 3.0 licence (permissive, BSD-style); lemminflect MIT | {stats["thesaurus"]:,} words, {stats["thesaurus_phrases"]:,} phrases |
| `compounds.tsv.gz`: two-word WordNet lemmas, with noun plurals and verb inflections | Princeton WordNet 3.0 (`wordnet-base`), lemminflect {_version("lemminflect")} | as above | {stats["compounds"]:,} |
| `proper.tsv.gz`: word and share (x1000) of its WordNet senses that are capitalised proper names, weighted by SemCor tag counts | Princeton WordNet 3.0 `data.*` and `cntlist.rev` (`wordnet-base`) | as above | {stats["proper"]:,} |
| `tags.tsv.gz`: word and the open-class Penn tags it can take (a stop word keeps a reading only if SemCor tags it 20+ times) | lemminflect {_version("lemminflect")} (PyPI); WordNet 3.0 `cntlist.rev` | MIT; WordNet licence | {stats["tags"]:,} |
| `contexts.tsv.gz`: stop word, side, and the shares (x1000) of open-class tags among its unambiguous neighbours in `bigrams.npz` | derived from the two rows above and spaCy {_version("spacy")} stop words | as the sources | {stats["contexts"]:,} |
| `stopwords.tsv.gz`: English stop words, one per line (compiled so that seoclean does not import spaCy at run time) | spaCy {_version("spacy")} `spacy.lang.en.stop_words` | MIT | {stats["stopwords"]:,} |

`spin_weights.json` in the same folder is not built here: it holds the spin detector's substitution
weights, fitted on the dataset's train split (and calibrated on its dev split) by
`python scripts/fit_spin_weights.py`; refit it after rebuilding the lexicon.
"""
    )
