"""The document model: offsets, line/column, words, sentences, Markdown blocks and masking."""

from seoclean.document import Document, LineIndex
from seoclean.ingest.markdown import load_markdown


def test_line_index_maps_offsets_to_one_based_line_and_column():
    text = "first line\nsecond line\n\nfourth"
    index = LineIndex(text)
    assert index.line_col(0) == (1, 1)
    assert index.line_col(text.index("second")) == (2, 1)
    assert index.line_col(text.index("line", 12)) == (2, 8)
    assert index.line_col(text.index("fourth")) == (4, 1)


def test_words_keep_contractions_hyphens_and_offsets():
    doc = Document("Don't skip the warm-up: it's 5 minutes.")
    assert [w.text for w in doc.words] == ["Don't", "skip", "the", "warm-up", "it's", "5", "minutes"]
    for word in doc.words:
        assert doc.text[word.start : word.end] == word.text


def test_sentences_split_on_punctuation_and_block_boundaries():
    doc = Document("Why it happens\n\nRunners tire. Their backs ache! Do they stop? Rarely")
    sentences = [doc.text[s.start : s.end] for s in doc.sentences]
    assert sentences == ["Why it happens", "Runners tire.", "Their backs ache!", "Do they stop?", "Rarely"]
    assert doc.blocks[0].kind == "heading"


MARKDOWN = """---
title: Back pain
keyphrase: lower back pain
---
# Lower back pain

Read [our guide](https://example.com/lower-back-pain-guide) and run `stretch --daily` now.

```
lower back pain lower back pain
```
"""


def test_markdown_front_matter_code_and_link_targets_are_not_prose():
    doc = load_markdown(MARKDOWN)
    assert doc.front_matter == {"title": "Back pain", "keyphrase": "lower back pain"}
    assert [b.kind for b in doc.blocks] == ["front_matter", "heading", "paragraph", "code"]
    words = [w.lower for w in doc.words]
    assert words == ["lower", "back", "pain", "read", "our", "guide", "and", "run", "now"]
    heading = doc.blocks[1]
    assert doc.position(heading.start) == (5, 1)


def test_markdown_list_items_and_quotes_have_their_own_kinds():
    doc = load_markdown("- one item here\n- two items here\n\n> quoted words\n")
    assert [b.kind for b in doc.blocks] == ["list_item", "list_item", "quote"]
