"""Surface traces of spinning: odd capitals (SEO204), spintax residue (SEO205) and function-word
pairs English never uses (SEO206)."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from seoclean.detectors.spin_context import Hit, SpinContext

# Spintax: {a|b|c}. Innermost groups only; an alternative may be empty ("{very|}").
SPINTAX_RE = re.compile(r"\{([^{}|\n]{0,80}(?:\|[^{}|\n]{0,80})+)\}")
ALTERNATIVE_RE = re.compile(r"[\w'’,.!?&-]+(?: [\w'’,.!?&-]+){0,7}")
# Digits, underscores and dots inside a token mark code, versions and file names; a token of
# letters without a vowel is a code or an abbreviation ("mx", "ns", "txt", "http"): never prose.
TECHNICAL_RE = re.compile(r"[\d_]|\w\.\w|\b[^\W\d_aeiouyAEIOUY]{2,}\b")
MIN_WORD_ALTERNATIVES = 2  # a spinner offers synonyms: two or more real words to choose from
# A word the tag list lacks still reads as prose from this length on: spinners' thesauri hold
# words WordNet does not ("weblog", "typesets", "memorialises"); codes are short.
MIN_UNLISTED_LETTERS = 5
# A capital right after these is expected: a quote, a bracket, a label, a list marker.
OPENING_MARKS = frozenset(":;\"“”‘'([{—–-•*#>|/")
TITLE_KINDS = frozenset({"heading", "title", "table"})


def spintax_residue(ctx: SpinContext) -> list[Hit]:
    hits = []
    for index in ctx.doc.prose_blocks:
        block = ctx.doc.blocks[index]
        for match in SPINTAX_RE.finditer(ctx.doc.masked, block.start, block.end):
            alternatives = match.group(1).split("|")
            if not _is_spintax(ctx, alternatives) or _glued_to_a_name(ctx.doc.text, match.start(), match.end()):
                continue
            best = _best_alternative(ctx, match.start(), match.end(), alternatives)
            # Spinning is certain; the suggested alternative was the original in 88% of the
            # dataset's spintax (train and dev).
            evidence = {"alternatives": float(len(alternatives)), "confidence": 0.9}
            message = f"unprocessed spintax with {len(alternatives)} alternatives: the text was machine-spun"
            hits.append(Hit("SEO205", match.start(), match.end(), message, best, evidence))
    return hits


def _is_spintax(ctx: SpinContext, alternatives: list[str]) -> bool:
    """Words separated by bars with no spaces around them, as a spinner writes prose choices: at
    least two alternatives made of dictionary words, none a technical token. Set notation
    "{x | x > 0}" is not spintax, nor a command's choice of record types "[{a|mx|any}]", an
    option's values "{'true'|'false'}" or file names "{v1|v2.txt}"."""
    filled = [a for a in alternatives if a]
    if len(filled) < 2 or len({a.lower() for a in filled}) < 2:
        return False
    if not all(ALTERNATIVE_RE.fullmatch(a) for a in filled) or any(_technical(a) for a in filled):
        return False
    return sum(_dictionary_words(ctx, a) for a in {a.lower() for a in filled}) >= MIN_WORD_ALTERNATIVES


def spintax_groups(text: str) -> int:
    """Brace groups in ``text`` shaped like a spinner's prose choices (no lexicon needed): bar-
    separated phrases, two or more different ones, none a code, version, file name or quoted
    literal. For cues outside the spin rules (comment spam), where "[{a|mx|any}]" in a reader's
    question about DNS must not count."""
    count = 0
    for match in SPINTAX_RE.finditer(text):
        filled = [a for a in match.group(1).split("|") if a]
        if len({a.lower() for a in filled}) < 2:
            continue
        if all(ALTERNATIVE_RE.fullmatch(a) for a in filled) and not any(_technical(a) for a in filled):
            count += 1
    return count


def _technical(alternative: str) -> bool:
    """A code, version or file name, or a quoted literal: a syntax's allowed values
    ("{'true'|'false'}" in an option's synopsis), never a spinner's choice of words."""
    quoted = len(alternative) > 2 and alternative[0] in "'‘" and alternative[-1] in "'’"
    return quoted or TECHNICAL_RE.search(alternative) is not None


def _dictionary_words(ctx: SpinContext, alternative: str) -> bool:
    """The alternative is English words, two letters or more in all, each a form with an
    open-class tag, a stop word or a word of MIN_UNLISTED_LETTERS letters: "persists", "a lot",
    "weblog"; not "a", "mx", "soa"."""
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", alternative.lower())
    lex = ctx.lex
    known = all(lex.tags(w) or w in lex.stopwords or len(w) >= MIN_UNLISTED_LETTERS for w in words)
    return known and sum(len(w) for w in words) >= 2


def _glued_to_a_name(text: str, start: int, end: int) -> bool:
    """Braces fused to a word are shell brace expansion or a template, not a spinner's group:
    "{text|varchar}_pattern_ops", "log{a|b}.txt", "${HOME|/root}". A spinner swaps whole words, so
    its groups stand between spaces and punctuation."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() or before in "_$%@" or after.isalnum() or after == "_"


def _best_alternative(ctx: SpinContext, start: int, end: int, alternatives: list[str]) -> str:
    """The alternative whose edges make the best-known pairs with the words around the braces;
    the first one (conventionally the original) when none is better."""
    text = ctx.doc.text
    before = re.findall(r"[\w'’-]+", text[max(0, start - 40) : start])
    after = re.findall(r"[\w'’-]+", text[end : end + 40])
    left = before[-1].lower() if before and text[start - 1 : start].isspace() else None
    right = after[0].lower() if after and text[end : end + 1].isspace() else None

    def fit(alternative: str) -> float:
        words = alternative.lower().split()
        if not words:
            return 0.0
        return (ctx.score(left, words[0]) if left else 0.0) + (ctx.score(words[-1], right) if right else 0.0)

    return max(alternatives, key=lambda a: (fit(a), -alternatives.index(a)))


def odd_capitals(ctx: SpinContext, min_zipf: float = 4.0, max_proper_share: float = 0.05) -> tuple[list[Hit], int]:
    """SEO204 findings, and the count of weak candidates (a capitalised common content word
    mid-sentence, outside runs of capitals) for the measures."""
    cased = np.array(ctx.cased, dtype=np.int64)
    titles = [i for i in cased[~ctx.array("first")[cased]].tolist() if _is_title(ctx.texts[i])]
    if not titles:
        return [], 0
    capitalised = Counter(ctx.low[i] for i in titles)
    hits, weak = [], 0
    # Cheapest tests first, for all titles at once. Capitalised function words mid-sentence are
    # missed sentence starts (a missing full stop before "The").
    at = np.array(titles)
    common = ~ctx.array("allowed")[at] & ctx.array("content")[at] & (ctx.array("zipf")[at] >= min_zipf)
    for i in at[common].tolist():
        if _in_name(ctx, i):
            continue
        word = ctx.low[i]
        weak += 1
        if ctx.lex.proper_share(word) > max_proper_share or capitalised[word] > 1 or _expects_capital(ctx, i):
            continue
        # It must read as the common lowercase word in a common phrase on both sides ("the Best way").
        if not (ctx.has_left(i) and ctx.has_right(i)):
            continue
        if ctx.score(ctx.low[i - 1], word) <= 0 or ctx.score(word, ctx.low[i + 1]) <= 0:
            continue
        lowercase = sum(low == word and w.text.islower() for low, w in zip(ctx.low, ctx.words))
        hits.append(_capital_hit(ctx, i, ctx.zipf[i], lowercase))
    return hits, weak


def stray_capitals(ctx: SpinContext, max_proper_share: float = 0.05) -> np.ndarray:
    """Per word: a common word capitalised mid-sentence on its own, where nothing expects a
    capital (not in a name, a heading or a title-case line, nor after an opening mark). Spinners
    put in capitalised thesaurus entries ("a subdivision Libra" for "balance"), so the
    substitution model weighs these words as it weighs lowercase ones."""
    stray = np.zeros(ctx.word_count, dtype=bool)
    cased = np.array(ctx.cased, dtype=np.int64)
    if not len(cased):
        return stray
    plain = ctx.array("content") & ctx.array("plain") & ~ctx.array("first") & ~ctx.array("allowed")
    capitalised = Counter(ctx.low[i] for i in cased.tolist())
    for i in cased[plain[cased]].tolist():
        word = ctx.low[i]
        stray[i] = (
            _is_title(ctx.texts[i])
            and capitalised[word] == 1
            and ctx.lex.proper_share(word) <= max_proper_share
            and not _in_name(ctx, i)
            and not _expects_capital(ctx, i)
        )
    return stray


def _is_title(text: str) -> bool:
    return len(text) > 1 and text[0].isupper() and text[1:].islower() and text.isalpha()


def _in_name(ctx: SpinContext, i: int) -> bool:
    """Part of a name or title: another capitalised word next to it, or reached across up to
    three lowercase function words ("Bank of England", "Player of the Year", "Lord of the Rings").
    A sentence-initial function word ("The", "In") does not count."""
    return _capital_within(ctx, i, -1) or _capital_within(ctx, i, 1)


def _capital_within(ctx: SpinContext, i: int, step: int, max_gap: int = 3) -> bool:
    k, block = i + step, ctx.words[i].block
    for _ in range(max_gap + 1):
        if not (0 <= k < ctx.word_count) or ctx.words[k].block != block:
            return False
        if ctx.words[k].text[0].isupper() or ctx.words[k].text[0].isdigit():
            return not (ctx.first[k] and not ctx.content[k])
        if ctx.content[k]:
            return False  # a lowercase content word ends the reach
        k += step
    return False


def _expects_capital(ctx: SpinContext, i: int) -> bool:
    """After an opening mark, in a heading or title-case line, or a sentence that is mostly capitals."""
    text, start = ctx.doc.text, ctx.words[i].start
    before = text[max(0, start - 3) : start].rstrip()
    if before and before[-1] in OPENING_MARKS:
        return True
    if ctx.doc.blocks[ctx.words[i].block].kind in TITLE_KINDS:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_words = ctx.doc.words_between(line_start, line_end if line_end != -1 else len(text))
    content = [w for w in line_words if w.lower not in ctx.lex.stopwords or w.text[:1].isupper()]
    capitals = sum(w.text[:1].isupper() for w in content)
    return len(content) > 0 and capitals >= 0.5 * len(content)


def _capital_hit(ctx: SpinContext, i: int, zipf: float, lowercase_count: int) -> Hit:
    word = ctx.words[i]
    message = f'"{word.text}" is a common word capitalised mid-sentence, as spun or templated text leaves it'
    evidence = {
        "zipf": zipf,
        "proper_share": ctx.lex.proper_share(ctx.low[i]),
        "lowercase_count": float(lowercase_count),
        "confidence": 0.75 + 0.2 * (lowercase_count > 0),
    }
    return Hit("SEO204", word.start, word.end, message, word.text.lower(), evidence)


def function_phrase_swaps(ctx: SpinContext, min_expected: float = 3.0) -> list[Hit]:
    """SEO206: two frequent function words in a row whose pair the reference data lacks although
    chance alone would put it there ``10**min_expected`` times per billion pairs, and one of which
    can go: the pairs left with both neighbours are known."""
    hits = []
    # Cheapest tests first, for all words at once: two joined function words in an unseen pair.
    function = ~ctx.array("content")
    unseen = ctx.array("joined")[1:] & function[:-1] & function[1:] & (ctx.array("pair")[1:] <= 0)
    for i in (np.flatnonzero(unseen) + 1).tolist():
        first, second = ctx.low[i - 1], ctx.low[i]
        expected = ctx.lex.zipf(first) + ctx.lex.zipf(second) - 9.0
        if expected < min_expected or not _profiled(ctx, first) or not _profiled(ctx, second):
            continue
        if ctx.allowed[i - 1] or ctx.allowed[i] or ctx.name_like[i] or ctx.name_like[i - 1]:
            continue
        kept = _droppable(ctx, i - 1, i)
        if kept is None:
            continue
        start, end = ctx.words[i - 1].start, ctx.words[i].end
        text = ctx.doc.text[start:end]
        message = f'"{text}": English does not put these function words together; "{kept}" fits here'
        evidence = {"expected_pair_score": round(expected, 2), "confidence": 0.75}
        hits.append(Hit("SEO206", start, end, message, kept, evidence))
    return hits


def _profiled(ctx: SpinContext, word: str) -> bool:
    # Words the bigram data covers well on both sides ("cannot" is split there, so it is not).
    return bool(ctx.lex.neighbour_tags(word, "left")) and bool(ctx.lex.neighbour_tags(word, "right"))


def _droppable(ctx: SpinContext, a: int, b: int) -> str | None:
    """The word of the pair that makes known pairs with both outer neighbours on its own."""
    left = ctx.low[a - 1] if ctx.has_left(a) else None
    right = ctx.low[b + 1] if ctx.has_right(b) else None
    if left is None or right is None:
        return None
    for keep in (b, a):
        word = ctx.low[keep]
        if ctx.score(left, word) > 0 and ctx.score(word, right) > 0:
            return ctx.words[keep].text
    return None
