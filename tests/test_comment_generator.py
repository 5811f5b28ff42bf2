"""The comment-thread generator: spam styles, exact spans, honest genuine threads, determinism."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from seoclean.corpus.generator import comment_styles, comments
from seoclean.corpus.generator.spans import check_spans
from seoclean.corpus.pools import read_pool

TITLE = "How to Repot a Houseplant"
ARTICLE = """# How to Repot a Houseplant

Most houseplants need a bigger pot every year or two, when roots circle the bottom of the pot.

## When to repot

Spring is the best time to repot, while the plant is growing. Water the plant the day before.

## Steps

- Choose a pot one size larger with a drainage hole
- Loosen the roots gently and add fresh compost
"""
SEEDS = range(300)
POOL = read_pool("comments")
URL = re.compile(r"https?://[^\s)\]]+")
EMAIL = re.compile(r"\b[\w.]+@[\w-]+\.\w+")
SPINTAX = re.compile(r"\{[^{}|]+(?:\|[^{}|]+)+\}")


def spam(seed: int):
    return comments.spam_thread(TITLE, ARTICLE, random.Random(seed))


def genuine(seed: int):
    return comments.genuine_thread(TITLE, ARTICLE, random.Random(seed))


def _spam_domains(text: str) -> list[str]:
    return [url for url in URL.findall(text) if any(domain in url for domain in POOL["domains"])]


def _style_samples(style: str, n: int = 200, *, author_link_ok: bool = False) -> list[tuple[str, bool]]:
    """Comments of one style, made directly (a fresh stream per sample)."""
    values = {"topic": "repotting", "word": "roots", "Word": "Roots", "title": TITLE}
    out = []
    for seed in range(n):
        rng = random.Random(seed)
        links = comment_styles.Links(
            POOL, rng, lambda rng=rng: f"https://{rng.choice(POOL['domains'])}.com", author_link_ok
        )
        out.append(comment_styles.STYLES[style](POOL, values, rng, links))
    return out


def test_every_style_appears_with_roughly_its_weight():
    counts = Counter(style for seed in SEEDS for style in spam(seed)[2]["spam_styles"])
    assert set(counts) == set(comment_styles.STYLE_WEIGHTS)
    total = sum(counts.values())
    for style, weight in comment_styles.STYLE_WEIGHTS.items():
        assert abs(counts[style] / total - weight) < 0.08, (style, counts)


def test_spans_cover_exactly_the_spam_comments():
    for seed in SEEDS:
        text, spans, stats = spam(seed)
        check_spans(text, spans)
        assert len(spans) == stats["spam_comments"] >= 1
        assert all(s.kind == "comment" and s.detail == "spam" for s in spans)
        for s in spans:
            # a whole comment: starts a paragraph and ends one, no blank line inside
            assert (s.start == 0 or text[s.start - 2 : s.start] == "\n\n") and text[s.end : s.end + 2] in ("\n\n", "\n")
            assert "\n\n" not in s.text and s.text == s.text.strip()
        # nothing spammy outside the spans except an author's link in a header line
        outside = text
        for s in sorted(spans, key=lambda s: -s.start):
            outside = outside[: s.start] + outside[s.end :]
        named = 0
        for line in outside.splitlines():
            bare = re.sub(r"\[[^\]]+\]\(https?://[^)\s]+\)", "NAME", line)
            if bare != line:  # "[name](url) says:", a header line with the author's link
                assert stats["headers"] and len(bare) < 30 and not URL.search(bare), (seed, line)
                named += 1
            assert not _spam_domains(bare) and not EMAIL.search(bare), (seed, line)
        assert named <= stats["spam_comments"]


def test_pitches_address_the_owner_and_leave_a_contact():
    samples = [text for text, author_link in _style_samples("pitch")]
    lengths = [len(text.split()) for text in samples]
    assert min(lengths) >= 25 and max(lengths) <= 170
    assert sum(60 <= n <= 150 for n in lengths) >= len(lengths) // 3  # many are long
    contacts = Counter()
    for text in samples:
        if EMAIL.search(text):
            contacts["email"] += 1
        if re.search(r"\+\d+ [\d ]+\d", text):
            contacts["phone"] += 1
        if re.search(r"(?<![\w.])@\w+", text):
            contacts["handle"] += 1
        if URL.search(text):
            contacts["url"] += 1
        if not (EMAIL.search(text) or "@" in text or "+" in text or URL.search(text)):
            contacts["reply here"] += 1
            assert "reply" in text.lower(), text  # no contact: "reply to this comment"
    assert {"email", "phone", "handle", "url"} <= set(contacts)
    assert contacts["reply here"] < 0.15 * len(samples)


def test_link_lists_are_mostly_links():
    for text, author_link in _style_samples("link-list"):
        items = URL.findall(text) + [a for a in POOL["anchors"] if a in text]
        assert len(items) >= 3 and not author_link
        prose = URL.sub("", text)
        for anchor in POOL["anchors"]:
            prose = prose.replace(anchor, "")
        assert len(re.findall(r"[A-Za-z]+", prose)) <= 8, text


def test_bot_questions_fit_any_blog_and_link_in_the_name_or_at_the_end():
    named = _style_samples("bot-question", author_link_ok=True)
    assert 0.3 < sum(author_link for _, author_link in named) / len(named) < 0.9
    for text, author_link in named:
        assert "?" in text and "roots" not in text.lower()  # nothing about the post's topic
        assert author_link or URL.search(text) or any(a in text for a in POOL["anchors"])
    # without names shown, the link has to be in the comment
    assert not any(author_link for _, author_link in _style_samples("bot-question", 50))


def test_spun_praise_shows_spinner_artefacts():
    texts = [text for text, _ in _style_samples("spun", 300)]
    assert sum(bool(SPINTAX.search(t)) for t in texts) >= 30
    assert sum(bool(re.search(r"[a-z,] [A-Z][a-z]{3,}", t)) for t in texts) >= 30  # capitals mid-sentence
    assert len(set(texts)) > 250


def test_short_ones_are_a_few_words_and_a_link():
    for text, author_link in _style_samples("short"):
        assert 4 <= len(text.split()) <= 25, text
        assert URL.search(text) or any(a in text for a in POOL["anchors"])


def test_reposts_are_changed_not_copied():
    copies = total = 0
    for seed in SEEDS:
        _, spans, _ = spam(seed)
        total += len(spans)
        copies += len(spans) - len({s.text for s in spans})
    assert copies / total < 0.05


@pytest.mark.parametrize("seed", range(0, 300, 3))
def test_genuine_threads_carry_no_spam_markers(seed):
    text, spans, stats = genuine(seed)
    assert spans == [] and stats["spam_comments"] == 0 and stats["spam_styles"] == []
    assert not _spam_domains(text) and not EMAIL.search(text) and not SPINTAX.search(text)
    assert not re.search(r"whatsapp|telegram|backlink|guest post|\brank|\$\d", text, re.IGNORECASE)
    for paragraph in text.split("\n\n"):
        urls = URL.findall(paragraph)
        assert len(urls) <= 1 and all(url.rstrip(".,") in POOL["good_sites"] for url in urls), paragraph
        assert not paragraph.startswith(("- http", "* http"))
    pitch_lines = POOL["pitch_openers"] + POOL["pitch_offers"] + POOL["bot_questions"] + POOL["spun_praise"]
    assert not any(line.split("{")[0] in text for line in pitch_lines if len(line.split("{")[0]) > 20)


def test_genuine_threads_thank_ask_correct_and_sometimes_link():
    seen = Counter()
    for seed in SEEDS:
        text = genuine(seed)[0]
        for section in ("genuine_thanks", "genuine_questions", "genuine_corrections", "genuine"):
            if any(line.split("{")[0][:25] in text for line in POOL[section]):
                seen[section] += 1
        seen["link"] += bool(URL.search(text) or any(site.split("/")[2] in text for site in POOL["good_sites"]))
    assert all(seen[key] >= 30 for key in ("genuine_thanks", "genuine_questions", "genuine_corrections", "genuine"))
    assert 20 <= seen["link"] <= 200


def test_the_same_seed_gives_the_same_thread():
    for seed in (0, 7, 42):
        assert spam(seed) == spam(seed) and genuine(seed) == genuine(seed)
    assert len({spam(seed)[0] for seed in range(30)}) == 30
