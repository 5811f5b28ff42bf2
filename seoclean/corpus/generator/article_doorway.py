"""On-topic templated doorway pages: the ``article`` flavour.

What templated (programmatic-SEO) and content-farm pages are generally described to look like,
not a copy of any collected page: the body is a coherent article about the keyphrase's subject
(written by a language model, or a real article scraped and lightly rewritten), and one exact
long-tail keyphrase (3-6 words: the topic with a commercial, local or question modifier) is
forced verbatim into a templated title ("Top Guidelines Of {kw}"), into a share of the
subheadings, into the first and the last paragraph and into a share of the others: put in front
of a sentence ("When it comes to {kw}, ..."), as a short sentence of its own, as a clause bolted
onto a sentence, or in place of the article's own topic words. Here the article is the source
itself, trimmed to 150-700 words; its lists, tables and code stay as they are, and every sentence
not touched stays word for word.

Every keyphrase occurrence is a ``keyword`` span with ``detail`` ``doorway``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import asdict, dataclass

from seoclean.corpus.generator.blocks import MdBlock, parse_blocks, prose_ranges, sentence_ranges, title_block
from seoclean.corpus.generator.doorway import FillerDeck, Page, long_tail_keyphrase, title_case
from seoclean.corpus.generator.keyphrases import topic_core
from seoclean.corpus.generator.spans import Edit, Span, apply_edits
from seoclean.corpus.pools import read_pool
from seoclean.document import WORD_RE
from seoclean.lexicon import get_lexicon

MIN_WORDS, MAX_WORDS = 150, 700  # the kept article, headings included
MIN_KEYPHRASE_WORDS, MAX_KEYPHRASE_WORDS = 3, 6
MAX_PER_PARAGRAPH = 2  # occurrences the density top-up may put into one paragraph
# How the keyphrase gets into a paragraph, and how often each way is tried first.
MEANS_WEIGHTS = {"prefix": 0.25, "sentence": 0.25, "clause": 0.2, "replace": 0.3}
_CUTTABLE = frozenset({"paragraph", "list_item", "table_row", "quote", "code"})  # where a page may end
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_FIRST_WORD = re.compile(r"[A-Za-z][a-z'’]*\b")


@dataclass(frozen=True, slots=True)
class ArticleStyle:
    words: int  # the article is cut at the paragraph end nearest this many words
    density: float  # keyphrase occurrences per 100 words the page is topped up to
    paragraph_share: float  # share of the paragraphs between the first and the last that get it
    kw_heading_share: float  # share of subheadings rewritten to carry it
    template_heading_share: float  # of those, the share replaced by a template heading (others: attached)
    casing: str  # the keyphrase in running text: "lower" or "title"
    title_casing: str  # in the templated title: "title" or "lower"
    flavour: str = "article"

    def to_dict(self) -> dict:
        return asdict(self)


def sample_article_style(rng: random.Random) -> ArticleStyle:
    """Lengths of 150-700 words; 1-4 occurrences per 100 words; the keyphrase in 30-90% of
    the middle paragraphs and 30-100% of the subheadings; Title Case in running text on a quarter
    of the pages, as farms that paste the keyword list's capitalised entry do."""
    return ArticleStyle(
        words=rng.randint(MIN_WORDS, MAX_WORDS),
        density=round(rng.uniform(1.0, 4.0), 2),
        paragraph_share=round(rng.uniform(0.3, 0.9), 2),
        kw_heading_share=rng.choice((0.3, 0.5, 0.7, 1.0)),
        template_heading_share=rng.choice((0.0, 0.5, 1.0)),
        casing="title" if rng.random() < 0.25 else "lower",
        title_casing="lower" if rng.random() < 0.25 else "title",
    )


def article_keyphrase(core: str, rng: random.Random) -> tuple[str, str]:
    """(keyphrase, modifier kind): the topic with a commercial (half of the pages), local or
    question modifier, 3-6 words; a short commercial phrase gets a prefix and a suffix."""
    kind = rng.choice(("commercial", "commercial", "local", "question"))
    for _ in range(20):
        if kind == "commercial":
            phrase = long_tail_keyphrase(core, rng)
        else:
            pool = read_pool("doorway")["article_locals" if kind == "local" else "article_questions"]
            city = rng.choice(read_pool("doorway")["cities"]).lower()
            phrase = rng.choice(pool).format(core=core, city=city)
        if MIN_KEYPHRASE_WORDS <= len(phrase.split()) <= MAX_KEYPHRASE_WORDS:
            return phrase, kind
    stuffing = read_pool("stuffing")  # a one-word topic that drew only short forms
    return f"{stuffing['commercial_prefixes'][0]} {core} {stuffing['commercial_suffixes'][0]}", "commercial"


def article_page(title: str, body: str, style: ArticleStyle, rng: random.Random) -> tuple[str, list[Span], dict]:
    """The source article, trimmed, under a templated title, with one keyphrase forced into it."""
    core = topic_core(title, body)
    keyphrase, modifier = article_keyphrase(core, rng)
    text = trim(body, style.words)
    blocks = parse_blocks(text)
    running = keyphrase if style.casing == "lower" else title_case(keyphrase)
    values = {
        "kw": running,
        "Ks": running[:1].upper() + running[1:],
        "Kw": title_case(keyphrase),
        "city": rng.choice(read_pool("doorway")["cities"]),
        "year": str(rng.randint(2019, 2026)),
    }
    writer = _Writer(text, values, core, rng)
    title_edit = writer.title(title_block(blocks), style)
    edits = [title_edit] if title_edit else []
    edits += writer.headings([b for b in blocks if b.kind == "heading" and b.level > 1], style)
    edits += writer.paragraphs([b for b in blocks if b.kind == "paragraph"], style, edits)
    page, spans = apply_edits(text, [], edits)
    words = len(WORD_RE.findall(page))
    stats = {
        "keyphrase": keyphrase,
        "topic": core,
        "modifier": modifier,
        "words": words,
        "occurrences": len(spans),
        "per_100_words": round(100 * len(spans) / max(1, words), 2),
        "density_achieved": round(sum(len(s.text.split()) for s in spans) / max(1, words), 4),
        "paragraphs": writer.n_paragraphs,
        "paragraphs_with_keyphrase": len(writer.touched),
        "means": dict(sorted(writer.means.items())),
    }
    return page, spans, stats


def trim(body: str, target: int) -> str:
    """The article up to the end of the paragraph, list or table that brings it nearest ``target``
    words, kept within 150-700 words where such an end allows (a short article is kept whole)."""
    ends = [b.end for b in parse_blocks(body) if b.kind in _CUTTABLE and body[b.end : b.end + 2] in ("\n\n", "\n", "")]
    counted = [(len(WORD_RE.findall(body, 0, end)), end) for end in ends] or [(0, len(body.rstrip("\n")))]
    in_range = [pair for pair in counted if MIN_WORDS <= pair[0] <= MAX_WORDS] or counted
    _, end = min(in_range, key=lambda pair: abs(pair[0] - target))
    return body[:end].rstrip("\n") + "\n"


class _Writer:
    """Edits that put the keyphrase into one article; remembers which sentences it changed."""

    def __init__(self, text: str, values: dict[str, str], core: str, rng: random.Random) -> None:
        self.text, self.values, self.rng = text, values, rng
        self.core = re.compile(rf"\b{re.escape(core)}\b", re.IGNORECASE)
        pool = read_pool("doorway")
        usable = _usable(values)
        self.deck = FillerDeck(
            {
                "sentences": [
                    line
                    for name in ("article_keyword_sentences", "keyword_fillers", "guide_keyword_fillers")
                    for line in pool[name]
                    if usable(line)
                ],
                "prefixes": pool["article_prefixes"],
                "clauses": pool["article_clauses"],
                "headings": [line for name in ("headings", "guide_headings") for line in pool[name] if usable(line)],
                "heading_forms": pool["article_heading_forms"],
            },
            rng,
        )
        self.used: set[tuple[int, int]] = set()  # sentences already changed
        self.touched: Counter = Counter()  # paragraph start -> occurrences put in
        self.means: Counter = Counter()
        self.n_paragraphs = 0

    def fill(self, template: str, **overrides: str) -> tuple[str, tuple[Span, ...]]:
        page = Page({**self.values, **overrides})
        page.add(template, suffix="")
        return page.text, tuple(page.spans)

    def title(self, h1: MdBlock | None, style: ArticleStyle) -> Edit | None:
        if h1 is None:
            return None
        template = self.rng.choice(read_pool("stuffing")["title_templates"])
        casing = self.values["Kw"] if style.title_casing == "title" else self.values["kw"].lower()
        text, spans = self.fill(template.replace("{kw}", "{Kw}"), Kw=casing)
        return Edit(h1.body_start, h1.end, text, spans)

    def headings(self, headings: list[MdBlock], style: ArticleStyle) -> list[Edit]:
        """A drawn share of the subheadings: replaced by a template heading, or the article's own
        heading with the keyphrase attached (after it, when the heading is a numbered step)."""
        chosen = [b for b in headings if self.rng.random() < style.kw_heading_share]
        edits = []
        for block in chosen:
            own = self.text[block.body_start : block.end].strip().rstrip("#").strip()
            if self.rng.random() < style.template_heading_share and not own[:1].isdigit():  # steps keep their number
                text, spans = self.fill(self.deck.draw("headings"))
            else:
                form = self.deck.draw("heading_forms")
                while own[:1].isdigit() and form.startswith("{Kw}"):
                    form = self.deck.draw("heading_forms")
                text, spans = self.fill(form, heading=own)
            edits.append(Edit(block.body_start, block.end, text, spans))
        return edits

    def paragraphs(self, paragraphs: list[MdBlock], style: ArticleStyle, planned: list[Edit]) -> list[Edit]:
        """The first and last paragraph and a drawn share of the others, then more occurrences
        in paragraphs already touched while the page (with the ``planned`` title and heading
        edits) is under its density."""
        prose = [
            b
            for b in paragraphs
            if self.text[b.body_start : b.body_start + 1].isalnum()
            or self.text[b.body_start : b.body_start + 1] in '*_["“'
        ]
        self.n_paragraphs = len(prose)
        if not prose:
            return []
        middle = [b for b in prose[1:-1] if self.rng.random() < style.paragraph_share]
        edits = [edit for block in dict.fromkeys([prose[0], *middle, prose[-1]]) if (edit := self.insert(block))]
        words = len(WORD_RE.findall(self.text)) + sum(self._added_words(e) for e in planned + edits)
        occurrences = sum(len(e.spans) for e in planned + edits)
        candidates = [b for b in prose if self.touched[b.start]]
        while candidates and 100 * occurrences / words < style.density:
            block = self.rng.choice(candidates)
            edit = self.insert(block) if self.touched[block.start] < MAX_PER_PARAGRAPH else None
            if edit is None:
                candidates.remove(block)
                continue
            edits.append(edit)
            words += self._added_words(edit)
            occurrences += len(edit.spans)
        return edits

    def _added_words(self, edit: Edit) -> int:
        return len(WORD_RE.findall(edit.replacement)) - len(WORD_RE.findall(self.text, edit.start, edit.end))

    def insert(self, block: MdBlock) -> Edit | None:
        """One occurrence in a sentence of ``block`` not changed yet: the means are tried in a
        drawn order (weighted by ``MEANS_WEIGHTS``), each on the free sentences until one fits."""
        free = [s for s in sentence_ranges(self.text, block) if s not in self.used]
        self.rng.shuffle(free)
        order = sorted(MEANS_WEIGHTS, key=lambda m: self.rng.random() ** (1 / MEANS_WEIGHTS[m]), reverse=True)
        for name in order:
            for sentence in free:
                edit = getattr(self, f"_{name}")(block, sentence)
                if edit is not None:
                    self.used.add(sentence)
                    self.touched[block.start] += 1
                    self.means[name] += 1
                    return edit
        return None

    def _prefix(self, block: MdBlock, sentence: tuple[int, int]) -> Edit | None:
        """ "When it comes to {kw}, " before a sentence whose first word can go lower case."""
        start, _ = sentence
        word = _FIRST_WORD.match(self.text, start)
        if word is None or not self._common_word(word.group()):
            return None
        text, spans = self.fill(self.deck.draw("prefixes") + " ")
        return Edit(start, word.end(), text + word.group().lower(), spans)

    def _sentence(self, block: MdBlock, sentence: tuple[int, int]) -> Edit | None:
        """A keyword sentence before this one, or after it when it ends the paragraph."""
        start, end = sentence
        text, spans = self.fill(self.deck.draw("sentences"))
        if end == block.end and self.rng.random() < 0.5 and self.text[end - 1 : end] in ".!?":
            return Edit(end, end, " " + text, tuple(s.moved(1) for s in spans))
        return Edit(start, start, text + " ", spans)

    def _clause(self, block: MdBlock, sentence: tuple[int, int]) -> Edit | None:
        """A clause before the full stop of a sentence of six or more words."""
        start, end = sentence
        if self.text[end - 1 : end] != "." or len(WORD_RE.findall(self.text, start, end)) < 6:
            return None
        clause = self.deck.draw("clauses")
        text, spans = self.fill(clause if clause.startswith(",") else " " + clause)
        return Edit(end - 1, end - 1, text, spans)

    def _replace(self, block: MdBlock, sentence: tuple[int, int]) -> Edit | None:
        """The article's own topic words in this sentence (in prose, not code or a link target)
        replaced by the whole keyphrase."""
        start, end = sentence
        prose = prose_ranges(self.text, block)
        for match in self.core.finditer(self.text, start, end):
            if any(a <= match.start() and match.end() <= b for a, b in prose):
                slot = "Ks" if match.group()[:1].isupper() else "kw"
                text, spans = self.fill("{" + slot + "}")
                return Edit(match.start(), match.end(), text, spans)
        return None

    def _common_word(self, word: str) -> bool:
        """Whether a sentence's first word is an ordinary word that can go lower case after a
        prefix, not a name or "I": it occurs in lower case in the article, or is a stop word (also
        before an apostrophe: "it's", "we've"), or an open-class word that is rarely a name."""
        lower = word.lower()
        if word == "I" or word.startswith(("I'", "I’")):
            return False
        if re.search(rf"\b{re.escape(lower)}\b", self.text):
            return True
        lexicon = get_lexicon()
        base = re.split(r"['’]", lower)[0]
        return lexicon.is_stopword(base) or (bool(lexicon.tags(lower)) and lexicon.proper_share(lower) < 0.3)


def _usable(values: dict[str, str]):
    """Whether a template line's placeholders are all ones this page fills."""
    return lambda line: all(name in values for name in _PLACEHOLDER.findall(line))
