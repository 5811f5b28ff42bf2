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


PASTED_PAGE = """Five Houseplants That Survive Neglect

Snake plant

Needs water once a month and tolerates a dark corner. It is the plant to buy first.

Also easy to keep:

- ZZ plant

- pothos

- spider plant
"""


def test_plain_text_list_items_apart_are_list_items_with_exact_offsets():
    doc = Document(PASTED_PAGE)
    kinds = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert kinds == [
        ("heading", "Five Houseplants That Survive Neglect"),
        ("heading", "Snake plant"),
        ("paragraph", "Needs water once a month and tolerates a dark corner. It is the plant to buy first."),
        ("paragraph", "Also easy to keep:"),
        ("list_item", "- ZZ plant"),
        ("list_item", "- pothos"),
        ("list_item", "- spider plant"),
    ]
    pothos = next(w for w in doc.words if w.text == "pothos")
    assert doc.blocks[pothos.block].kind == "list_item"
    assert doc.position(pothos.start) == (11, 3)


def test_plain_text_hard_wrapped_paragraph_is_one_block():
    text = (
        "The allotment committee met on Tuesday and agreed to raise the annual rent\n"
        "by five pounds, the first rise in six years. Water charges stay the same.\n"
    )
    doc = Document(text)
    assert [b.kind for b in doc.blocks] == ["paragraph"]
    assert (doc.blocks[0].start, doc.blocks[0].end) == (0, len(text) - 1)
