"""Stock sentences a templated page builds around its keyphrase (SEO102 from the page detector):
deleted by ``clean``; the article's own sentences, and honest articles that name their topic in
the title, the headings and the body, are left alone."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.template_phrase import _holds, template_phrase_findings, templated_phrase
from seoclean.ingest import load_text
from seoclean.lexicon import get_lexicon
from seoclean.rewrite.api import clean

# An article about kettlebell swings forced into a template around "how to find kettlebell swing".
DOORWAY_ARTICLE = """# How To Find Kettlebell Swing - The Full Picture

The two-handed kettlebell swing is one of the best exercises there is. How To Find Kettlebell Swing helps you stay ahead of the competition. It trains your glutes, hamstrings, core and grip, and it gets your heart pumping. How To Find Kettlebell Swing is a topic that deserves careful attention. The problem is almost always the same: people squat it or lift it with their arms instead of hinging at the hips.

## Is How To Find Kettlebell Swing Worth It?

Most women start with a light bell and most men with a slightly heavier one. It should feel a little heavy to deadlift from the floor. Too light and you will end up muscling it with your shoulders.

## Step by step (How To Find Kettlebell Swing)

When it comes to How To Find Kettlebell Swing, stand with your feet a bit wider than hip width. Push your hips back, keep your back flat and grab the handle with both hands. Drive your hips forward hard and stand up tall.

## Try this for How To Find Kettlebell Swing

Start with ten swings, rest a minute, and repeat for five rounds. Read on to learn why How To Find Kettlebell Swing is so popular. Stop when your form slips.
"""

CLEANED = """# How To Find Kettlebell Swing - The Full Picture

The two-handed kettlebell swing is one of the best exercises there is. It trains your glutes, hamstrings, core and grip, and it gets your heart pumping. The problem is almost always the same: people squat it or lift it with their arms instead of hinging at the hips.

## Is How To Find Kettlebell Swing Worth It?

Most women start with a light bell and most men with a slightly heavier one. It should feel a little heavy to deadlift from the floor. Too light and you will end up muscling it with your shoulders.

## Step by step (How To Find Kettlebell Swing)

Stand with your feet a bit wider than hip width. Push your hips back, keep your back flat and grab the handle with both hands. Drive your hips forward hard and stand up tall.

## Try this for How To Find Kettlebell Swing

Start with ten swings, rest a minute, and repeat for five rounds. Stop when your form slips.
"""

# An honest article that names its topic in the title, its subheadings and its sentences.
TOPIC_ARTICLE = """# Memory foam pillow buying guide

A memory foam pillow moulds to the shape of your head and neck as it warms up, then slowly springs back. Side sleepers usually want a higher loft than back sleepers.

## Solid or shredded memory foam pillow?

A solid memory foam pillow is a single moulded block. A shredded one is filled with loose pieces you can add or remove to change the height.

## Caring for a memory foam pillow

Never put a memory foam pillow in the washing machine: wash the cover instead and air the foam on a dry day. Most last about three years.

## Is a memory foam pillow worth it?

If you wake with a stiff neck, a memory foam pillow that keeps your spine straight is worth trying, and most shops offer a trial of thirty nights.
"""


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(model=None)


def _findings(text: str) -> list[str]:
    doc = load_text(text, format="markdown")
    return [f.text for f in template_phrase_findings(doc, get_lexicon().stopwords)]


def test_the_title_phrase_of_a_template_is_found() -> None:
    doc = load_text(DOORWAY_ARTICLE, format="markdown")
    phrase = templated_phrase(doc, get_lexicon().stopwords)
    assert phrase == ("how", "to", "find", "kettlebell", "swing")


def test_stock_sentences_and_lead_ins_are_reported_and_the_article_kept() -> None:
    assert _findings(DOORWAY_ARTICLE) == [
        "How To Find Kettlebell Swing helps you stay ahead of the competition.",
        "How To Find Kettlebell Swing is a topic that deserves careful attention.",
        "When it comes to How To Find Kettlebell Swing, ",
        "Read on to learn why How To Find Kettlebell Swing is so popular.",
    ]


def test_clean_deletes_the_template_sentences(analyzer: Analyzer) -> None:
    result = clean(DOORWAY_ARTICLE, format="markdown", analyzer=analyzer)
    assert result.text == CLEANED
    assert {edit.rule for edit in result.edits} == {"SEO102"}


def test_a_sentence_of_the_article_with_the_phrase_bolted_on_loses_only_the_bolt() -> None:
    page = DOORWAY_ARTICLE.replace(
        "Stop when your form slips.",
        "Stop as soon as your form slips and your lower back starts rounding when you are dealing with "
        "How To Find Kettlebell Swing.",
    )
    assert " when you are dealing with How To Find Kettlebell Swing" in _findings(page)


def test_an_article_naming_its_topic_everywhere_is_left_alone(analyzer: Analyzer) -> None:
    assert _findings(TOPIC_ARTICLE) == []
    assert not clean(TOPIC_ARTICLE, format="markdown", analyzer=analyzer).edits


def test_one_stock_looking_sentence_is_not_enough() -> None:
    page = DOORWAY_ARTICLE.replace(
        " How To Find Kettlebell Swing helps you stay ahead of the competition.", ""
    ).replace(" How To Find Kettlebell Swing is a topic that deserves careful attention.", "")
    page = page.replace("When it comes to How To Find Kettlebell Swing, stand", "Stand")
    assert _findings(page) == []


@pytest.mark.parametrize(
    ("words", "phrase", "expected"),
    [
        ("you can find kettlebell swing classes", ("kettlebell", "swing"), True),
        ("a kettlebell and a swing", ("kettlebell", "swing"), False),
        ("swing the kettlebell then swing", ("kettlebell", "swing"), False),
        ("kettlebell kettlebell swing", ("kettlebell", "swing"), True),  # second occurrence
        ("kettlebell", ("kettlebell", "swing"), False),  # shorter than the phrase
        ("the end is a kettlebell swing", ("kettlebell", "swing"), True),  # at the very end
    ],
)
def test_holds_finds_the_phrase_as_a_run_of_words(words, phrase, expected):
    assert _holds(words.split(), phrase) is expected
