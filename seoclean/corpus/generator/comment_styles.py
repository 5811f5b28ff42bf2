"""Styles of comment spam beyond "generic praise plus a link line" (``comments.py`` keeps that one).

Written from how blog platforms and moderation guides generally describe comment spam:

- ``pitch``: an SEO, traffic, backlink, web-design or guest-post offer addressed to the site owner,
  with an e-mail address, a WhatsApp number, a Telegram handle or a link; 25-150 words, often over 60.
- ``link-list``: a few URLs or keyword anchors to unrelated sites, with little or no text.
- ``bot-question``: a question or remark that fits any blog (theme, host, RSS, loading speed),
  the link in the author's name (when the thread shows names) or at the end.
- ``spun``: praise with spinner artefacts: odd synonyms and grammar, a leftover ``{a|b}``,
  a random capital, a typo; linked like ``bot-question``.
- ``short``: 5-15 words: a few words and a link or anchor.

Each style is ``fn(pool, values, rng, links) -> (text, author_link)``: ``links`` draws a spam URL or
anchor, ``author_link`` says the link is only in the author's name. Pool sections live in
``data/comments.txt``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

# ``praise-link`` is the original style, built in comments.py.
STYLE_WEIGHTS = {
    "praise-link": 0.30,
    "pitch": 0.18,
    "link-list": 0.12,
    "bot-question": 0.15,
    "spun": 0.15,
    "short": 0.10,
}
GREETING = re.compile(r"(hi|hello|hey|heya|dear|good|greetings|respected|howdy)\b", re.IGNORECASE)
AUTHOR_LINK_SHARE = 0.6  # bot questions and spun praise with the link only in the name (when names are shown)


class Links:
    """Spam URLs and anchors for one comment, drawn from the thread's stream."""

    def __init__(self, pool: dict, rng: random.Random, url: Callable[[], str], author_link_ok: bool):
        self.pool, self.rng, self.url, self.author_link_ok = pool, rng, url, author_link_ok

    def anchor(self) -> str:
        anchor = self.rng.choice(self.pool["anchors"])
        return f"[{anchor}]({self.url()})" if self.rng.random() < 0.6 else anchor

    def any(self) -> str:
        return self.url() if self.rng.random() < 0.5 else self.anchor()


def draw_style(rng: random.Random) -> str:
    return rng.choices(list(STYLE_WEIGHTS), weights=list(STYLE_WEIGHTS.values()))[0]


def pitch(pool: dict, values: dict, rng: random.Random, links: Links) -> tuple[str, bool]:
    parts = [rng.choice(pool["pitch_greetings"])] if rng.random() < 0.8 else []
    parts.append(rng.choice(pool["pitch_openers"]))
    parts += rng.sample(pool["pitch_offers"], rng.choice((1, 2, 2, 3, 4, 6)))
    parts += rng.sample(pool["pitch_proof"], rng.choice((0, 1, 1, 2, 3)))
    parts.append(rng.choice(pool["pitch_calls"]))
    user = rng.choice(pool["contact_users"])
    if "WhatsApp" in parts[-1]:
        contact = _phone(rng)
    elif "Telegram" in parts[-1]:
        contact = "@" + user.replace(".", "_")
    else:  # an e-mail address, sometimes a messenger next to it
        contact = f"{user}@{rng.choice(pool['mail_hosts'])}"
        if rng.random() < 0.3:
            contact += rng.choice((f" (WhatsApp {_phone(rng)})", f" or Telegram @{user.replace('.', '_')}"))
    fill = {**values, "contact": contact, "url": links.url()}
    text = _after_greeting(" ".join(part.format(**fill) for part in parts))
    if rng.random() < 0.6:
        text += f"\n{rng.choice(pool['pitch_signoffs'])}\n{rng.choice(pool['agencies'])}"
    return text, False


def link_list(pool: dict, values: dict, rng: random.Random, links: Links) -> tuple[str, bool]:
    items = [links.any() for _ in range(rng.randint(3, 7))]
    intro = rng.choice(pool["list_intros"]) if rng.random() < 0.75 else ""
    layout = rng.random()
    if layout < 0.4:  # a Markdown list
        bullet = rng.choice("-*")
        body = "\n".join(f"{bullet} {item}" for item in items)
        return f"{intro}\n{body}" if intro else body, False
    if layout < 0.7:  # one per line
        return "\n".join([intro, *items] if intro else items), False
    return " ".join([intro, *items] if intro else items), False


def bot_question(pool: dict, values: dict, rng: random.Random, links: Links) -> tuple[str, bool]:
    parts = [rng.choice(pool["bot_questions"])]
    if rng.random() < 0.5:
        parts.insert(rng.randint(0, 1), rng.choice(pool["bot_remarks"]))
    if rng.random() < 0.4:
        parts.append(rng.choice(pool["bot_closers"]))
    return _linked(" ".join(parts), pool, rng, links)


def spun(pool: dict, values: dict, rng: random.Random, links: Links) -> tuple[str, bool]:
    text = " ".join(rng.sample(pool["spun_praise"], rng.choice((1, 1, 2, 3))))
    if rng.random() < 0.3:
        text = _leftover_spintax(text, pool, rng)
    if rng.random() < 0.35:
        text = _word_edit(text, rng, lambda w: w[:1].upper() + w[1:])  # a capital mid-sentence
    if rng.random() < 0.35:
        text = _word_edit(text, rng, _typo)
    return _linked(text, pool, rng, links)


def short(pool: dict, values: dict, rng: random.Random, links: Links) -> tuple[str, bool]:
    return rng.choice(pool["short_spam"]).format(url=links.url(), anchor=links.anchor()), False


STYLES: dict[str, Callable[..., tuple[str, bool]]] = {
    "pitch": pitch,
    "link-list": link_list,
    "bot-question": bot_question,
    "spun": spun,
    "short": short,
}


def retouch(text: str, rng: random.Random) -> str:
    """A bot's repost: a sentence of the first line dropped or two swapped, or a greeting or ending added."""
    first, newline, rest = text.partition("\n")
    sentences = re.split(r"(?<=[.!?]) (?=[A-Z])", first)
    change = rng.choice(("drop", "swap", "greet", "end"))
    if change == "greet" and GREETING.match(first):
        change = "end"
    if change == "drop" and len(sentences) > 2:
        del sentences[rng.randrange(len(sentences) - 1)]  # never the last one, which carries the link or contact
    elif change == "swap" and len(sentences) > 1:
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    elif change == "end":
        sentences[-1] += rng.choice((" :)", " Thanks!", " Regards.", "!!", " Cheers", " ;)"))
    else:
        greeting = rng.choice(("Hi! ", "Hello, ", "hey ", "Hi admin, ", "Hello there! ", "Dear admin, ", "Howdy! "))
        sentences[0] = _after_greeting(greeting + sentences[0])
    return " ".join(sentences) + newline + rest


def _after_greeting(text: str) -> str:
    """ "Hello, your site ..." rather than "Hello, Your site ..." (but "Hello, I ...")."""
    return re.sub(r"^([^.!?]{0,30}, )([A-Z])(?=[a-z])", lambda m: m[1] + m[2].lower(), text, count=1)


def _linked(text: str, pool: dict, rng: random.Random, links: Links) -> tuple[str, bool]:
    """The link in the author's name, or a link line at the end."""
    if links.author_link_ok and rng.random() < AUTHOR_LINK_SHARE:
        return text, True
    line = rng.choice(pool["link_lines"]).format(url=links.url(), anchor=links.anchor())
    return f"{text} {line}", False


def _leftover_spintax(text: str, pool: dict, rng: random.Random) -> str:
    """Replace one word with the spintax group it came from, ``{great|awesome|...}``."""
    groups = list(pool["spintax"])
    rng.shuffle(groups)
    for group in groups:
        options = group.split("|")
        for option in options:
            match = re.search(rf"\b{re.escape(option)}\b", text)
            if match:
                order = rng.sample(options, len(options))
                return text[: match.start()] + "{" + "|".join(order) + "}" + text[match.end() :]
    return "{" + rng.choice([g for g in groups if g.startswith("Hi|")]) + "}! " + text


def _word_edit(text: str, rng: random.Random, change: Callable[[str], str]) -> str:
    words = [m for m in re.finditer(r"\b[a-z]{4,}\b", text)]
    if not words:
        return text
    m = rng.choice(words)
    return text[: m.start()] + change(m.group()) + text[m.end() :]


def _phone(rng: random.Random) -> str:
    """A number from the ranges reserved for fiction (US 555-01xx, UK 07700 900xxx)."""
    if rng.random() < 0.5:
        return f"+1 {rng.randint(201, 989)} 555 01{rng.randint(0, 99):02d}"
    return f"+44 7700 900{rng.randint(0, 999):03d}"


def _typo(word: str) -> str:
    """Two neighbouring letters swapped."""
    i = len(word) // 2
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
