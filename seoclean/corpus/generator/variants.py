"""What the rows of one clean source are, and how each is made.

Per source: three clean rows (the article as it is; wrapped in ordinary site chrome; once more in
another format) and four spam variants drawn from the spam recipes below; then three rows of page
kinds built around the article: a templated doorway page on its topic (local, guide or article
flavour), a comment thread with comment spam, and a thread of genuine comments (a hard negative).
Articles plainly about one topic get one more clean row with their sections headed by that topic
(``sources.topic_headed``), the honest counterpart of a guide doorway page. Format (Markdown, text,
HTML), chrome and front matter are drawn the same way for clean and spam rows, so that none of
them gives the label away.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from seoclean.corpus.generator import boilerplate, chrome, comments, doorway, duplication, mashup, spinner, stuffer
from seoclean.corpus.generator.keyphrases import topic_core
from seoclean.corpus.generator.page import Wrapper
from seoclean.corpus.generator.render import render
from seoclean.corpus.generator.thesaurus import Thesaurus
from seoclean.corpus.pools import read_pool
from seoclean.corpus.sources import HARD_NEGATIVE_STRUCTURES, CleanSource, topic_headed

# Spam recipes and their weights. "boilerplate" alone is kept small: a clean article re-posted
# on a spam platform is spam by where it is, not by its words (see the data card).
SPAM_WEIGHTS = {
    "spin": 0.24,
    "stuffing": 0.16,
    "boilerplate+stuffing": 0.11,
    "duplication": 0.13,
    "mashup": 0.10,
    "combined": 0.22,
    "boilerplate": 0.04,
}
FORMAT_WEIGHTS = {"markdown": 0.5, "text": 0.25, "html": 0.25}
CLEAN_VARIANTS = 3
SPAM_VARIANTS = 4
# Rows after the article's variants: pages built around its topic rather than edited from it.
PAGE_RECIPES = ("doorway", "comment-spam", "clean+comments")
TOPIC_HEADINGS = "clean+topic-headings"  # the optional last row, see topic_headings()
SPAM_CHROME_RATE = 0.3  # spam sites have navigation and share buttons too
TOPIC_REPEAT_DENSITY = 0.03  # title keyphrase words / all words, for the topic-repeat hard negatives


@dataclass(frozen=True, slots=True)
class Context:
    """What variants need beyond their own source: the thesaurus and the other sources of the
    same split (mash-up donors, related-article titles)."""

    thesaurus: Thesaurus
    split_sources: tuple[CleanSource, ...]


def clean_kind(source: CleanSource) -> str:
    if source.structure in HARD_NEGATIVE_STRUCTURES:
        return f"hard-negative:{source.structure}"
    core = topic_core(source.title, source.body)
    count = len(re.findall(rf"\b{re.escape(core)}\b", source.body.lower()))
    if count * len(core.split()) / max(1, source.n_words) >= TOPIC_REPEAT_DENSITY:
        return "hard-negative:topic-repeat"
    return "clean"


def plan(source: CleanSource, seed: int) -> list[tuple[str, str]]:
    """(recipe, format) of a source's rows: ``clean``, ``clean+chrome``, ``clean`` again in another
    format than the first, then the spam variants."""
    rng = random.Random(f"{seed}:plan:{source.source_id}")
    formats, format_weights = zip(*FORMAT_WEIGHTS.items())
    recipes = ["clean", "clean+chrome", "clean"]
    kinds, weights = zip(*SPAM_WEIGHTS.items())
    while len(recipes) < CLEAN_VARIANTS + SPAM_VARIANTS:
        kind = rng.choices(kinds, weights)[0]
        if recipes.count(kind) < (2 if kind == "spin" else 1):
            recipes.append(kind)
    rows = [(recipe, rng.choices(formats, format_weights)[0]) for recipe in recipes[:2]]
    others = [f for f in formats if f != rows[0][1]]
    rows.append(("clean", rng.choices(others, [FORMAT_WEIGHTS[f] for f in others])[0]))
    spam_weights = [clean_format_shares()[f] for f in formats]
    rows += [(recipe, rng.choices(formats, spam_weights)[0]) for recipe in recipes[3:]]
    page_rng = random.Random(f"{seed}:pages:{source.source_id}")  # its own stream: rows 0-6 stay as they were
    rows += [(recipe, page_rng.choices(formats, spam_weights)[0]) for recipe in PAGE_RECIPES]
    if topic_headings(source, seed) is not None:
        rng = random.Random(f"{seed}:topic-headings:{source.source_id}")
        rows.append((TOPIC_HEADINGS, rng.choices(formats, spam_weights)[0]))
    return rows


def topic_headings(source: CleanSource, seed: int) -> CleanSource | None:
    """The source with its sections headed by its topic, if it is plainly about one (else None)."""
    rng = random.Random(f"{seed}:headed:{source.source_id}")
    return topic_headed(source, topic_core(source.title, source.body), rng)


def doorway_flavour(source: CleanSource, seed: int) -> str:
    """Drawn on its own stream, so the flavours' shares can change without moving other draws."""
    rng = random.Random(f"{seed}:doorway-flavour:{source.source_id}")
    return doorway.draw_flavour(rng)


def clean_format_shares() -> dict[str, float]:
    """Expected format shares of the clean rows (two drawn from FORMAT_WEIGHTS, the third forced
    to differ from the first). Spam rows use the same shares, so format says nothing about label."""
    shares = {f: 2 * w for f, w in FORMAT_WEIGHTS.items()}
    for first, w_first in FORMAT_WEIGHTS.items():
        rest = sum(w for f, w in FORMAT_WEIGHTS.items() if f != first)
        for other, w_other in FORMAT_WEIGHTS.items():
            if other != first:
                shares[other] += w_first * w_other / rest
    return {f: share / 3 for f, share in shares.items()}


def make_row(source: CleanSource, index: int, recipe: str, fmt: str, split: str, context: Context, seed: int) -> dict:
    """One dataset row. Deterministic in (seed, source, index)."""
    rng = random.Random(f"{seed}:{source.source_id}:{index}")
    text, spans, settings = source.body, [], {"recipe": recipe}
    if recipe == TOPIC_HEADINGS:
        text = topic_headings(source, seed).body
    steps = _steps(recipe, rng)
    if "mashup" in steps:
        text, spans, settings["mashup"] = mashup.mashup(text, spans, mashup_donors(source, context, rng), rng)
    if "stuffing" in steps:
        style = stuffer.sample_style(rng)
        text, spans, stats = stuffer.stuff(text, spans, source.title, style, rng)
        settings["stuffing"] = {
            **style.to_dict(),
            **stats,
            "density_achieved": round(stats["inserted_words"] / stats["words"], 4),
        }
    if "spin" in steps:
        style = spinner.sample_style(rng)
        text, spans, stats = spinner.spin(text, spans, context.thesaurus, style, rng)
        settings["spin"] = {
            **style.to_dict(),
            **stats,
            "share_changed": round(stats["words_changed"] / max(1, stats["words"]), 4),
        }
    if "duplication" in steps:
        style = duplication.sample_style(rng)
        text, spans, stats = duplication.duplicate(text, spans, style, rng)
        settings["duplication"] = {**style.to_dict(), **stats}
    if "doorway" in steps:
        style = doorway.sample_style(rng, doorway_flavour(source, seed))
        text, spans, stats = doorway.doorway(source.title, source.body, style, rng)
        settings["doorway"] = {**style.to_dict(), **stats}
    if "comments" in steps:
        make_thread = comments.spam_thread if label_of(recipe) else comments.genuine_thread
        text, spans, settings["comments"] = make_thread(source.title, source.body, rng)
    with_chrome = recipe == "clean+chrome" or (recipe != "clean" and rng.random() < SPAM_CHROME_RATE)
    wrapper = _chrome(source, context, rng) if with_chrome else Wrapper(site=rng.choice(read_pool("chrome")["org"]))
    if "boilerplate" in steps:
        platform = boilerplate.make_boilerplate(rng, title=source.title)
        wrapper = wrapper + platform
        settings["boilerplate"] = {"lines_above": len(platform.top), "lines_below": len(platform.bottom)}
    settings["chrome"] = with_chrome
    text, spans = render(text, spans, wrapper, fmt, rng)
    label = label_of(recipe)
    if label == 1:
        kind = recipe
    elif "comments" in steps:
        kind = "hard-negative:comments"
    elif recipe == TOPIC_HEADINGS:
        kind = "hard-negative:topic-headings"
    else:
        kind = "hard-negative:chrome" if with_chrome else clean_kind(source)
    if label == 1 and not spans:
        raise ValueError(f"{source.source_id}#{index}: a {recipe} variant came out without any change")
    return {
        "id": f"{source.source_id}#{index}",
        "source_id": source.source_id,
        "split": split,
        "format": fmt,
        "label": label,
        "kind": kind,
        "genre": source.genre,
        "structure": source.structure,
        "title": source.title,
        "text": text,
        "spans": [span.to_dict() for span in spans],
        "settings": settings,
    }


def label_of(recipe: str) -> int:
    return 0 if recipe.startswith("clean") else 1


def _steps(recipe: str, rng: random.Random) -> tuple[str, ...]:
    if recipe in ("clean+comments", "comment-spam"):
        return ("comments",)
    if recipe == "doorway":
        return ("doorway",)
    if recipe.startswith("clean"):
        return ()
    if recipe != "combined":
        return tuple(recipe.split("+"))
    while True:
        chosen = tuple(
            step
            for step, chance in (
                ("mashup", 0.3),
                ("stuffing", 0.7),
                ("spin", 0.8),
                ("duplication", 0.5),
                ("boilerplate", 0.5),
            )
            if rng.random() < chance
        )
        if len(chosen) >= 2:
            return chosen


def mashup_donors(source: CleanSource, context: Context, rng: random.Random) -> list[CleanSource]:
    """1-3 other articles of the same split, mostly from other genres, each with a paragraph to paste."""
    others = [s for s in context.split_sources if s.source_id != source.source_id and mashup.offers_passage(s)]
    donors = []
    for _ in range(rng.choice((1, 2, 2, 3))):
        same_genre = rng.random() < 0.3
        pool = [s for s in others if (s.genre == source.genre) == same_genre and s not in donors] or others
        donors.append(rng.choice(pool))
    return donors


def _chrome(source: CleanSource, context: Context, rng: random.Random) -> Wrapper:
    related = [s.title for s in context.split_sources if s.genre == source.genre and s.source_id != source.source_id]
    return chrome.make_chrome(
        rng,
        genre=source.genre,
        title=source.title,
        topic=topic_core(source.title, source.body),
        related_titles=related,
        richness=rng.uniform(0.3, 1.0),
    )
