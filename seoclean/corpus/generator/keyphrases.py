"""Keyphrases a stuffer would target for an article: its topic (from the title) with commercial
modifiers and frequent words of the article ("best blood pressure monitor near me"), and
off-topic commercial keyphrases from a hand-written list.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from seoclean.corpus.pools import read_pool

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_TITLE_WORD = re.compile(r"[0-9A-Za-z][0-9A-Za-z'’\-]*")  # "20-minute" stays one (unusable) word
# fmt: off
_STOP = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "it", "its", "this", "that", "these", "those", "i", "you", "he", "she", "we",
        "they", "my", "your", "our", "their", "not", "no", "so", "do", "does", "did", "have", "has", "had", "will",
        "would", "can", "could", "should", "may", "might", "must", "than", "then", "there", "here", "what", "which",
        "who", "when", "where", "why", "how", "all", "any", "both", "each", "more", "most", "other", "some", "such",
        "only", "very", "just", "into", "out", "up", "down", "over", "about", "after", "before", "without", "while",
        "vs", "versus",
    }
)
# fmt: on
# Common verbs that are also nouns ("take", "use"): never the tail of a keyphrase.
# fmt: off
_COMMON_VERBS = frozenset(
    {
        "take", "make", "give", "keep", "use", "need", "want", "find", "look", "come", "go", "get", "put", "set", "let",
        "help", "work", "start", "try", "call", "feel", "show", "move", "turn", "play", "run", "pay", "ask", "tell",
        "seem", "leave", "bring", "hold", "stand", "mean", "plan", "change", "check", "cover",
    }
)
# fmt: on


def topic_core(title: str, body: str = "", *, max_words: int = 3) -> str:
    """The keyphrase an article targets: the run of 1-3 content words of its title that the body
    repeats most, longer runs weighted up ("Index Funds Explained: What They Are..." -> "index funds")."""
    generic = set(read_pool("stuffing")["generic_title_words"])
    words = [w.lower() for w in _TITLE_WORD.findall(title.replace("’", "'"))]
    usable = [w not in _STOP and w not in generic and w.isascii() and not any(c.isdigit() for c in w) for w in words]
    body_lower = body.lower()
    best, best_score = "", -1.0
    for start in range(len(words)):
        for length in range(1, max_words + 1):
            if start + length > len(words) or not all(usable[start : start + length]):
                break
            phrase = " ".join(words[start : start + length])
            count = len(re.findall(rf"\b{re.escape(phrase)}\b", body_lower)) if body else 1
            score = count * length**2 + 0.1 * length  # repeated in the body first, longer on ties
            if score > best_score:
                best, best_score = phrase, score
    return best or " ".join(words[:2])


def frequent_words(text: str, exclude: str, *, n: int = 8) -> list[str]:
    """The article's most frequent nouns (length >= 4), for long-tail keyphrases."""
    from lemminflect import getAllLemmas

    excluded = set(exclude.split()) | _STOP | _COMMON_VERBS
    counts = Counter(w.lower() for w in _WORD.findall(text) if len(w) >= 4 and w.lower() not in excluded)
    nouns = []
    for word, _ in counts.most_common(10 * n):
        tags = getAllLemmas(word)  # nouns only: "blood pressure readings", not "blood pressure often"
        if "NOUN" in tags and "ADJ" not in tags and "ADV" not in tags:
            nouns.append(word)
        if len(nouns) == n:
            break
    return nouns


def topical_keyphrases(title: str, text: str, rng: random.Random, *, n: int = 6) -> list[str]:
    """``n`` distinct long-tail keyphrases around the title's topic (the first is the main one)."""
    pools = read_pool("stuffing")
    prefixes, suffixes = pools["commercial_prefixes"], pools["commercial_suffixes"]
    core = topic_core(title, text)
    tails = frequent_words(text, core) or [core.split()[-1]]
    phrases: list[str] = []
    attempts = 0
    while len(phrases) < n and attempts < 50:
        attempts += 1
        shape = rng.randrange(5)
        if shape == 0:
            phrase = f"{rng.choice(prefixes)} {core}"
        elif shape == 1:
            phrase = f"{core} {rng.choice(suffixes)}"
        elif shape == 2:
            phrase = f"{rng.choice(prefixes)} {core} {rng.choice(suffixes)}"
        elif shape == 3:
            phrase = f"{core} {rng.choice(tails)}"
        else:
            phrase = f"{core} {rng.choice(tails)} {rng.choice(suffixes)}"
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases


def offtopic_keyphrases(rng: random.Random, n: int) -> list[str]:
    return rng.sample(list(read_pool("stuffing")["offtopic_keyphrases"]), n) if n else []


def cased(phrase: str, casing: str, rng: random.Random) -> str:
    """``lower``, ``title`` (Title Case), ``sentence`` (Sentence case) or ``mixed`` (any of them)."""
    if casing == "mixed":
        casing = rng.choice(("lower", "lower", "title", "sentence"))
    if casing == "title":
        return " ".join(word[:1].upper() + word[1:] for word in phrase.split(" "))
    if casing == "sentence":
        return phrase[:1].upper() + phrase[1:]
    return phrase
