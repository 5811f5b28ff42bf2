"""Blog comment threads: spam comments and ordinary readers' comments.

Comment spam as it is generally described comes in several styles, drawn per bot with the weights
in ``comment_styles.STYLE_WEIGHTS``: generic praise that fits any post plus a link or a keyword
anchor (pharma, casino, loans, essays, followers...), built here; service pitches, link lists,
bot questions about the blog itself, spun praise and very short link drops, built in
``comment_styles``. Authors may carry a keyword or a link in their name, and one bot posts the
same comment several times with small changes. Genuine comments talk about the post's topic:
remarks, short thanks, questions, corrections and disagreement; a few link an official source.

A thread is either on its own (a comment dump, 1-8 comments, as moderation queues and exports
show them) or below the article it belongs to; 35% of threads show the comments without their
"Name says:" header lines. Every spam comment's text is a ``comment`` span with ``detail``
``spam`` (the header line with the author's name is not part of it); genuine threads carry no span.
"""

from __future__ import annotations

import random
import string

from seoclean.corpus.generator import comment_styles
from seoclean.corpus.generator.keyphrases import frequent_words, topic_core
from seoclean.corpus.generator.page import random_date
from seoclean.corpus.generator.spans import Span
from seoclean.corpus.pools import read_pool

STANDALONE_SHARE = 0.6  # threads without their article
NO_HEADER_SHARE = 0.35  # exports and moderation queues often show the comment text alone
GENUINE_LINK_SHARE = 0.15  # readers who point to an official or reference page
# What a reader's comment starts with: a remark, a short thanks, a question on the topic, a correction.
GENUINE_WEIGHTS = {"genuine": 0.35, "genuine_thanks": 0.2, "genuine_questions": 0.25, "genuine_corrections": 0.2}


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
    headers = rng.random() >= NO_HEADER_SHARE
    # Readers do not post the same words twice: a thread draws its genuine sentences and replies
    # without replacement (a pool this small would otherwise repeat whole comments).
    unused = {key: _shuffled(pool[key], rng) for key in (*GENUINE_WEIGHTS, "genuine_replies", "genuine_links")}
    comments = [("genuine", _genuine_text(pool, values, rng, unused), None) for _ in range(n_genuine)]
    template, styles = None, []
    for _ in range(n_spam):  # a bot posts the same comment again with small changes
        repost = template is not None and rng.random() >= 0.4
        if not repost:
            template = _spam_template(pool, rng)
        text, author_url = _spam_text(pool, template, values, rng, headers, repost=repost)
        comments.append(("spam", text, author_url))
        styles.append(template[0])
    rng.shuffle(comments)
    standalone = rng.random() < STANDALONE_SHARE
    text = "" if standalone else body.rstrip("\n") + "\n\n"
    if not standalone or rng.random() < 0.5:
        heading = rng.choice(pool["comment_headings"]).format(n=len(comments), title=title)
        text += f"{'#' if standalone else '##'} {heading}\n\n"
    spans = []
    for kind, comment, author_url in comments:
        if headers:
            name = _author(pool, kind, rng)
            name = f"[{name}]({author_url})" if author_url else name
            text += rng.choice(pool["headers"]).format(name=name, date=random_date(rng)) + "\n\n"
        if kind == "spam":
            spans.append(Span(len(text), len(text) + len(comment), "comment", comment, detail="spam"))
        text += comment + "\n\n"
        if kind == "genuine" and headers and not standalone and rng.random() < 0.2:
            text += f"{rng.choice(pool['headers']).format(name='Editor', date=random_date(rng))}\n\n"
            text += _draw(unused["genuine_replies"], pool["genuine_replies"], rng) + "\n\n"
    stats = {
        "standalone": standalone,
        "headers": headers,
        "spam_comments": n_spam,
        "genuine_comments": n_genuine,
        "spam_styles": styles,
    }
    return text.rstrip("\n") + "\n", spans, stats


def _shuffled(items: list[str], rng: random.Random):
    """The items in a random order, each once."""
    return iter(rng.sample(items, len(items)))


def _draw(unused, items: list[str], rng: random.Random) -> str:
    """The next unused item; any item once all have been used."""
    found = next(unused, None)
    return found if found is not None else rng.choice(items)


def _genuine_text(pool: dict, values: dict[str, str], rng: random.Random, unused: dict) -> str:
    """One reader's comment; ``unused`` holds the thread's iterators over each pool section."""
    kind = rng.choices(list(GENUINE_WEIGHTS), weights=list(GENUINE_WEIGHTS.values()))[0]
    sentences = [_draw(unused[kind], pool[kind], rng).format(**values)]
    if kind != "genuine_thanks" and rng.random() < 0.35:
        sentences.append(_draw(unused["genuine"], pool["genuine"], rng).format(**values))
    if rng.random() < GENUINE_LINK_SHARE:
        site = rng.choice(pool["good_sites"])
        line = _draw(unused["genuine_links"], pool["genuine_links"], rng)
        sentences.append(line.format(url=site, site=site.split("/")[2]))
    return " ".join(dict.fromkeys(sentences))


def _spam_template(pool: dict, rng: random.Random) -> tuple:
    """What a bot reposts: its style and its wording (a seed for the new styles)."""
    style = comment_styles.draw_style(rng)
    if style == "praise-link":
        praise = rng.sample(pool["praise"], rng.choice((1, 1, 2, 3)))
        return style, praise, rng.choice(pool["link_lines"]), rng.choice(pool["anchors"])
    return style, rng.getrandbits(32)


def _spam_text(
    pool: dict, template: tuple, values: dict, rng: random.Random, headers: bool, *, repost: bool
) -> tuple[str, str | None]:
    """One spam comment and the URL in its author's name, if the link is only there."""
    style = template[0]
    if style != "praise-link":
        # A repost keeps the wording (same seed), with new URLs and one small change (retouch).
        links = comment_styles.Links(pool, rng, lambda: _spam_url(pool, rng), author_link_ok=headers)
        text, author_link = comment_styles.STYLES[style](pool, values, random.Random(template[1]), links)
        if repost:
            text = comment_styles.retouch(text, rng)
        return text, _spam_url(pool, rng) if author_link else None
    _, praise, link_line, anchor = template
    url = _spam_url(pool, rng)
    linked = f"[{anchor}]({url})" if rng.random() < 0.6 else anchor
    parts = list(praise)
    if rng.random() < 0.3:  # the small change between two copies of one bot's comment
        parts = parts[::-1] if len(parts) > 1 else [rng.choice(pool["praise"])]
    link = link_line.format(url=url, anchor=linked)
    return (" ".join(parts + [link]) if rng.random() < 0.85 else " ".join([link] + parts)), None


def _spam_url(pool: dict, rng: random.Random) -> str:
    suffix = "".join(rng.choice(string.digits) for _ in range(rng.choice((0, 0, 2, 3))))
    path = rng.choice(("", "/", "/shop", "/blog/?p=" + str(rng.randint(10, 9999)), "/go/" + str(rng.randint(1, 99))))
    return f"http{'s' if rng.random() < 0.5 else ''}://{rng.choice(pool['domains'])}{suffix}{rng.choice(pool['tlds'])}{path}"


def _author(pool: dict, kind: str, rng: random.Random) -> str:
    if kind == "spam" and rng.random() < 0.4:
        return rng.choice(pool["spam_names"])
    return rng.choice(pool["names"])
