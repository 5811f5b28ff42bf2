"""Ordinary site chrome around a legitimate article: navigation, breadcrumbs, cookie notice, byline,
share buttons, tags, author bio, newsletter sign-up, related links and footer.

Clean pages wrapped in this are hard negatives: share buttons, sign-up boxes and copyright lines
are on legitimate sites too. Spam rows get the same chrome at a similar rate, so that chrome
alone says nothing about the label.
"""

from __future__ import annotations

import random

from seoclean.corpus.generator.page import PageLine, Wrapper, fill
from seoclean.corpus.pools import read_pool

SECTION_NAMES = {
    "food-recipes": "Food & Recipes",
    "home-garden": "Home & Garden",
    "local-services": "Local Services",
    "shopping-reviews": "Reviews",
}


def section_name(genre: str) -> str:
    return SECTION_NAMES.get(genre, genre.replace("-", " ").title())


def make_chrome(
    rng: random.Random, *, genre: str, title: str, topic: str, related_titles: list[str], richness: float = 0.6
) -> Wrapper:
    """Chrome for one page; ``richness`` (0-1) is the chance each optional element appears."""
    pool = read_pool("chrome")
    values = {
        "org": rng.choice(pool["org"]),
        "section": section_name(genre),
        "title": title,
        "topic": topic,
        "author": rng.choice(pool["authors"]),
        "role": rng.choice(pool["roles"]),
    }

    def line(role: str, section: str | None = None) -> PageLine:
        return PageLine(fill(rng.choice(pool[section or role]), rng, values), role)

    top: list[PageLine] = []
    bottom: list[PageLine] = []
    if rng.random() < richness * 0.6:
        top.append(line("skip"))
    if rng.random() < richness * 0.6:
        (top if rng.random() < 0.5 else bottom).append(line("cookie"))
    if rng.random() < 0.3 + richness * 0.6:
        top.append(line("nav"))
    if rng.random() < richness * 0.8:
        top.append(line("breadcrumb"))
    if rng.random() < richness:
        top.append(line("updated"))
    if rng.random() < richness * 0.5:
        top.append(line("share"))
    if rng.random() < richness * 0.8:
        bottom.append(line("share"))
    if rng.random() < richness * 0.6:
        bottom.append(line("tags"))
    if rng.random() < richness * 0.7:
        bottom.append(line("author"))
    if rng.random() < richness * 0.7:
        bottom.append(line("newsletter"))
    if related_titles and rng.random() < richness:
        bottom.append(line("related_heading"))
        picks = rng.sample(related_titles, min(len(related_titles), rng.randint(2, 5)))
        bottom += [PageLine(related, "related") for related in picks]
    if rng.random() < richness * 0.5:
        bottom.append(line("comments"))
    for _ in range(rng.choice((1, 1, 2, 3))):
        bottom.append(line("footer"))
    return Wrapper(tuple(top), tuple(bottom), site=values["org"])
