"""Blog comment threads: spam comments and ordinary readers' comments.

Comment spam as it is generally described: generic praise that fits any post, a link or a
keyword anchor (pharma, casino, loans, essays, followers...), sometimes a keyword as the author's
name, and the same comment posted several times with small changes. Genuine comments talk about
the post's topic, ask, disagree or correct; a few carry a link to an official source.

A thread is either on its own (a comment dump, 1-8 comments, as moderation queues and exports
show them) or below the article it belongs to; 35% of threads show the comments without their
"Name says:" header lines. Every spam comment's text is a ``comment`` span
with ``detail`` ``spam``; genuine threads carry no span.
"""

from __future__ import annotations

import random
import string

from seoclean.corpus.generator.keyphrases import frequent_words, topic_core
from seoclean.corpus.generator.page import random_date
from seoclean.corpus.generator.spans import Span
from seoclean.corpus.pools import read_pool

STANDALONE_SHARE = 0.6  # threads without their article
NO_HEADER_SHARE = 0.35  # exports and moderation queues often show the comment text alone


def spam_thread(title: str, body: str, rng: random.Random) -> tuple[str, list[Span], dict]:
    """A thread in which most comments are spam, alone or below the article."""
    n_spam = rng.choice((1, 1, 1, 2, 3, 4, 6))
    n_genuine = rng.choice((0, 0, 0, 1, 2))
    return _thread(title, body, rng, n_spam=n_spam, n_genuine=n_genuine)


def genuine_thread(title: str, body: str, rng: random.Random) -> tuple[str, list[Span], dict]:
    """A thread of ordinary readers' comments, alone or below the article."""
    return _thread(title, body, rng, n_spam=0, n_genuine=rng.choice((1, 1, 2, 3, 4, 6)))


def _thread(title: str, body: str, rng: random.Random, *, n_spam: int, n_genuine: int) -> tuple[str, list[Span], dict]:
    pool = read_pool("comments")
    core = topic_core(title, body)
    word = rng.choice(frequent_words(body, core) or [core.split()[-1]])
    values = {"topic": core, "word": word, "Word": word[:1].upper() + word[1:], "title": title}
    # Readers do not post the same words twice: a thread draws its genuine sentences and replies
    # without replacement (a pool this small would otherwise repeat whole comments).
    sentences, replies = _shuffled(pool["genuine"], rng), _shuffled(pool["genuine_replies"], rng)
    comments = [("genuine", _genuine_text(pool, values, rng, sentences)) for _ in range(n_genuine)]
    template = None
    for _ in range(n_spam):  # a bot posts the same comment again with small changes
        if template is None or rng.random() < 0.4:
            template = _spam_template(pool, rng)
        comments.append(("spam", _spam_text(pool, template, rng)))
    rng.shuffle(comments)
    standalone = rng.random() < STANDALONE_SHARE
    text = "" if standalone else body.rstrip("\n") + "\n\n"
    if not standalone or rng.random() < 0.5:
        heading = rng.choice(pool["comment_headings"]).format(n=len(comments), title=title)
        text += f"{'#' if standalone else '##'} {heading}\n\n"
    spans = []
    headers = rng.random() >= NO_HEADER_SHARE
    for kind, comment in comments:
        if headers:
            text += rng.choice(pool["headers"]).format(name=_author(pool, kind, rng), date=random_date(rng)) + "\n\n"
        if kind == "spam":
            spans.append(Span(len(text), len(text) + len(comment), "comment", comment, detail="spam"))
        text += comment + "\n\n"
        if kind == "genuine" and headers and not standalone and rng.random() < 0.2:
            text += f"{rng.choice(pool['headers']).format(name='Editor', date=random_date(rng))}\n\n"
            text += _draw(replies, pool["genuine_replies"], rng) + "\n\n"
    stats = {"standalone": standalone, "headers": headers, "spam_comments": n_spam, "genuine_comments": n_genuine}
    return text.rstrip("\n") + "\n", spans, stats


def _shuffled(items: list[str], rng: random.Random):
    """The items in a random order, each once."""
    return iter(rng.sample(items, len(items)))


def _draw(unused, items: list[str], rng: random.Random) -> str:
    """The next unused item; any item once all have been used."""
    found = next(unused, None)
    return found if found is not None else rng.choice(items)


def _genuine_text(pool: dict, values: dict[str, str], rng: random.Random, unused) -> str:
    """One reader's comment from ``unused`` sentences (an iterator shared by the thread)."""
    sentences = [_draw(unused, pool["genuine"], rng).format(**values)]
    if rng.random() < 0.4:
        sentences.append(_draw(unused, pool["genuine"], rng).format(**values))
    if rng.random() < 0.15:
        site = rng.choice(pool["good_sites"])
        sentences.append(rng.choice(pool["genuine_links"]).format(url=site, site=site.split("/")[2]))
    return " ".join(dict.fromkeys(sentences))


def _spam_template(pool: dict, rng: random.Random) -> tuple[list[str], str, str]:
    praise = rng.sample(pool["praise"], rng.choice((1, 1, 2, 3)))
    return praise, rng.choice(pool["link_lines"]), rng.choice(pool["anchors"])


def _spam_text(pool: dict, template: tuple[list[str], str, str], rng: random.Random) -> str:
    praise, link_line, anchor = template
    url = _spam_url(pool, rng)
    linked = f"[{anchor}]({url})" if rng.random() < 0.6 else anchor
    parts = list(praise)
    if rng.random() < 0.3:  # the small change between two copies of one bot's comment
        parts = parts[::-1] if len(parts) > 1 else [rng.choice(pool["praise"])]
    link = link_line.format(url=url, anchor=linked)
    return " ".join(parts + [link]) if rng.random() < 0.85 else " ".join([link] + parts)


def _spam_url(pool: dict, rng: random.Random) -> str:
    suffix = "".join(rng.choice(string.digits) for _ in range(rng.choice((0, 0, 2, 3))))
    path = rng.choice(("", "/", "/shop", "/blog/?p=" + str(rng.randint(10, 9999)), "/go/" + str(rng.randint(1, 99))))
    return f"http{'s' if rng.random() < 0.5 else ''}://{rng.choice(pool['domains'])}{suffix}{rng.choice(pool['tlds'])}{path}"


def _author(pool: dict, kind: str, rng: random.Random) -> str:
    if kind == "spam" and rng.random() < 0.4:
        return rng.choice(pool["spam_names"])
    return rng.choice(pool["names"])
