"""Keyphrases planted once, found by their own shape (SEO102), when no family names them.

An article may use a search word anywhere; what it does not do is drop a query-shaped phrase
into a sentence whose words do not take it. Each check needs the phrase to carry a search
modifier other than a year (``search_terms``; two of them in lower case), and the place to show
the insertion:

- capitalised mid-sentence: common words in Title Case or a capitalised common word after a
  lower-case word ("your money goes Sports Betting Tips Today into a mix"), ending the sentence or
  leaving a known word pair behind when taken out;
- lower case mid-sentence: neither neighbour forms a known pair with the phrase while the two
  neighbours form a common pair with each other;
- a heading, a list item or a heading's tail made of two search modifiers or a query tail
  ("### Network without prescription");
- a fragment sentence, a bold run inside a sentence, a heading's tail or a title whose casing
  breaks with the rest of the title (a template's slot: "7 Things Nobody Explains About
  emergency fund target fast").

Names are left alone: capitalised words must be common lower-case words, not proper names.
"""

from __future__ import annotations

from functools import cached_property

from seoclean.detectors.keyword_slots import Slot, Slots
from seoclean.detectors.phrases import WordTable
from seoclean.detectors.query_shape import MAX_PHRASE, PHRASE_FUNCTION_WORDS, query_modifiers, query_shaped, topic_words
from seoclean.detectors.search_terms import MODIFIER_START_WORDS, STRONG_MODIFIERS, modifier_spans, modifiers_in
from seoclean.document import Document
from seoclean.lexicon import Lexicon

MIN_COMMON_ZIPF = 3.0  # a capitalised word must be this common in lower case (1 per million words)
MAX_PROPER_SHARE = 0.3  # ... and rarely a proper name
MIN_JOIN = 2.0  # the pair left when the phrase is taken out must be at least this common
MIN_ATTACHED_JOIN = 3.5  # ... and this common after a phrase that pairs with the word before it


class InsertionFinder:
    """The checks of the module docstring over one document."""

    def __init__(self, doc: Document, table: WordTable, lex: Lexicon, *, relaxed: bool = False) -> None:
        self.doc, self.table, self.lex = doc, table, lex
        self.stopwords = lex.stopwords
        # On a page already shown to be stuffed, the page's topic words count as evidence too:
        # stuffers pair the topic with one modifier ("affordable phone"), which alone proves nothing.
        self.relaxed = relaxed
        # Whether `_lowercase` may take a phrase that pairs with the word before it (see
        # `cut_off_in_sentences`); never for a single finding.
        self._attached = False
        # The page's query modifiers by first word, as (end, modifier): the modifiers of any window
        # are read from here instead of re-matching its words (see `_modifiers_between`).
        self._modifiers_at: dict[int, list[tuple[int, str]]] = {}
        for start, end, modifier in modifier_spans(table.lower):
            self._modifiers_at.setdefault(start, []).append((end, modifier))

    @cached_property
    def topic(self) -> frozenset[str]:
        return topic_words(self.table, self.stopwords)

    def _on_topic(self, words: tuple[str, ...]) -> int:
        return int(self.relaxed and bool(self.topic.intersection(words)))

    def _modifiers_between(self, start: int, end: int) -> set[str]:
        """``query_modifiers(lower[start:end])``: the modifiers whose words all lie in the window."""
        at = self._modifiers_at
        return {modifier for i in range(start, end) for stop, modifier in at.get(i, ()) if stop <= end}

    def _strength(self, start: int, end: int) -> int:
        """Search modifiers in the window, plus one for a topic word on a page shown to be stuffed."""
        return len(self._modifiers_between(start, end)) + self._on_topic(tuple(self.table.lower[start:end]))

    # -- sentences ------------------------------------------------------------------------------
    def in_sentences(self) -> list[tuple[int, int]]:
        """(first word, word count) of insertions inside sentences."""
        found: list[tuple[int, int]] = []
        next_free = 1  # a hit covers its words: the scan resumes after it
        for i in self._candidate_positions():
            if i < next_free:
                continue
            hit = self._at(i)
            if hit:
                first = i + 1 if self._starts_one_word_early(i, i + hit) else i
                found.append((first, i + hit - first))
                next_free = i + hit
        return found

    def cut_off_in_sentences(self) -> list[tuple[int, int]]:
        """The lower-case ``in_sentences`` hits that sentences read on without (``_cut_off``),
        phrases whose first word pairs with the word before it included ("pressure to [instant
        investment scams offering fast] act"): one such cut proves nothing, since articles write
        "people buy olive oil like they buy wine"; the caller asks for several."""
        table = self.table
        self._attached = True
        try:
            hits = self.in_sentences()
        finally:
            self._attached = False
        return [
            (i, size)
            for i, size in hits
            if i + size < table.sentence_end[i]
            and all(w.text == w.lower for w in table.words[i : i + size])
            and table.lower[i + size] not in MODIFIER_START_WORDS  # the query runs on: cut in the wrong place
            and self._cut_off(i, i + size)
        ]

    def _candidate_positions(self) -> list[int]:
        """Positions with a whole query modifier in their next MAX_PHRASE words: `_at` returns 0
        everywhere else (every hit passes `_is_query`), so only these need a look."""
        candidates: set[int] = set()
        for start, modifiers in self._modifiers_at.items():
            for end, _ in modifiers:
                candidates.update(range(max(1, end - MAX_PHRASE), start + 1))
        return sorted(candidates)

    def _at(self, i: int) -> int:
        table, words = self.table, self.table.words
        if not self._modifiers_between(i, min(i + MAX_PHRASE, table.sentence_end[i])):
            return 0  # every hit below passes `_is_query`, which needs a search modifier within reach
        if i == table.sentence_start[i] or table.in_heading(i) or self.gap(i - 1, i):
            return 0
        if self.common_capital(i) and words[i - 1].text[:1].islower():
            return self._capitalised(i)
        if words[i].text[:1].islower():
            return self._lowercase(i)
        return 0

    def _capitalised(self, i: int) -> int:
        table, words = self.table, self.table.words
        end_of_sentence = table.sentence_end[i]
        run = i + 1
        while (
            run < end_of_sentence
            and run - i < MAX_PHRASE
            and not self.gap(run - 1, run)
            and (
                self.common_capital(run)
                or (words[run].lower in PHRASE_FUNCTION_WORDS and words[run].text[:1].isupper())
            )
        ):
            run += 1
        if run - i >= 2:  # Title Case run; after "the", "of", ... a name, unless a query tail ends it
            if self.lex.is_stopword(self.table.lower[i - 1]) and not self.query_tagged(self._modifiers_between(i, run)):
                return 0
            planted = self.leaves_sentence_whole(i, run) and self._is_query(i, run) and not self._verb_object(i, run)
            return run - i if planted else 0
        for end in range(i + 2, min(i + MAX_PHRASE, end_of_sentence) + 1):  # Sentence case: find the end
            if any(words[k].text[:1].isupper() for k in range(i + 1, end)):
                break
            if self._is_query(i, end) and self.leaves_sentence_whole(i, end, strict=True):
                return 0 if self._verb_object(i, end) else end - i
        return 0

    def _verb_object(self, start: int, end: int) -> bool:
        """A capitalised phrase ending its sentence right after a verb's base form is its object: a
        title or label the sentence points to ("Please read Security considerations for best
        practices.", "then click Save Changes"). A stuffer's paste at a sentence's end follows a
        finished clause, which does not stop on a verb wanting its object."""
        return end == self.table.sentence_end[start] and "VB" in self.lex.tags(self.table.lower[start - 1])

    def _lowercase(self, i: int) -> int:
        table, lower, lex = self.table, self.table.lower, self.lex
        attached = bool(lex.bigram(lower[i - 1], lower[i])) or lex.is_stopword(lower[i - 1])
        if attached and not self._attached:
            return 0  # the phrase attaches to the word before it ("people buy olive oil like they")
        last = min(i + MAX_PHRASE, table.sentence_end[i])
        if self._strength(i, last) < 2:
            return 0  # a window's strength only grows with it: no phrase below reaches 2 either
        for end in range(i + 2, last + 1):
            if self.gap(end - 2, end - 1):
                break
            if self._strength(i, end) < 2 or not self._is_query(i, end):
                continue  # one search word in lower case is how articles write too
            if attached and not self.query_tagged(self._modifiers_between(i, end)):
                continue  # "set the integer value of the top stack entry": "top" is not a query here
            if end == table.sentence_end[i]:
                if end - table.sentence_start[i] >= 6 and not attached:
                    return end - i
                continue
            if self._cut_off(i, end, MIN_ATTACHED_JOIN if attached else MIN_JOIN + 1):
                return end - i
        return 0

    def _cut_off(self, start: int, end: int, min_join: float = MIN_JOIN + 1) -> bool:
        """The phrase's last word never meets the next one, while the words around the phrase
        form a pair at least ``min_join`` common: the sentence reads on without it."""
        lower, lex = self.table.lower, self.lex
        if self.gap(end - 1, end) or lex.bigram(lower[end - 1], lower[end]) != 0:
            return False
        return lex.bigram(lower[start - 1], lower[end]) >= min_join

    def _starts_one_word_early(self, start: int, end: int) -> bool:
        """Whether the phrase's first word belongs to the sentence before it: the phrase repeats
        that word and is a query without it ("covers a courtesy car | cheap car insurance quotes")."""
        lower = self.table.lower
        rest = lower[start + 1 : end]
        return lower[start] in rest and self._strength(start + 1, end) >= 2 and self._is_query(start + 1, end)

    def _is_query(self, start: int, end: int) -> bool:
        if not self._modifiers_between(start, end) or any(self.gap(k - 1, k) for k in range(start + 1, end)):
            return False
        return query_shaped(tuple(self.table.lower[start:end]), self.stopwords, self.lex)

    def leaves_sentence_whole(self, start: int, end: int, *, strict: bool = False) -> bool:
        """At the sentence end, or the words on both sides join when the phrase goes."""
        table, lower, lex = self.table, self.table.lower, self.lex
        if end == table.sentence_end[start]:
            return not strict or bool(modifiers_in(tuple(lower[start:end])))
        if self.gap(end - 1, end) or table.words[end].text[:1].isupper():
            return False
        joins = lex.bigram(lower[start - 1], lower[end]) >= MIN_JOIN
        return joins and (not strict or lex.bigram(lower[end - 1], lower[end]) == 0)

    def common_capital(self, i: int) -> bool:
        """A common word capitalised (not an acronym, nor a word mostly seen in names)."""
        word = self.table.words[i]
        if not word.text[:1].isupper() or word.text.isupper() or len(word.text) < 2:
            return False
        return self.lex.zipf(word.lower) >= MIN_COMMON_ZIPF and self.lex.proper_share(word.lower) <= MAX_PROPER_SHARE

    def gap(self, left: int, right: int) -> bool:
        """Punctuation (anything but spaces) between two words."""
        words = self.table.words
        return bool(self.doc.text[words[left].end : words[right].start].strip())

    # -- slots ----------------------------------------------------------------------------------
    def slot_is_planted(self, slot: Slot, slots: Slots) -> bool:
        words = slot.words
        if slot.kind == "title":
            return self._template_title(slot)
        if not query_shaped(words, self.stopwords, self.lex):
            return False
        modifiers = query_modifiers(words)
        if slot.kind == "fragment" and self.relaxed and self._title_cased(slot):
            return True  # "Home Warranty Plans." between two sentences in sentence case
        if not modifiers:
            return False
        if slot.kind == "fragment":  # "Compound Interest Time Online." / "Emergency shade 24/7."
            return self._title_cased(slot) or len(modifiers) + self._on_topic(words) >= 2
        if slot.kind == "bold":
            return True
        if slot.kind == "tail":  # "Is it noisy? - Air Source Heat Unit Near Me"
            # On a page shown to be stuffed, one search word is enough: "Step 8: Tidy up | cheap car
            # insurance quotes" (a heading's own tail after a joiner is rarely a query).
            return self.case_breaks(slot, slots) or self.query_tagged(modifiers) or self.relaxed
        if slot.kind in ("heading", "item"):  # "### Network without prescription", "## Pay off month 24/7"
            return self.query_tagged(modifiers)
        return False

    @staticmethod
    def query_tagged(modifiers: set[str]) -> bool:
        """Two search modifiers, or one that only a query carries ("near me", "for sale", "24 7")."""
        return len(modifiers) >= 2 or not STRONG_MODIFIERS.isdisjoint(modifiers)

    def _words_of(self, slot: Slot) -> list:
        return self.doc.words_between(slot.start, slot.end)

    def _title_cased(self, slot: Slot) -> bool:
        words = self._words_of(slot)
        content = [w for w in words if w.lower not in self.stopwords]
        return len(content) >= 2 and all(
            w.text[:1].isupper() and self.lex.zipf(w.lower) >= MIN_COMMON_ZIPF for w in content
        )

    def case_breaks(self, slot: Slot, slots: Slots) -> bool:
        """A tail in another case than its heading ("Is it noisy? - Air Source Heat Unit Near Me")."""
        line = slots.lines[slot.line]
        head = [w for w in line.words if w.end <= slot.start and w.lower not in self.stopwords][1:]
        tail = [w for w in self._words_of(slot) if w.lower not in self.stopwords]
        if not head or not tail:
            return False
        head_title = all(w.text[:1].isupper() for w in head)
        tail_title = all(w.text[:1].isupper() for w in tail)
        return head_title != tail_title

    def _template_title(self, slot: Slot) -> bool:
        """A Title Case frame with a slot in lower case: a capitalised function word after the
        first word (not a name's, not after a colon) and a lower-case content word in one title."""
        words = self._words_of(slot)
        if len(words) < 4:
            return False
        text = self.doc.text
        framed = lowered = False
        for index, word in enumerate(words[1:], start=1):
            after_colon = (
                text[words[index - 1].end : word.start].strip(" ").endswith((":", "?", "!", ".", "|", "-", "–", "—"))
            )
            capital = word.text[:1].isupper() and not word.text.isupper()
            if capital and word.lower in self.stopwords and not after_colon and self._frame_word(words, index):
                framed = True  # "At", "Of", "You": Title Case that capitalises even function words
            elif (
                word.text[:1].islower()
                and word.lower not in self.stopwords
                and word.text.isalpha()
                and len(word.text) > 2
            ):
                lowered = True
        if not (framed and lowered):
            return False
        lower = tuple(w.lower for w in words)
        # The slot holds search words, or (on a page shown to be stuffed) the page's topic in
        # lower case: "The Only water faucet Guide You Need".
        return bool(query_modifiers(lower)) or bool(self._on_topic(tuple(w.lower for w in words if w.text.islower())))

    def _frame_word(self, words: list, index: int) -> bool:
        """A capitalised common word that is not part of a name (no rare capitalised neighbour)."""
        for other in (words[index - 1], words[index + 1] if index + 1 < len(words) else None):
            if other is not None and other.text[:1].isupper() and not self._common_word(other.lower):
                return False
        return True

    def _common_word(self, word: str) -> bool:
        """A function word, or a common word that is rarely a proper name."""
        if word in self.stopwords:
            return True
        return self.lex.zipf(word) >= MIN_COMMON_ZIPF and self.lex.proper_share(word) <= MAX_PROPER_SHARE


# The query-shape helpers live in ``query_shape``; other detectors import them from here too.


def bare_verb(tags: tuple[str, ...]) -> bool:
    """Whether a word's tags are only a bare verb's (base form or present tense: "read", "click")."""
    return bool(tags) and all(tag in ("VB", "VBP") for tag in tags)


__all__ = ["InsertionFinder", "query_modifiers", "query_shaped", "topic_words"]
