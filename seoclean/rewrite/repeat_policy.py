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
alike), and the copy is no entry head itself. Titles said again (SEO405) are never a note, and a page
that shows other spam gets no benefit of the doubt (the planner's call).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding

ENTRY_NOTE_RULES = frozenset({"SEO402", "SEO403", "SEO404", "SEO406"})  # not SEO405: a title is no note
MIN_ENTRY_HEADS = 5  # a page with fewer entry heads is no reference page
HEAD_MAX_WORDS = 8  # a head no permalink or "::" marks is a name, maybe with a few arguments, not prose
_TERMINAL = (".", "!", "?", ";", ",")
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
        heads = list(_entry_heads(text))
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

    def note_of_entries(self, copy_start: int, original_start: int, copy_text: str) -> bool:
        """Whether a copy and its original are each under an entry head, two different heads of
        one form, both end their lines or neither does (a note closes each entry alike; a paste
        stands where it landed), and the copy is no head itself."""
        said = copy_text.strip()
        if _is_head(said, ""):
            return False
        copy_start += len(copy_text) - len(copy_text.lstrip())
        verbatim = self.text.startswith(said, original_start)  # a near-copy's original is worded otherwise
        if verbatim and self._ends_line(copy_start + len(said)) != self._ends_line(original_start + len(said)):
            return False
        mine, theirs = self.head_above(copy_start), self.head_above(original_start)
        if mine is None or theirs is None or mine.start == theirs.start:
            return False
        return mine.form == theirs.form

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
        if original is not None and heads.note_of_entries(finding.start, original, finding.text):
            kept.add(id(finding))
    return kept


def without_entry_notes(doc: Document, copies: list[Finding]) -> list[Finding]:
    """``copies`` less the notes a reference page says under each of its entries."""
    notes = entry_notes(doc, copies)
    return [f for f in copies if id(f) not in notes]


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
        if _is_head(line, previous) or _underlined_name(line, lines[index + 1 : index + 2]):
            yield _Head(offset, _form(line))
        if line.strip() and not _UNDERLINE_RE.match(line):
            previous = line
        elif not line.strip():
            previous = ""
        offset += len(line) + 1


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
        # a listed one is an entry ("- exception DeprecationWarning¶"); a heading is marked alike
        return listed or any(_CODE_NAME_RE.match(word) for word in words[:2])
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


def _form(line: str) -> tuple:
    """What entry heads of one series share: indentation, list marker and how the head ends
    ("- os.getpid()¶" and "- os.environ¶", "`GIT_DIR`::" and "--bare::")."""
    marker = _LIST_MARKER_RE.match(line)
    indent = len(marker.group(1).expandtabs(8))
    bullet = (marker.group(2) or "").strip()[:1]
    body = line[marker.end() :].strip()
    ending = next((end for end in ("::", "¶", ":") if body.endswith(end)), "")
    return indent, bullet, ending


__all__ = ["ENTRY_NOTE_RULES", "MIN_ENTRY_HEADS", "EntryHeads", "entry_notes", "without_entry_notes"]
