"""Keyphrases planted on a page that shows no other stuffing: one query standing as the heading
of two sections (``family_proof.tagged_queries_vary_a_topic``), and one Title Case run without a
search word pasted into three sentences (``capital_pastes``). An honest shop page that repeats a
delivery heading, and an article that names a product in capitals, come back unchanged."""

from __future__ import annotations

from seoclean.rewrite.api import clean


def deleted(text: str) -> list[str]:
    result = clean(text, format="markdown")
    return [result.baseline[e.start : e.end].strip() for e in result.edits if e.rule.startswith("SEO1")]


MULCH = """\
# Mulch, explained

Mulch is any layer you spread over bare soil. It keeps moisture in, smothers weeds and, if it is
organic, feeds the soil as it breaks down.

## Organic mulch

Bark, leaf mould, garden compost and well-rotted manure all count. Spread them five to eight
centimetres deep and keep them clear of stems and trunks.

## Affordable Mulch Open Now

Grass clippings work too, in thin layers, so they do not turn slimy.

## Inorganic mulch

Gravel, slate and landscape fabric do not break down. They suit paths and dry gardens, and they
last for years, but they add nothing to the soil.

## Affordable Mulch Open Now

Mulch in late spring, when the soil is moist and has warmed up, and top it up every autumn.
"""

SHOP = """\
# Oak bedside table

Solid oak, oiled by hand, with one drawer and an open shelf.

## Delivery in the UK

Free shipping on orders over £50. We deliver in five working days.

## Care

Wipe with a dry cloth. Re-oil once a year with the oil in the box.

## Delivery in the UK

Orders placed before noon leave the workshop the next day.
"""

FLOPPY = """\
# A love letter to the floppy disk

My father kept a shoebox of floppy disks in the loft. I found it last winter, labels and all.

It got me thinking Floppy Disk Times Company about how strange and wonderful these things were.
The first floppy disk was eight inches across and held less than a page of a modern e-mail.

The 3.5-inch disk, popularised by Sony in the 1980s, came in a rigid plastic shell with a metal
shutter that slid back when you pushed it into the drive. Each floppy disk held 1.44 megabytes,
and we thought Floppy Disk Times Company about that as a lot.

Anyone who used them remembers copying a game across twenty-odd disks and getting an
error Floppy Disk Times Company on disk seventeen. A floppy disk failed often, and quietly.
"""

TUTOR = """\
# Our year with a maths tutor

Our son struggled with maths in year ten, so we hired a tutor from Bright Sparks Tutoring, a
small agency in town.

The first session was an assessment. The tutor found the gaps quickly, and joined Bright Sparks
Tutoring sessions to the topics he was covering at school each week.

By the spring his marks had gone up, and he asked to keep going. We recommended Bright Sparks
Tutoring to two other families, and both were happy with the tutor they got.
"""


def test_one_query_heading_two_sections_on_an_otherwise_honest_page_is_deleted():
    assert deleted(MULCH) == ["## Affordable Mulch Open Now"] * 2


def test_a_shop_page_repeating_a_delivery_heading_is_kept():
    assert deleted(SHOP) == []


def test_a_title_case_run_pasted_into_three_sentences_is_deleted():
    assert deleted(FLOPPY) == ["Floppy Disk Times Company"] * 3


def test_a_name_written_in_capitals_where_the_sentence_needs_it_is_kept():
    assert deleted(TUTOR) == []
