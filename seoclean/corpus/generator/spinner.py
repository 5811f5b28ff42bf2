"""Article spinner: replace words and phrases with thesaurus synonyms chosen without regard to
sense, as commercial spinners do, and leave their usual damage behind.

Each document gets its own ``SpinStyle`` (rate 5-70%, parts of speech, words or phrases, capitals,
inflection kept or dropped, articles fixed or not, spintax left in) so that a classifier cannot
learn one generator's signature. Every change becomes a ``spin`` span carrying the original text.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import asdict, dataclass
from functools import cache

from seoclean.corpus.generator.blocks import parse_blocks, prose_ranges
from seoclean.corpus.generator.spans import Edit, Span, apply_edits
from seoclean.corpus.generator.thesaurus import POS_TO_UPOS, Thesaurus, inflect, lemmas, penn_tag
from seoclean.corpus.pools import read_phrase_table

_TOKEN = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
# Function words the thesaurus never replaces (the phrase table may: "because", "through").
# fmt: off
_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "i", "you",
        "he", "she", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "our", "their", "not", "no",
        "nor", "so", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "may",
        "might", "must", "than", "then", "there", "here", "what", "which", "who", "whom", "whose", "when", "where",
        "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own",
        "same", "too", "very", "just", "into", "out", "up", "down", "over", "under", "again", "once", "off", "per",
        "via", "yes",
    }
)
# fmt: on
_VOWEL_SOUND = re.compile(r"^(?:[aeio]|u(?![nrs]i|se|ni|ti))", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SpinStyle:
    """How one document is spun. ``rate`` is the intended share of the words replaced; the share
    achieved is lower when words lack substitutes in the allowed parts of speech."""

    rate: float
    pos: tuple[str, ...] = ("noun", "verb", "adj", "adv")
    mode: str = "mixed"  # words, phrases or mixed: how much the phrase table is used
    relations: tuple[str, ...] = ("syn",)  # thesaurus relations allowed: syn, similar, generic, related
    capitals: float = 0.0  # chance a substitute is capitalised mid-sentence ("is not Serious")
    keep_inflection: float = 1.0  # chance a substitute is inflected like the word it replaces
    fix_articles: bool = True  # "a" -> "an" before a vowel; spinners that do not leave "a apple"
    spintax: float = 0.0  # chance a replacement is left as unrendered spintax {a|b|c}
    spin_names: bool = False  # replace capitalised words mid-sentence too ("Bill" -> "Invoice")
    spin_headings: bool = True

    def to_dict(self) -> dict:
        return asdict(self)


_MODE_WEIGHTS = {"words": (0.3, 1.0), "phrases": (1.6, 0.35), "mixed": (1.0, 0.8)}  # (phrase, word)
_POS_CHOICES = (
    ("noun", "verb", "adj", "adv"),
    ("noun", "verb", "adj", "adv"),
    ("noun", "adj"),
    ("verb", "adj", "adv"),
    ("noun", "verb"),
    ("adj", "adv", "noun"),
)
_RELATION_CHOICES = (("syn",), ("syn", "similar"), ("syn", "similar", "generic", "related"))


def sample_style(rng: random.Random, rate: float | None = None) -> SpinStyle:
    """A random spinning style; ``rate`` is drawn from 5-70% (40% of the time from 15-30%)."""
    if rate is None:
        rate = rng.uniform(0.15, 0.30) if rng.random() < 0.4 else rng.uniform(0.05, 0.70)
    return SpinStyle(
        rate=round(rate, 3),
        pos=rng.choice(_POS_CHOICES),
        mode=rng.choice(("words", "phrases", "mixed", "mixed")),
        relations=rng.choice(_RELATION_CHOICES),
        capitals=0.0 if rng.random() < 0.6 else round(rng.uniform(0.03, 0.2), 3),
        keep_inflection=rng.choice((1.0, 1.0, 0.7, 0.3)),
        fix_articles=rng.random() < 0.5,
        spintax=0.0 if rng.random() < 0.85 else round(rng.uniform(0.01, 0.05), 3),
        spin_names=rng.random() < 0.1,
        spin_headings=rng.random() < 0.8,
    )


@cache
def _phrase_index() -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """First word -> (phrase words, substitutes), longest phrases first."""
    index: dict[str, list] = {}
    for phrase, options in read_phrase_table():
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((words, options))
    return {first: tuple(sorted(rows, key=lambda row: -len(row[0]))) for first, rows in index.items()}


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence, heading or list item
    heading: bool
    group: int  # tokens in one prose range; phrases never cross ranges


def spin(
    text: str, spans: list[Span], thesaurus: Thesaurus, style: SpinStyle, rng: random.Random
) -> tuple[str, list[Span], dict]:
    """Spin a Markdown text. Returns the new text, all spans, and stats (words changed)."""
    tokens = _tokens(text, style)
    protected = [(span.start, span.end) for span in spans if span.kind not in ("duplicate", "mashup")]
    phrase_weight, word_weight = _MODE_WEIGHTS[style.mode]
    # ``rate`` is a share of all words; only candidates can change, so scale up the per-candidate chance.
    candidates = sum(1 for i, t in enumerate(tokens) if _eligible(t, style) or _match_phrase(tokens, i, text))
    chance = min(1.0, style.rate * len(tokens) / max(1, candidates))
    edits: list[Edit] = []
    changed_words = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if _inside(token, protected):
            index += 1
            continue
        match = _match_phrase(tokens, index, text)
        if match and rng.random() < min(1.0, chance * phrase_weight):
            length, options = match
            start, end = token.start, tokens[index + length - 1].end
            original = text[start:end]
            choices = [option for option in options if option.lower() != original.lower()]
            if choices:
                edits.append(_edit(start, original, rng.choice(choices), token, style, rng, "phrase"))
                changed_words += length
                index += length
                continue
        if _eligible(token, style) and rng.random() < min(1.0, chance * word_weight):
            substitute, detail = _thesaurus_substitute(token.text, thesaurus, style, rng)
            if substitute:
                edit = _edit(token.start, token.text, substitute, token, style, rng, detail)
                edits.append(_fix_article(text, edit, tokens, index, edits, style))
                changed_words += 1
        index += 1
    new_text, new_spans = apply_edits(text, spans, edits)
    return new_text, new_spans, {"words_changed": changed_words, "words": len(tokens), "edits": len(edits)}


def _tokens(text: str, style: SpinStyle) -> list[_Token]:
    tokens: list[_Token] = []
    group = 0
    for block in parse_blocks(text):
        heading = block.kind == "heading"
        if heading and not style.spin_headings:
            continue
        for start, end in prose_ranges(text, block):
            group += 1
            for match in _TOKEN.finditer(text, start, end):
                before = text[block.body_start : match.start()].rstrip(" *_\"'(“‘")
                initial = not before or before[-1] in ".!?:" or heading
                tokens.append(_Token(match.start(), match.end(), match.group(), initial, heading, group))
    return tokens


def _inside(token: _Token, protected: list[tuple[int, int]]) -> bool:
    return any(start < token.end and token.start < end for start, end in protected)


def _match_phrase(tokens: list[_Token], index: int, text: str) -> tuple[int, tuple[str, ...]] | None:
    for words, options in _phrase_index().get(tokens[index].text.lower(), ()):
        window = tokens[index : index + len(words)]
        if len(window) < len(words) or any(t.group != tokens[index].group for t in window):
            continue
        if any(text[a.end : b.start] != " " for a, b in itertools.pairwise(window)):
            continue
        if tuple(t.text.lower() for t in window) == words:
            return len(words), options
    return None


def _eligible(token: _Token, style: SpinStyle) -> bool:
    word = token.text
    if len(word) < 3 or word.lower() in _FUNCTION_WORDS or (word.isupper() and len(word) > 1):
        return False
    if word[0].isupper() and not token.initial and not token.heading:
        return style.spin_names  # a name mid-sentence: careful spinners skip it
    return True


def _thesaurus_substitute(
    word: str, thesaurus: Thesaurus, style: SpinStyle, rng: random.Random
) -> tuple[str | None, str]:
    """A sense-blind substitute: any sense of the word (or of its lemma) in an allowed part of speech."""
    options = [(sense, None, None) for sense in thesaurus.senses(word) if sense.pos in style.pos]
    for upos, lemma in lemmas(word).items():
        # Only nouns and verbs are looked up by lemma: adjective lemmas send "number" to "numb".
        if lemma != word.lower() and upos in ("NOUN", "VERB"):
            pos = next((p for p, u in POS_TO_UPOS.items() if u == upos), None)
            options += [
                (sense, upos, lemma) for sense in thesaurus.senses(lemma) if sense.pos == pos and pos in style.pos
            ]
    rng.shuffle(options)
    for sense, upos, lemma in options:
        terms = [term for term, relation in sense.terms if relation in style.relations]
        terms = [term for term in terms if term.lower() != word.lower() and (style.capitals or term.islower())]
        if not terms:
            continue
        term = rng.choice(terms)
        tag = penn_tag(word, lemma, upos) if upos else None
        if tag is None:
            return term, "word"
        if rng.random() < style.keep_inflection:
            return inflect(term, tag, upos), "word"
        return term, "uninflected"
    return None, "word"


def _edit(
    start: int, original: str, substitute: str, token: _Token, style: SpinStyle, rng: random.Random, detail: str
) -> Edit:
    if original[:1].isupper():
        substitute = substitute.upper() if original.isupper() and len(original) > 1 else _capitalise(substitute)
    elif style.capitals and not token.initial and rng.random() < style.capitals:
        substitute, detail = _capitalise(substitute), "capitalised"
    if style.spintax and rng.random() < style.spintax:
        substitute, detail = "{" + f"{original}|{substitute}" + "}", "spintax"
    span = Span(0, len(substitute), "spin", substitute, original=original, detail=detail)
    return Edit(start, start + len(original), substitute, (span,))


def _fix_article(
    text: str, edit: Edit, tokens: list[_Token], index: int, earlier: list[Edit], style: SpinStyle
) -> Edit:
    """Turn "a" into "an" (and back) before a substitute, when this spinner does that."""
    if not style.fix_articles or index == 0 or edit.replacement.startswith("{"):
        return edit
    article = tokens[index - 1]
    if article.text.lower() not in ("a", "an") or text[article.end : edit.start] != " ":
        return edit
    if earlier and earlier[-1].end > article.start:
        return edit
    wanted = "an" if _VOWEL_SOUND.match(edit.replacement) else "a"
    if wanted == article.text.lower():
        return edit
    wanted = _capitalise(wanted) if article.text[0].isupper() else wanted
    replacement = f"{wanted} {edit.replacement}"
    original = text[article.start : edit.end]
    span = Span(0, len(replacement), "spin", replacement, original=original, detail=edit.spans[0].detail)
    return Edit(article.start, edit.end, replacement, (span,))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
