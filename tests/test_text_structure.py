"""Plain-text structure: headings, paragraphs, list items and table rows read from lines, as the
same page's Markdown is read; and the generator's plain-text layouts that exercise it."""

import random
import re
from itertools import pairwise

import pytest

from seoclean.corpus.generator.convert import TextLayout, markdown_to_text, random_text_layout
from seoclean.corpus.generator.spans import Span, check_spans
from seoclean.ingest.markdown import load_markdown
from seoclean.ingest.text_structure import text_blocks


def kinds(text: str) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for start, end, kind in text_blocks(text)]


def assert_exact(text: str) -> None:
    """Blocks are in order, do not overlap, start and end on non-space, and cover every word."""
    blocks = text_blocks(text)
    for (start, end, _), (next_start, _, _) in pairwise(blocks):
        assert end <= next_start
    covered = [False] * len(text)
    for start, end, _ in blocks:
        assert text[start:end] == text[start:end].strip() and end > start
        covered[start:end] = [True] * (end - start)
    assert all(covered[i] for i, char in enumerate(text) if not char.isspace())


RECIPE = """Classic Banana Bread

A loaf that uses up the bananas going brown in the fruit bowl. It keeps for three days wrapped in foil.

Ingredients

3 ripe bananas
250 g plain flour
1 tsp bicarbonate of soda
a pinch of salt
100 g melted butter

Method

1. Heat the oven to 180C and line a loaf tin with baking paper.

2. Mash the bananas with a fork until almost smooth.

3. Stir in the butter, then fold in the flour, soda and salt.

4. Bake for 60 minutes, until a skewer comes out clean.

Leave it to cool in the tin for ten minutes before turning it out.
"""


def test_recipe_ingredient_lines_and_numbered_steps_are_list_items():
    assert kinds(RECIPE) == [
        ("heading", "Classic Banana Bread"),
        (
            "paragraph",
            "A loaf that uses up the bananas going brown in the fruit bowl. It keeps for three days wrapped in foil.",
        ),
        ("heading", "Ingredients"),
        ("list_item", "3 ripe bananas"),
        ("list_item", "250 g plain flour"),
        ("list_item", "1 tsp bicarbonate of soda"),
        ("list_item", "a pinch of salt"),
        ("list_item", "100 g melted butter"),
        ("heading", "Method"),
        ("list_item", "1. Heat the oven to 180C and line a loaf tin with baking paper."),
        ("list_item", "2. Mash the bananas with a fork until almost smooth."),
        ("list_item", "3. Stir in the butter, then fold in the flour, soda and salt."),
        ("list_item", "4. Bake for 60 minutes, until a skewer comes out clean."),
        ("paragraph", "Leave it to cool in the tin for ten minutes before turning it out."),
    ]
    assert_exact(RECIPE)


HOW_TO = """How to Bleed a Radiator

Cold patches at the top of a radiator mean air is trapped inside. Letting it out takes ten minutes.

1. Turn the heating off

A hot radiator sprays scalding water, so let the system cool for at least an hour first.

2. Open the valve

Fit the radiator key to the square valve at the top corner and turn it a quarter turn anticlockwise.

3. Close it when water appears

Once the hissing stops and water dribbles out, close the valve and wipe up the drips.

You will need:

- a radiator key

- an old cloth

- a small bowl
"""


def test_numbered_steps_over_their_own_paragraphs_are_headings_and_bullets_apart_are_items():
    read = kinds(HOW_TO)
    assert read[0] == ("heading", "How to Bleed a Radiator")
    assert [kind for kind, text in read if text[:2] in ("1.", "2.", "3.")] == ["heading"] * 3
    assert read[-3:] == [
        ("list_item", "- a radiator key"),
        ("list_item", "- an old cloth"),
        ("list_item", "- a small bowl"),
    ]
    assert ("paragraph", "You will need:") in read
    assert_exact(HOW_TO)


MENU_PAGE = """Millbrook Dental Practice

Home

Treatments

Our Team

Prices

Contact

Gentle Care for Nervous Patients

We take the time to explain every step, and you can raise a hand to pause at any moment. Most check-ups take under twenty minutes.
"""


def test_a_menu_of_short_lines_under_the_title_is_a_list_not_headings():
    read = kinds(MENU_PAGE)
    assert read[0] == ("heading", "Millbrook Dental Practice")
    assert [kind for kind, _ in read[1:6]] == ["list_item"] * 5
    assert read[6] == ("heading", "Gentle Care for Nervous Patients")
    assert read[7][0] == "paragraph" and read[7][1].endswith("under twenty minutes.")


EMAIL = """Subject: Quarterly numbers for the garden centre

Hi all,

Sales in the garden centre were up eleven per cent on last year, mostly
thanks to the bedding plants and the new compost range. The cafe did less
well: the roadworks on Mill Lane kept people away for most of August and
takings fell by a fifth.
We should decide at the next meeting whether to keep the extended opening
hours into the autumn, because staff costs rose faster than sales.

The full figures are in the attached spreadsheet, broken down by week and
by department, with the same weeks of last year alongside for comparison.
"""


def test_a_hard_wrapped_email_stays_paragraphs():
    read = kinds(EMAIL)
    assert [kind for kind, _ in read] == ["heading", "paragraph", "paragraph", "paragraph", "paragraph"]
    assert read[2][1].startswith("Sales in the garden") and read[2][1].endswith("fell by a fifth.")
    assert read[3][1].startswith("We should decide") and "\n" in read[3][1]
    assert read[4][1].endswith("for comparison.")
    assert_exact(EMAIL)


def test_a_wrapped_list_item_continues_on_indented_and_lower_case_lines():
    text = (
        "Before you start\n\n"
        "- Check that the water supply to the whole house is turned off at the stopcock under\n"
        "  the kitchen sink, and open a cold tap to drain the pipes.\n"
        "- Put down dust sheets: old radiators leak black sludge that stains carpet\n"
        "and is very hard to get out of wool.\n"
    )
    read = kinds(text)
    assert [kind for kind, _ in read] == ["heading", "list_item", "list_item"]
    assert read[1][1].endswith("drain the pipes.") and read[2][1].endswith("out of wool.")


def test_extractor_output_with_bullets_on_their_own_lines():
    # trafilatura's plain text: a bullet alone on a line, the item's text indented below it.
    text = "Warning signs\n\t\tTell-tale hints:\n-\n\t\t\tstrange processes;\n-\n\t\t\tfull disks.\n"
    read = kinds(text)
    assert [kind for kind, _ in read] == ["heading", "paragraph", "list_item", "list_item"]
    assert read[2][1].endswith("strange processes;")


def test_one_or_two_short_lines_before_a_paragraph_stay_headings():
    text = (
        "Storing Apples\n\nWhy cold matters\n\nApples keep for months at four degrees. Warmer air ripens them fast.\n"
    )
    assert [kind for kind, _ in kinds(text)] == ["heading", "heading", "paragraph"]


def test_a_list_without_bullets_then_the_next_section_on_single_lines():
    text = (
        "Packing list\nEvery walker should carry these:\nwaterproof jacket\nspare socks\nmap and compass\n"
        "Planning the route\nStart early in winter, because the light goes by four in the afternoon.\n"
    )
    assert kinds(text) == [
        ("heading", "Packing list"),
        ("paragraph", "Every walker should carry these:"),
        ("list_item", "waterproof jacket"),
        ("list_item", "spare socks"),
        ("list_item", "map and compass"),
        ("heading", "Planning the route"),
        ("paragraph", "Start early in winter, because the light goes by four in the afternoon."),
    ]


def test_question_headings_and_table_rows():
    text = (
        "Savings FAQ\n\nCan I take money out at any time?\n\nYes, withdrawals are instant and unlimited.\n\n"
        "Account | Rate\nEasy Saver | 4.10%\nFixed Bond | 4.60%\n\nIs my money protected?\n"
    )
    read = kinds(text)
    assert read[1] == ("heading", "Can I take money out at any time?")
    assert [kind for kind, _ in read[3:6]] == ["table"] * 3
    assert read[-1] == ("paragraph", "Is my money protected?")  # a closing question, not a heading


def test_a_single_separator_line_is_not_a_table():
    text = "Home | Blog | About\n\nWe write about sourdough, mostly.\n"
    assert kinds(text)[0] == ("heading", "Home | Blog | About")


MARKDOWN_PAGE = """# Caring for a Cast Iron Pan

A cast iron pan lasts a lifetime if you keep it dry and oiled. Here is how.

## What you need

- coarse salt
- a stiff brush
- vegetable oil

## Cleaning after use

Wipe out the fat while the pan is warm, then scrub with salt and hot water. Never leave it to soak.

## Seasoning

1. Rub a thin layer of oil over every surface.
2. Bake it upside down at 230C for an hour.
3. Let it cool in the oven.

Repeat whenever food starts to stick.
"""

LAYOUTS = [
    TextLayout("- "),
    TextLayout("keep", item_gap="\n\n"),
    TextLayout(""),
    TextLayout("• ", item_gap="\n\n"),
    TextLayout("", block_gap="\n"),
    TextLayout("* ", item_gap="\n\n", block_gap="\n"),
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=repr)
def test_every_text_layout_reads_with_the_markdown_page_kinds(layout):
    doc = load_markdown(MARKDOWN_PAGE)
    expected = [block.kind for block in doc.blocks]
    text = markdown_to_text(MARKDOWN_PAGE, layout=layout).text
    assert [kind for kind, _ in kinds(text)] == expected
    assert_exact(text)


def test_layouts_space_items_drop_bullets_and_keep_spans_exact():
    source = MARKDOWN_PAGE
    start = source.index("stiff brush")
    spans = [Span(start, start + len("stiff brush"), "keyword", "stiff brush")]
    out = markdown_to_text(source, layout=TextLayout("", item_gap="\n\n", block_gap="\n"))
    text = out.text
    assert "coarse salt\n\na stiff brush\n\nvegetable oil" in text
    assert "Caring for a Cast Iron Pan\nA cast iron pan" in text
    assert "1. Rub a thin layer" in text  # numbers are content, kept in every layout
    assert not re.search(r"^- ", text, re.MULTILINE)
    moved = out.move(spans, text)
    check_spans(text, moved)
    assert [span.text for span in moved] == ["stiff brush"]


def test_random_layouts_vary_with_the_seed_and_repeat_with_it():
    drawn = {random_text_layout(random.Random(seed)) for seed in range(40)}
    assert {layout.bullet for layout in drawn} == {"keep", "- ", "• ", "* ", ""}
    assert {layout.item_gap for layout in drawn} == {None, "\n\n"}
    assert {layout.block_gap for layout in drawn} == {None, "\n"}
    assert random_text_layout(random.Random(3)) == random_text_layout(random.Random(3))


def test_lines_of_code_are_one_code_block_not_headings():
    text = (
        "Building the extension\n\n"
        "Write a setup script next to the C file:\n"
        "from distutils.core import setup, Extension\n"
        "module = Extension('spam', sources=['spammodule.c'])\n"
        "setup(name='spam', ext_modules=[module])\n"
        "Then run it with the install command.\n"
    )
    read = kinds(text)
    assert [kind for kind, _ in read] == ["heading", "paragraph", "code", "paragraph"]
    assert read[2][1].startswith("from distutils") and read[2][1].endswith("ext_modules=[module])")


def test_prose_that_mentions_code_stays_prose():
    text = (
        "Inspecting objects\n\n"
        "You have gone to the trouble of creating an IPv(4|6)(Address|Network) object, so you want to\n"
        "read its attributes; the abs() function and the == operator work as usual on them too.\n"
    )
    assert [kind for kind, _ in kinds(text)] == ["heading", "paragraph"]


def test_an_indented_function_body_and_a_decorator_stay_in_the_code_block():
    text = (
        "Fixtures\n\n"
        "Fixtures provide reusable setup. Define them with a decorator:\n"
        "@pytest.fixture\n"
        "def standard_lines():\n"
        '    return [(2, "10.00"), (1, "5.00")]\n'
        "Each test that names the fixture as an argument receives a fresh copy.\n"
    )
    read = kinds(text)
    assert [kind for kind, _ in read] == ["heading", "paragraph", "code", "paragraph"]
    assert read[2][1].startswith("@pytest.fixture") and read[2][1].endswith('(1, "5.00")]')


# A reference page as trafilatura extracts it: the HTML source's own line breaks fall anywhere.
SOURCE_BROKEN = """base64 - Data Encodings
Source code: Lib/base64.py
There are two interfaces provided by this module.  The modern interface
supports encoding bytes-like objects to ASCII
bytes, and decoding bytes-like objects or
strings containing ASCII to bytes.
Optional altchars must be a bytes-like object of length 2 which
specifies an alternative alphabet for the + and / characters.
Keyword variants
cheap base64 encoder online
free base64 decoder tool
base64 converter near me
"""


def test_a_sentence_broken_across_source_lines_is_one_paragraph_and_a_lower_case_list_is_not():
    assert kinds(SOURCE_BROKEN) == [
        ("heading", "base64 - Data Encodings"),
        ("heading", "Source code: Lib/base64.py"),
        ("paragraph", SOURCE_BROKEN.split("\n", 2)[2].split("\nOptional")[0]),
        (
            "paragraph",
            (
                "Optional altchars must be a bytes-like object of length 2 which\n"
                "specifies an alternative alphabet for the + and / characters."
            ),
        ),
        ("heading", "Keyword variants"),
        ("list_item", "cheap base64 encoder online"),
        ("list_item", "free base64 decoder tool"),
        ("list_item", "base64 converter near me"),
    ]
    assert_exact(SOURCE_BROKEN)
