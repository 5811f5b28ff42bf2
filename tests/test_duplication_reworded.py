"""Short paragraphs pasted again with words swapped for synonyms are near-copies (SEO404); sibling
sentences of a reference page, which swap names, are not."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.duplication import DuplicationDetector
from seoclean.detectors.reworded_copies import synonym_swaps
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean

TUTORIAL = """\
# Argparse tutorial

This tutorial is intended to be a gentle introduction to argparse, the recommended command-line
parsing module in the Python standard library.

Let us start with a very simple example which does (practically) nothing:

```
import argparse
parser = argparse.ArgumentParser()
parser.parse_args()
```

Running the script without any options results in nothing displayed to stdout. Not that useful.

The help option, which can also be shortened to -h, is the only option we get for free.
"""

# A reference page: sibling entries described in one mould, with the names changed.
CONSTANTS = """\
# zipfile constants

zipfile.ZIP_DEFLATED

The numeric constant for the usual ZIP compression method. This requires the zlib module to be installed.

zipfile.ZIP_BZIP2

The numeric constant for the BZIP2 compression method. This requires the bz2 module to be installed.

zipfile.ZIP_LZMA

The numeric constant for the LZMA compression method. This requires the lzma module to be installed.
"""


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def test_a_short_paragraph_pasted_with_synonyms_swapped_in_is_deleted(analyzer):
    copy = "Let us commence with a extremely simple example which does (practically) nothing:"
    spam = TUTORIAL.replace("Not that useful.\n", f"Not that useful.\n\n{copy}\n")
    findings = [f for f in DuplicationDetector().detect(load_text(spam, format="markdown")).findings]
    assert [(f.rule, f.text) for f in findings] == [("SEO404", copy)]
    assert "synonyms" in findings[0].message and findings[0].evidence["first_line"] == 6
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert result.text == TUTORIAL
    assert clean(TUTORIAL, format="markdown", analyzer=analyzer).edits == ()


def test_sibling_entries_that_swap_names_are_no_reworded_copies(analyzer):
    doc = load_text(CONSTANTS, format="markdown")
    assert [f for f in DuplicationDetector().detect(doc).findings if f.rule == "SEO404"] == []
    assert clean(CONSTANTS, format="markdown", analyzer=analyzer).edits == ()


def test_only_short_swaps_with_a_synonym_among_them_make_a_reworded_copy():
    words = _words("let us start with a very simple example which does practically nothing")
    swapped = _words("let us commence with a extremely simple example which does practically nothing")
    assert synonym_swaps(words, swapped) == pytest.approx(10 / 12)
    renamed = _words("let us finish with a quite simple example which does practically nothing")
    assert synonym_swaps(words, renamed) is None  # "finish" is no synonym of "start"
    one = _words("let us commence with a very simple example which does practically nothing")
    assert synonym_swaps(words, one) is None  # one word varied: a writer's, not a spinner's
    dropped = words[:4] + words[8:]
    assert synonym_swaps(words, dropped) is None  # words dropped, none swapped
