"""Which repeats of a reference page ``clean`` keeps: the notes its entries share.

A reference page (an API reference, a manual's list of options, environment variables or
hooks) documents one thing after another, each under an entry head: a signature, a dotted name,
an option, a ``name::`` definition term. Entries say the same things by design: "This is a
read-only attribute." under each read-only attribute, "Changed in version 3.6: Accepts a
path-like object." under each function that gained it, the same description under two options
that do the same. Each copy belongs to its own entry and tells the reader something about it:
deleting it loses what that entry says. ``check`` still reports such repeats (a writer may want
to factor them out); ``clean`` leaves them.

A spammer pastes an article's paragraphs and sentences again after some later paragraph: the
paste lands wherever that paragraph ended, with nothing tying it to an entry. On a reference page
the paragraphs worth pasting are mostly the introduction's, which sits under no entry head, and a
paste lands as often under a sub-list, a code line or a heading as under an entry of the series.
A copy is therefore kept only when the page shows the shape of a reference page
(``MIN_ENTRY_HEADS`` entry heads of one form), the copy and its original each sit under an entry
head with no heading in between, under two different heads of the same form (indentation, list
marker, how the head ends), both end their lines or neither does (a note closes each entry
alike; a paragraph copy ends its line whatever its original goes on to say; where lines are
wrapped or joined anywhere, two paragraphs that say the same things besides the note will do),
and the copy is no entry head itself. A term with its description hanging below it, indented
deeper (a manual page's commands), is an entry head too. Heads marked as definitions (a
permalink "¶", an AsciiDoc "::") are one series at any depth: a class's methods under a module's
functions. Unmarked names on consecutive lines
with no text of their own are a list of values inside an entry, not entry heads. Titles said again
(SEO405) are never a note, and a page that shows other spam gets no benefit of the doubt (the
planner's call).

Three other kinds of repeat are any page's structure, which ``clean`` keeps on the same terms
(``without_entry_notes``): a list item naming a heading of the page is an entry of its table of contents or breadcrumb
trail, shown again in a sidebar (``navigation_entries``); a line of a list entry of several lines
that another entry has too is a field the entries share, the publisher of two books in a
bibliography or step 7 of two parallel procedures (``list_entry_fields``); the source named
after each of two quotations from it (``quotation_sources``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding

ENTRY_NOTE_RULES = frozenset({"SEO402", "SEO403", "SEO404", "SEO406"})  # not SEO405: a title is no note
MIN_ENTRY_HEADS = 5  # a page with fewer entry heads is no reference page
HEAD_MAX_WORDS = 8  # a head no permalink or "::" marks is a name, maybe with a few arguments, not prose
HANGING_INDENT = 4  # a definition's body hangs this much deeper than its term; a heading's barely
HANGING_BODY_WORDS = 4  # a definition's body opens a sentence; a line of code is a few tokens
# two like entries' paragraphs share most of their words besides a note they both say, and more
# than the few ("file", "object") any two paragraphs of one reference share
PARALLEL_SHARE = 0.5
PARALLEL_MIN_SHARED = 6
_TERMINAL = (".", "!", "?", ";", ",")
_DEFINITION_ENDINGS = ("::", "¶")
_ATTRIBUTION_DASHES = ("–", "—", "―")
_CLOSING_QUOTES = ("”", '"', "»", "’")
_LINE_RULES = frozenset({"SEO402", "SEO406"})  # a repeated line, a repeated sentence
_QUOTED_WORD_RE = re.compile(r"^(['`])[\w.-]+\1$")
_LIST_MARKER_RE = re.compile(r"^(\s*)((?:[-*+•]|\d+[.)])\s+)?")
_HEADING_RE = re.compile(r"^#{1,6}\s", re.MULTILINE)
_UNDERLINE_RE = re.compile(r"^\s*([-~=^])\1{2,}\s*$")
# a name in code form opens an entry head: an option ("-r", "--quiet"), a dotted or snake_case
# name ("os.chmod", "av_store"), a call ("compile_dir(", "githooks(5)"), a variable ("$HOME",
# "<name>"), maybe quoted or in backticks
_CODE_NAME_RE = re.compile(
    r"^[`'\"]?(?:--?[a-z]|[A-Za-z_]\w*(?:[._][A-Za-z_]\w*)+|[A-Za-z_]\w*\(|[$<]|[a-z][a-z0-9]*(?:-[a-z0-9]+)+[`'\"]?$)"
)


@dataclass(frozen=True, slots=True)
class _Head:
    start: int
    form: tuple


class EntryHeads:
    """The entry heads of a document, in order (``heads``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        heads = _without_name_lists(text, list(_entry_heads(text)))
        # a series of entries is a form many heads share; a lone line of that look is prose
        # opening with a name ("If XATTR_CREATE is given, ...") or a sub-list of constants
        forms = Counter(head.form for head in heads)
        self.heads = [head for head in heads if forms[head.form] >= MIN_ENTRY_HEADS]
        self._starts = [head.start for head in self.heads]
        # a Markdown heading ends the entry above it: what follows belongs to its section
        self._sections = [m.start() for m in _HEADING_RE.finditer(text)]

    @property
    def reference_page(self) -> bool:
        return len(self.heads) >= MIN_ENTRY_HEADS

    def head_above(self, offset: int) -> _Head | None:
        """The last entry head that starts before ``offset`` with no heading in between (None:
        the page's introduction, or a section's own text)."""
        index = bisect.bisect_right(self._starts, offset)
        if not index:
            return None
        head = self.heads[index - 1]
        section = bisect.bisect_right(self._sections, offset)
        return None if section and self._sections[section - 1] > head.start else head

    def note_of_entries(self, copy_start: int, original_start: int, copy_text: str, *, sentence: bool = True) -> bool:
        """Whether a copy and its original are each under an entry head, two different heads of
        one form, a repeated sentence ends its line in both places or in neither (a note closes
        each entry alike; a paste stands where it landed), and the copy is no head itself. A
        paragraph copy (``sentence=False``) ends its line by being a paragraph: its original may go
        on with sentences the copy left out."""
        said = copy_text.strip()
        if _is_head(said, ""):
            return False
        copy_start += len(copy_text) - len(copy_text.lstrip())
        verbatim = self.text.startswith(said, original_start)  # a near-copy's original is worded otherwise
        if (
            sentence
            and verbatim
            and self._ends_line(copy_start + len(said)) != self._ends_line(original_start + len(said))
            and not self._parallel_paragraphs(copy_start, original_start, said)
        ):
            return False
        mine, theirs = self.head_above(copy_start), self.head_above(original_start)
        if mine is None or theirs is None or mine.start == theirs.start:
            return False
        return _same_series(mine.form, theirs.form)

    def _parallel_paragraphs(self, copy_start: int, original_start: int, said: str) -> bool:
        """Whether the paragraphs holding a sentence and its copy say the same things besides it:
        at least ``PARALLEL_SHARE`` of the shorter one's words (the sentence aside) and at least
        ``PARALLEL_MIN_SHARED`` words, as the
        descriptions of two like entries do ("Read the pickled representation of an object
        from the open file object ..." under ``pickle.load`` and under ``Unpickler.load``). Where
        a page's lines are wrapped or joined anywhere, a note need not end its line in both
        entries; a paste lands beside text that says other things."""
        mine = _paragraph_words(self.text, copy_start, said)
        theirs = _paragraph_words(self.text, original_start, said)
        shared = len(mine & theirs)
        return shared >= PARALLEL_MIN_SHARED and shared >= PARALLEL_SHARE * min(len(mine), len(theirs))

    def _ends_line(self, offset: int) -> bool:
        end = self.text.find("\n", offset)
        return not self.text[offset : len(self.text) if end < 0 else end].strip()


def entry_notes(doc: Document, copies: Iterable[Finding]) -> set[int]:
    """Ids of the copies (SEO402-SEO404, SEO406) that a reference page says under each of its
    entries (see the module docstring), which ``clean`` keeps."""
    copies = [f for f in copies if f.rule in ENTRY_NOTE_RULES]
    if not copies:
        return set()
    heads = EntryHeads(doc.text)
    if not heads.reference_page:
        return set()
    kept = set()
    for finding in copies:
        original = _original_start(doc, finding)
        sentence = finding.rule == "SEO406"
        if original is not None and heads.note_of_entries(finding.start, original, finding.text, sentence=sentence):
            kept.add(id(finding))
    return kept


def navigation_entries(doc: Document, copies: Iterable[Finding]) -> set[int]:
    """Ids of repeated lines (SEO402) that are list items naming a heading of the page: the
    entries of a table of contents and of a breadcrumb trail ("- spwd — The shadow password
    database" under "# spwd — The shadow password database¶"), which a documentation page shows
    at its top and again in its sidebar. They are the page's navigation, not a pasted line. A
    list names a heading once: the same entry right below itself was doubled, unless it is the
    page's title, which ends the breadcrumb trail and opens the table of contents after it; and
    never on the very next line of a tight list."""
    headings = [_label(doc.text[b.start : b.end]) for b in doc.blocks if b.kind in ("heading", "title")]
    title = headings[0] if headings else ""
    kept = set()
    for finding in copies:
        said, label = finding.text.strip(), _label(finding.text)
        if finding.rule != "SEO402" or not label or label not in headings:
            continue
        if not _is_list_item(doc, finding.start, finding.text) or _right_below_itself(doc.text, finding.start, said):
            continue
        if label == title or not _next_entry_of_its_original(doc.text, finding.start, said):
            kept.add(id(finding))
    return kept


def list_entry_fields(doc: Document, copies: Iterable[Finding]) -> set[int]:
    """Ids of repeated lines (SEO402, or SEO406 sentences standing as lines) that are one line of a
    list item of several lines, as their originals are of another item: entries of a list say the
    same things field by field (two books by one author, publisher or journal in a bibliography,
    step 7 of two parallel procedures). A pasted line stands on its own, not inside a list entry
    like its original."""
    kept = set()
    for finding in copies:
        if finding.rule not in _LINE_RULES or not _whole_line(doc.text, finding.start, finding.end):
            continue
        original = _original_start(doc, finding)
        if original is None:
            continue
        mine, theirs = _item_of(doc, finding.start, finding.text), _item_of(doc, original, finding.text)
        if mine is not None and theirs is not None and mine != theirs:
            kept.add(id(finding))
    return kept


def quotation_sources(doc: Document, copies: Iterable[Finding]) -> set[int]:
    """Ids of repeated sentences (SEO406) that name the source of the quotation they follow
    ('... at school.” – excerpt from the specification.'): two quotations from one source each
    cite it, as a bibliography would."""
    kept = set()
    for finding in copies:
        if finding.rule != "SEO406" or finding.text.strip()[:1] not in _ATTRIBUTION_DASHES:
            continue
        if doc.text[max(0, finding.start - 8) : finding.start].rstrip().endswith(_CLOSING_QUOTES):
            kept.add(id(finding))
    return kept


def without_entry_notes(doc: Document, copies: list[Finding]) -> list[Finding]:
    """``copies`` less the notes a reference page says under each of its entries, the entries
    of its navigation lists, the fields its list entries share and the sources of its quotations."""
    kept = entry_notes(doc, copies) | navigation_entries(doc, copies) | list_entry_fields(doc, copies)
    kept |= quotation_sources(doc, copies)
    return [f for f in copies if id(f) not in kept]


def _right_below_itself(text: str, start: int, said: str) -> bool:
    """Whether the line before the one at ``start`` says ``said`` too, with no blank line between."""
    previous = text.rfind(said, 0, start)
    return previous >= 0 and text.count("\n", previous + len(said), start) <= 1


def _next_entry_of_its_original(text: str, start: int, said: str) -> bool:
    """Whether the line before the one at ``start``, blank lines aside, says ``said`` too."""
    previous = text.rfind(said, 0, start)
    return previous >= 0 and not text[previous + len(said) : start].strip()


def _label(text: str) -> str:
    """A heading's or list entry's words, without its markers: "# Title¶" and "- Title" alike."""
    body = text.strip().lstrip("#").strip()
    body = body[_LIST_MARKER_RE.match(body).end() :]
    return " ".join(body.rstrip("¶»#: ").split()).casefold()


def _paragraph_words(text: str, offset: int, said: str) -> set[str]:
    """The distinct words (of four letters or more) of the paragraph holding ``offset``, less
    those of ``said``: its lines from the last one opening it (after a blank line, or with a list
    marker) to the next such one."""
    lines = text.split("\n")
    index = text.count("\n", 0, offset)
    first = index
    while first > 0 and lines[first - 1].strip() and not _LIST_MARKER_RE.match(lines[first]).group(2):
        first -= 1
    last = index
    while last + 1 < len(lines) and lines[last + 1].strip() and not _LIST_MARKER_RE.match(lines[last + 1]).group(2):
        last += 1
    paragraph = "\n".join(lines[first : last + 1]).replace(said, " ")
    return {word.casefold() for word in WORD_RE.findall(paragraph) if len(word) >= 4}


def _whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end : len(text) if line_end < 0 else line_end].strip()


def _item_of(doc: Document, start: int, text: str) -> tuple[int, int] | None:
    """The span of the list item of several lines that holds the line at ``start`` as one of them
    (None: the line is no part of such an item, or is the whole item)."""
    said = text.strip()
    start += len(text) - len(text.lstrip())
    block = doc.block_at(start)
    if block is None or block.kind != "list_item" or "\n" not in doc.text[block.start : block.end].strip():
        return None
    whole = doc.text[block.start : block.end].strip()
    return None if whole == said else (block.start, block.end)


def _is_list_item(doc: Document, start: int, text: str) -> bool:
    block = doc.block_at(start + len(text) - len(text.lstrip()))
    return (block is not None and block.kind == "list_item") or bool(_LIST_MARKER_RE.match(text.strip()).group(2))


def _original_start(doc: Document, finding: Finding) -> int | None:
    """Where the copy's original starts: the same words earlier on the page, or else the start
    of the line the finding names (a near-copy's original is worded otherwise)."""
    said = finding.text.strip()
    found = doc.text.find(said) if said else -1
    if 0 <= found < finding.start:
        return found
    first_line = finding.evidence.get("first_line")
    if first_line is None or not 1 <= int(first_line) <= len(doc.line_index):
        return None
    return doc.line_index.line_span(int(first_line))[0]


def _entry_heads(text: str) -> Iterable[_Head]:
    """Lines that open an entry: standing apart from the prose above them, short, ending no
    sentence, with a name in code form among their first two words."""
    previous, offset = "", 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        below = lines[index + 1 : index + 2]
        if _is_head(line, previous) or _underlined_name(line, below) or _hanging_term(line, below, previous):
            yield _Head(offset, _form(line))
        if line.strip() and not _UNDERLINE_RE.match(line):
            previous = line
        elif not line.strip():
            previous = ""
        offset += len(line) + 1


def _without_name_lists(text: str, heads: list[_Head]) -> list[_Head]:
    """``heads`` less the lines of a list of names: unmarked heads of one form on consecutive
    lines, with no text of their own ("  - stat.S_IRUSR" over "  - stat.S_IWUSR"), are the values
    an entry lists, not entries; the entry's text after them is still its head's."""
    listed = set()
    for above, below in itertools.pairwise(heads):
        consecutive = text.count("\n", above.start, below.start) == 1
        if consecutive and above.form == below.form and above.form[2] not in _DEFINITION_ENDINGS:
            listed |= {above.start, below.start}
    return [head for head in heads if head.start not in listed]


def _is_head(line: str, previous: str) -> bool:
    marker = _LIST_MARKER_RE.match(line)
    listed = marker.group(2) is not None
    body = line[marker.end() :].strip()
    definition = body.endswith(("::", "¶"))  # an AsciiDoc definition term, a Sphinx permalink
    core = body.rstrip(":¶ ").strip()
    if not core or core.endswith(_TERMINAL):
        return False
    words = core.split()
    if definition:  # a signature marked as a head may list many parameters
        # a listed one is an entry ("- exception DeprecationWarning¶"); a heading is marked alike;
        # a word in quotes or backticks is in code form whatever it says ("'connect'::")
        return listed or any(_CODE_NAME_RE.match(word) or _QUOTED_WORD_RE.match(word) for word in words[:2])
    # a name opens a head, after a lowercase keyword maybe ("class email.parser.Parser(...)");
    # a capitalised word opens prose that goes on to name something ("If XATTR_CREATE is ...")
    named = bool(_CODE_NAME_RE.match(words[0])) or (
        words[0].islower() and len(words) > 1 and bool(_CODE_NAME_RE.match(words[1]))
    )
    if not named or len(WORD_RE.findall(core)) > HEAD_MAX_WORDS:
        return False
    # a line wrapped out of a paragraph continues the line above it; a head stands apart
    apart = not previous.strip() or previous.rstrip().endswith((*_TERMINAL, ":", "¶"))
    return listed or apart


def _underlined_name(line: str, below: list[str]) -> bool:
    """A lowercase name underlined as a heading ("pre-receive" or "update" over "~~~~~~"): a
    section heading of prose is worded, capitalised."""
    words = line.split()
    return len(words) == 1 and words[0][:1].islower() and bool(below) and bool(_UNDERLINE_RE.match(below[0]))


def _hanging_term(line: str, below: list[str], previous: str) -> bool:
    """A term of a plain-text definition list, its body hanging below it indented deeper
    ("    disable [line]" over "                Disable the breakpoint ..."), as manual pages,
    Pod and ``--help`` output lay out commands and options: standing apart, short, ending no
    sentence, opening with a lowercase word or a name in code form. A section heading laid out
    alike is capitalised words ("   Debugger Internal Variables"), its body barely deeper; a line
    below text indented deeper than itself interrupts that text (a directive, a code line), and a
    code line over a deeper one is a block of code, its body no sentence."""
    if not below or not below[0].strip():
        return False
    if previous.strip() and (not previous.rstrip().endswith(_TERMINAL) or _indent(previous) > _indent(line)):
        return False
    core = line.strip()
    if not core or core.endswith((*_TERMINAL, ":")) or len(WORD_RE.findall(core)) > HEAD_MAX_WORDS:
        return False
    first = core.split()[0]
    if not (first[:1].islower() or _CODE_NAME_RE.match(first)):
        return False
    body = below[0].strip()
    prose = body[:1].isupper() and len(WORD_RE.findall(body)) >= HANGING_BODY_WORDS
    return prose and _indent(below[0]) >= _indent(line) + HANGING_INDENT


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _same_series(mine: tuple, theirs: tuple) -> bool:
    """Whether two head forms are entries of one reference: the same form, or both marked as
    definitions alike at any depth (a class's methods, "  - load()¶", under module functions,
    "- pickle.load(file)¶": a permalink or "::" marks an entry wherever it stands)."""
    return mine == theirs or (mine[2] in _DEFINITION_ENDINGS and mine[2] == theirs[2])


def _form(line: str) -> tuple:
    """What entry heads of one series share: indentation, list marker and how the head ends
    ("- os.getpid()¶" and "- os.environ¶", "`GIT_DIR`::" and "--bare::")."""
    marker = _LIST_MARKER_RE.match(line)
    indent = len(marker.group(1).expandtabs(8))
    bullet = (marker.group(2) or "").strip()[:1]
    body = line[marker.end() :].strip()
    ending = next((end for end in ("::", "¶", ":") if body.endswith(end)), "")
    return indent, bullet, ending


__all__ = [
    "ENTRY_NOTE_RULES",
    "MIN_ENTRY_HEADS",
    "EntryHeads",
    "entry_notes",
    "list_entry_fields",
    "navigation_entries",
    "quotation_sources",
    "without_entry_notes",
]
