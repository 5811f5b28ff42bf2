"""Filler sentences built around a templated page's keyphrase (SEO102), found without being told it.

A templated (programmatic-SEO) page forces one long-tail keyphrase of three or more words into its
title, into several subheadings and into the body, and to carry it there adds stock sentences that
say nothing about the subject ("<keyphrase> is a topic that deserves careful attention.", "Read on
to learn why <keyphrase> is so popular."). Such a sentence is made of the keyphrase and words that
fit any page: none of its other content words occurs anywhere else in the article's own sentences.

The template also bolts the phrase onto the article's own sentences: a short lead-in ("When it
comes to <keyphrase>, ...") or a short tail ("..., which is why <keyphrase> matters."). Only the
bolt is reported there; the sentence it is bolted onto stays.

An honest article names its subject in its title and headings too, so the page must show the
template's layout first: the title's phrase (3-6 words, at least two of them content words) said
word for word in ``MIN_HEADINGS`` subheadings and ``MIN_SENTENCES`` body sentences. A stock sentence is short, one clause, without figures, and
every other content word in it is an everyday word foreign to the rest of the article (by stem:
"policies" is not foreign to an article saying "policy"); a sentence
that also says something of the subject is never one. And one stock-looking line is how a writer
may define a term: the page needs two stock or bolted sentences, one of them stock.

Measured on the train and dev splits (2,184 clean and hard-negative rows, 540 doorway pages): no
clean row gets a finding; 121 of the 252 doorway pages built on an article do, 30 templated pages
standing alone do, and no other spam page does; nor does any of 440 real documentation pages
(``scripts/eval_real_prose.py``: lead-ins alone found three of one Django page's own sentences,
hence a stock line is required).
"""

from __future__ import annotations

import re
from collections import Counter

from seoclean.detectors.base import make_finding
from seoclean.detectors.comment_thread import find_thread
from seoclean.document import Document, Sentence
from seoclean.findings import Finding
from seoclean.lexicon import get_lexicon

MIN_PHRASE_WORDS, MAX_PHRASE_WORDS = 3, 6
MIN_CONTENT_WORDS = 2  # in the phrase: "how to find kettlebell swing", not "the best of"
MIN_HEADINGS = 2  # subheadings holding the title's phrase: a template's layout, not a topic named
MIN_SENTENCES = 3  # body sentences holding it
MIN_SENTENCES_ALONE = 4  # body sentences holding it on a page without such subheadings
TITLE_CANDIDATES = 2
MIN_FILLER_WORDS = 2  # content words a sentence adds to the phrase: "<kw> matters." says too little to judge
MAX_FILLER_WORDS = 20  # words besides the phrase: stock lines are short, a sentence with a story is not one
MIN_STOCK_ZIPF = 3.0  # stock lines use everyday words; a rarer word ("anticlockwise") is the article's matter
STEM_LETTERS = 5
MIN_TEMPLATE_SENTENCES = 2  # stock or bolted sentences: one stock-looking line is how a writer may define a term
MAX_LEAD_WORDS = 5  # "When it comes to <kw>, ...", "..., when you are dealing with <kw>."
MIN_HEAD_WORDS = 7  # a sentence's own words before a subordinate clause carrying the phrase
_SUBORDINATORS = "when|whenever|while|if|as|especially|particularly"
_WORD_RE = re.compile(r"[\w'’-]+")
_HEADING_KINDS = frozenset({"heading"})
_TITLE_KINDS = frozenset({"title", "heading"})
_BODY_KINDS = frozenset({"paragraph"})


def template_phrase_findings(doc: Document, stopwords: frozenset[str]) -> list[Finding]:
    """SEO102 for each filler sentence carrying the page's templated keyphrase (see the module docstring)."""
    body = _body_sentences(doc)
    phrase = _templated_phrase(doc, body, stopwords)
    if phrase is None:
        return []
    sentences = [s for s in body if _holds(_sentence_words(doc, s), phrase)]
    everywhere = _content_counts(doc, body, stopwords)
    bolts = [(s, bolt) for s in sentences for bolt in [_bolt(doc.text, s, phrase)] if bolt]
    bolted = {s for s, _ in bolts}
    stock = [
        s
        for s in sentences
        if s not in bolted
        and _one_clause(doc.text[s.start : s.end])
        and _stock(_sentence_words(doc, s), phrase, everywhere, stopwords)
    ]
    # One stock-looking line is how a writer may define a term, and lead-ins alone are how a manual
    # opens its sentences on its topic ("When you enable time zone support, ..."): a stock line and
    # a second stock or bolted sentence show the template.
    if not stock or len(stock) + len(bolts) < MIN_TEMPLATE_SENTENCES:
        return []
    findings = [_finding(doc, s.start, s.end, phrase, "a stock sentence around") for s in stock]
    findings += [_finding(doc, start, end, phrase, "a lead-in or tail bolting") for _, (start, end) in bolts]
    return sorted(findings, key=lambda f: f.start)


def _bolt(text: str, sentence: Sentence, phrase: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the phrase is bolted onto one of the article's sentences: a short lead-in ending in the
    phrase and a comma at its start ("When it comes to <kw>, fines are steep."), or a short link
    ending in the phrase at its end, after a comma ("..., which is why <kw> matters.") or as a
    subordinate clause after a sentence of ``MIN_HEAD_WORDS`` ("The first two days will be weird
    when you are dealing with <kw>."; a shorter head is the stock line's own: "Keep this in mind
    when you think about <kw>."). None otherwise."""
    said = r"\W+".join(map(re.escape, phrase))
    lead = re.compile(rf"^\W*(?:[\w'’-]+\s+){{1,{MAX_LEAD_WORDS}}}{said}\s*,\s*(?=\w)", re.IGNORECASE)
    tail = re.compile(
        rf",\s*(?:[\w'’-]+\s+){{1,{MAX_LEAD_WORDS}}}{said}(?:\s+[\w'’-]+){{0,2}}(?=[.!?]*$)", re.IGNORECASE
    )
    clause = re.compile(
        rf"\s+(?:{_SUBORDINATORS})\s+(?:[\w'’-]+\s+){{0,{MAX_LEAD_WORDS}}}{said}(?:\s+[\w'’-]+){{0,2}}(?=[.!?]*$)",
        re.IGNORECASE,
    )
    body = text[sentence.start : sentence.end].rstrip()
    found = lead.match(body) or tail.search(body)
    if found is None:
        found = clause.search(body)
        if found is not None and len(_WORD_RE.findall(body, 0, found.start())) < MIN_HEAD_WORDS:
            found = None
    return (sentence.start + found.start(), sentence.start + found.end()) if found else None


def _one_clause(sentence: str) -> bool:
    """No comma, colon or semicolon, and no figure: a template also bolts its phrase onto one of the
    article's own sentences ("When it comes to <kw>, fines are steep."), which must stay whole, and
    a figure ("held 1.44 MB") is the article's matter, never a stock line's."""
    sentence = sentence.rstrip(" *_\"”’')")
    one_clause = not any(mark in sentence for mark in ",;:") and not any(ch.isdigit() for ch in sentence)
    return one_clause and sentence[-1:] in ".!?"


def _stock(words: list[str], phrase: tuple[str, ...], everywhere: Counter, stopwords: frozenset[str]) -> bool:
    """Whether a sentence holding ``phrase`` says nothing else of the subject: short, and every
    other content word it adds is an everyday word no other sentence of the page uses (``everywhere``:
    stems counted over all of them, this one included)."""
    added = _added_content_words(words, phrase, stopwords)
    if not MIN_FILLER_WORDS <= len(added) or len(words) - len(phrase) > MAX_FILLER_WORDS:
        return False
    lex = get_lexicon()
    own = Counter(_stem(word) for word in words if word in added)
    foreign = all(everywhere[stem] == count for stem, count in own.items())
    return foreign and all(lex.zipf(word) >= MIN_STOCK_ZIPF for word in added)


def _stem(word: str) -> str:
    """A crude stem, the first ``STEM_LETTERS`` letters: "policy" and "policies", "decide" and
    "decision" meet, so an article's own vocabulary in another form is not taken for foreign."""
    return word[:STEM_LETTERS]


def templated_phrase(doc: Document, stopwords: frozenset[str]) -> tuple[str, ...] | None:
    """The longest phrase of the title said again in ``MIN_HEADINGS`` subheadings and
    ``MIN_SENTENCES`` body sentences (an article naming its topic in its sentences alone is no
    template); None when the page shows no such layout. The title is the first or second heading
    (a text page may open on a "Skip to content" line)."""
    return _templated_phrase(doc, _body_sentences(doc), stopwords)


def _templated_phrase(doc: Document, body: list[Sentence], stopwords: frozenset[str]) -> tuple[str, ...] | None:
    by_block: dict[int, list[str]] = {}
    for word in doc.words:
        by_block.setdefault(word.block, []).append(word.lower)
    titles = [i for i, b in enumerate(doc.blocks) if b.kind in _TITLE_KINDS][:TITLE_CANDIDATES]
    sentences = [_sentence_words(doc, s) for s in body]
    for title in titles:
        headings = [by_block.get(i, []) for i, b in enumerate(doc.blocks) if b.kind in _HEADING_KINDS and i != title]
        phrase = _title_phrase(by_block.get(title, []), headings, sentences, stopwords)
        if phrase is not None:
            return phrase
    return None


def _title_phrase(
    title: list[str], headings: list[list[str]], sentences: list[list[str]], stopwords: frozenset[str]
) -> tuple[str, ...] | None:
    """The longest run of the title's words said in enough sentences (and headings); longer runs
    first, so a keyphrase wins over its own head words."""
    for size in range(min(MAX_PHRASE_WORDS, len(title)), MIN_PHRASE_WORDS - 1, -1):
        for at in range(len(title) - size + 1):
            phrase = tuple(title[at : at + size])
            if not _phrase_shaped(phrase, stopwords):
                continue
            said = sum(_holds(s, phrase) for s in sentences)
            in_headings = sum(_holds(h, phrase) for h in headings)
            if said >= MIN_SENTENCES_ALONE or (said >= MIN_SENTENCES and in_headings >= MIN_HEADINGS):
                return phrase
    return None


def _phrase_shaped(phrase: tuple[str, ...], stopwords: frozenset[str]) -> bool:
    """Ends on a content word and holds at least ``MIN_CONTENT_WORDS`` of them, all words of letters."""
    content = [w for w in phrase if w not in stopwords]
    return all(w.isalpha() for w in phrase) and phrase[-1] not in stopwords and len(content) >= MIN_CONTENT_WORDS


def _holds(words: list[str], phrase: tuple[str, ...]) -> bool:
    size, first, at = len(phrase), phrase[0], 0
    last = len(words) - size  # the last index a phrase can start at
    while at <= last:  # jump between occurrences of the first word (list.index runs in C)
        try:
            at = words.index(first, at, last + 1)
        except ValueError:
            return False
        if tuple(words[at : at + size]) == phrase:
            return True
        at += 1
    return False


def _sentence_words(doc: Document, sentence: Sentence) -> list[str]:
    return [w.lower for w in doc.words[sentence.first_word : sentence.last_word]]


def _body_sentences(doc: Document) -> list[Sentence]:
    """Sentences of the article's paragraphs: not headings, lists or tables (entries say little by
    design), nor its comment thread (a reader's "I tried what you suggest about <topic>" is no stock
    line of the page's)."""
    thread = find_thread(doc)
    end = thread.start if thread is not None and thread.announced else len(doc.text)
    return [
        s
        for s in doc.sentences
        if s.last_word > s.first_word and s.end <= end and doc.blocks[doc.words[s.first_word].block].kind in _BODY_KINDS
    ]


def _added_content_words(words: list[str], phrase: tuple[str, ...], stopwords: frozenset[str]) -> set[str]:
    """The sentence's content words other than the phrase's (the phrase's own words may be topical)."""
    return {w for w in words if w.isalpha() and w not in stopwords and w not in phrase}


def _content_counts(doc: Document, sentences: list[Sentence], stopwords: frozenset[str]) -> Counter:
    """Stems of the content words of ``sentences`` and of the page's list items and tables."""
    counts: Counter = Counter()
    for sentence in sentences:
        counts.update(_stem(w) for w in _sentence_words(doc, sentence) if w.isalpha() and w not in stopwords)
    for word in doc.words:
        if doc.blocks[word.block].kind not in _BODY_KINDS | _TITLE_KINDS and word.lower not in stopwords:
            counts[_stem(word.lower)] += 1
    return counts


def _finding(doc: Document, start: int, end: int, phrase: tuple[str, ...], what: str) -> Finding:
    message = (
        f"{what} '{' '.join(phrase)}', the phrase this page forces into its title, subheadings and "
        "body: it says nothing of the subject"
    )
    evidence = {"phrase_words": float(len(phrase)), "template_sentence": 1.0}
    return make_finding(doc, "SEO102", start, end, message, suggestion="", evidence=evidence)


__all__ = ["template_phrase_findings", "templated_phrase"]
