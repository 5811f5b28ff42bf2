"""Code in plain text that its own lines do not give away, found from the layout around it.

General signs, used by ``seoclean.ingest.text_structure``:

* a *delimited block*: a line of four or more ``-`` or ``.`` (AsciiDoc listing and literal
  blocks) or three or more backticks or tildes (Markdown fences) under a blank line, up to the same
  delimiter; everything in between is code, blank lines included. A setext or AsciiDoc heading's
  underline sits right under its title, never under a blank line, so it opens no block;
* an *indented sample*: a run of non-blank lines (a chunk) indented deeper than the prose above
  it that does not read as prose. The indent is judged against the last line of the nearest prose
  chunk above, not against the margin: ``pod2text`` indents all prose by 4 spaces and code by 8, and
  a list item's body is indented under its bullet. Lines indented under a line of their own chunk
  (no blank line between) are a sample only with a line of code or symbols among them;
* *lines next to code*: a comment line over or under code, a statement that opens a block, a line
  indented under code, a REPL's value (``<QuerySet [...]>``,
  ``[1, 2]``) under its command, and under a shell or REPL prompt the output lines that are no
  sentence and the last line of a traceback.

Lines of source code and markup that give themselves away are read line by line in
``text_structure``; this module finds the rest. Only the layout is trusted where a line alone
would not be: an indented paragraph of prose, or a bulleted list, stays prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

_DELIMITER_RE = re.compile(r"(?:-{4,}|\.{4,}|`{3,}|~{3,})")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# Characters prose hardly uses and code, shell sessions and markup use all the time (not the
# backquote: prose marks inline code with it).
_SYMBOL_RE = re.compile(r"[$@%{}\[\]<>=/\\*#|&^~_;+]|(?<=\s)-(?=\w)")  # last: a command's option
_PROSE_START_RE = re.compile(r"[^\W_]|[\"'“‘(*•-]\s*[^\W_]")  # a word, or a quote or bullet and a word
_COMMENT_RE = re.compile(r"(?:#|//|--|;;)(?:\s|$)")
_PROMPT_RE = re.compile(r"(?:\$|>>>|\.\.\.\\>) ")
_OUTPUT_RE = re.compile(r"[\[{<].*[\]}>],?|\.\.\.|\)")
_EXCEPTION_RE = re.compile(r"(?:\w+\.)*(?:(?:[A-Z][a-z0-9]+){2,}|\w*(?:Error|Exception|Warning)): ")
_HEADER_RE = re.compile(r"[a-z]{2,}(?: [\w.]+(?:\([^()]*\))?){0,3}:")
_OPENERS = frozenset(":({[,\\")
MIN_SENTENCE_WORDS = 6  # a shell command's output line is shorter, or ends in no full stop
_LIST_MARKER = r"(?:[-*•]|\d{1,3}[.)])"  # a bullet or a number
_BULLET_RE = re.compile(_LIST_MARKER + r"[ \t]+(?=\S)")
_ITEM_RE = re.compile(_LIST_MARKER + r"\s+[^\W\d_]")
_TAB_WIDTH = 8
MIN_CODE_INDENT = 4  # a sample is indented by 4 spaces or a tab at least
MIN_EXTRA_INDENT = 1  # deeper than the prose above (pod2text adds its 4 spaces to the sample's own)
# A list entry of plain words: capitalised, letters, digits, apostrophes, hyphens inside words, commas.
_PLAIN_ENTRY_RE = re.compile(r"[A-Z][^\W_'’]*(?:['’-][^\W_]+)*(?:,? [^\W_]+(?:['’-][^\W_]+)*)*[.:?!]?")
MIN_PROSE_WORDS = 3
MAX_PROSE_SYMBOL_SHARE = 0.05  # of a prose line's non-space characters


class LineLike(Protocol):
    start: int
    text_start: int
    end: int


LineTest = Callable[[str, LineLike], bool]  # (text, line) -> whether the line is of some sort


def code_line_starts(
    text: str, chunks: Sequence[Sequence[LineLike]], is_code_line: LineTest, is_marker: LineTest
) -> set[int]:
    """Starts of the lines that are code by their surroundings: in a delimited block, in an
    indented sample, or a comment or a REPL's or shell's output next to a line of code.
    ``chunks``: the runs of non-blank lines; ``is_code_line(text, line)`` tells a line that is code
    on its own, ``is_marker(text, line)`` a list item's first line."""

    def code_or_comment(text: str, line: LineLike) -> bool:
        return is_code_line(text, line) or _is_comment(text, line)

    all_lines = [line for lines in chunks for line in lines]
    code = {all_lines[index].start for index in delimited_code(text, all_lines)}
    rest = [[line for line in lines if line.start not in code] for lines in chunks]
    rest = [lines for lines in rest if lines]
    for index in indented_code_chunks(text, rest, code_or_comment):
        code.update(line.start for line in rest[index])
    for lines in rest:
        code.update(lines[index].start for index in indented_code_runs(text, lines, code_or_comment, is_marker))
        code.update(_code_neighbours(text, lines, code, is_code_line))
    return code


def _code_neighbours(text: str, lines: Sequence[LineLike], code: set[int], is_code_line: LineTest) -> set[int]:
    """Comment lines over or under a line of code, block headers ("try:") next to code, lines
    indented under a line that opens a block or a call, and lines of a REPL's output (``<QuerySet
    [...]>``, ``[1, 2]``) or a shell command's (lines that are no sentence) under a prompt."""
    is_code = [line.start in code or is_code_line(text, line) for line in lines]
    for index in range(len(lines) - 2, -1, -1):  # comments and "try:" over code, the first one last
        over_code = is_code[index + 1] and (_is_comment(text, lines[index]) or _is_header(text, lines[index]))
        is_code[index] = is_code[index] or over_code
    prompt = False  # the code above starts at a shell or REPL prompt
    for index, line in enumerate(lines):
        if index and is_code[index - 1] and not is_code[index]:
            # indented under code that opens a block or a call ("    pass" under "except OSError:"),
            # or under a prompt: a command's output
            opens = text[lines[index - 1].end - 1] in _OPENERS
            opens = opens and not _prose_line(text, line, is_code_line)  # not an AsciiDoc "term::" and its text
            nested = (prompt or opens) and indent(text, line) > indent(text, lines[index - 1])
            is_code[index] = (
                nested
                or _is_comment(text, line)
                or _is_header(text, line)
                or _is_output(text, line, after_prompt=prompt and not _carries_on(text, lines, index))
            )
        prompt = is_code[index] and (prompt or _PROMPT_RE.match(text, line.text_start) is not None)
    return {line.start for line, flag in zip(lines, is_code, strict=True) if flag and not is_code_line(text, line)}


def _is_comment(text: str, line: LineLike) -> bool:
    return _COMMENT_RE.match(text, line.text_start, line.end) is not None


def _carries_on(text: str, lines: Sequence[LineLike], index: int) -> bool:
    """The next line opens in lower case: this one is prose cut mid-sentence, not a program's output."""
    return index + 1 < len(lines) and text[lines[index + 1].text_start].islower()


def _is_header(text: str, line: LineLike) -> bool:
    """A statement that opens a block ("try:", "except OSError:", "else:"): keywords are lower
    case, where a line of prose that announces a sample ("For example:") is not."""
    return _HEADER_RE.fullmatch(text, line.text_start, line.end) is not None


def _is_output(text: str, line: LineLike, *, after_prompt: bool) -> bool:
    """A REPL's value (a list, a dict, an object's repr) under code, or under a shell or REPL
    prompt the last line of a traceback or any line that is no sentence."""
    if _OUTPUT_RE.fullmatch(text, line.text_start, line.end):
        return True
    if after_prompt and _EXCEPTION_RE.match(text, line.text_start, line.end):
        return True  # "EmptyPage: That page contains no results"
    content = text[line.text_start : line.end]
    return after_prompt and len(content.split()) < MIN_SENTENCE_WORDS and not content.endswith(("!", "?", "."))


def delimited_code(text: str, lines: Sequence[LineLike]) -> set[int]:
    """Indexes into ``lines`` (the non-blank lines of ``text``) inside delimited blocks, the
    delimiters included."""
    inside: set[int] = set()
    index = 0
    while index < len(lines):
        opener = _delimiter(text, lines[index])
        closing = _closing(text, lines, index, opener) if opener and _after_blank(text, lines, index) else None
        if closing is None:
            index += 1
            continue
        inside.update(range(index, closing + 1))
        index = closing + 1
    return inside


def _delimiter(text: str, line: LineLike) -> str | None:
    match = _DELIMITER_RE.fullmatch(text, line.text_start, line.end)
    return match.group() if match else None


def _closing(text: str, lines: Sequence[LineLike], opener_index: int, opener: str) -> int | None:
    for index in range(opener_index + 1, len(lines)):
        if _delimiter(text, lines[index]) == opener:
            return index
    return None


def _after_blank(text: str, lines: Sequence[LineLike], index: int) -> bool:
    return index == 0 or text.count("\n", lines[index - 1].end, lines[index].start) >= 2


def indent(text: str, line: LineLike) -> int:
    return len(text[line.start : line.text_start].expandtabs(_TAB_WIDTH))


def indented_code_chunks(text: str, chunks: Sequence[Sequence[LineLike]], is_code_line: LineTest) -> set[int]:
    """Indexes of chunks that are indented code samples. ``is_code_line(text, line)`` tells a line
    that is code on its own (a comment, a call, an assignment)."""
    code: set[int] = set()
    prose_indent: int | None = None  # of the last line of the nearest prose chunk above
    after_colon = False  # that chunk ends on ":", announcing a sample
    for index, lines in enumerate(chunks):
        least = min(indent(text, line) for line in lines)
        if _deeper(least, prose_indent) and not _reads_as_prose(text, lines, is_code_line, after_colon):
            code.add(index)
        else:
            # only the last prose line matters: scan from the end and stop there
            last_prose = next((line for line in reversed(lines) if _prose_line(text, line, is_code_line)), None)
            if last_prose is not None or prose_indent is None:
                # the prose's margin, not a heading's ("SYNOPSIS") or a sample's under it
                prose_indent = _text_indent(text, last_prose or lines[-1])
            after_colon = text[lines[-1].end - 1] == ":"
    return code


def _text_indent(text: str, line: LineLike) -> int:
    """Where the line's text starts: after the bullet on a list item's first line ("*   If you
    are on Unix"), whose body is indented under that text."""
    bullet = _BULLET_RE.match(text, line.text_start, line.end)
    return indent(text, line) + (bullet.end() - bullet.start() if bullet else 0)


def indented_code_runs(text: str, lines: Sequence[LineLike], is_code_line: LineTest, is_marker: LineTest) -> set[int]:
    """Indexes of lines that are a code sample indented under a line of the same chunk with no
    blank line between ("exec" over a C prototype); a list item's wrapped text is left alone."""
    code: set[int] = set()
    index = 1
    while index < len(lines):
        parent = lines[index - 1]
        last = index
        while last < len(lines) and _deeper(indent(text, lines[last]), indent(text, parent)):
            last += 1
        run = lines[index:last]
        after_colon = text[parent.end - 1] == ":"
        if (
            run
            and not is_marker(text, parent)
            and 2 * sum(_code_evidence(text, line, is_code_line) for line in run) > len(run)
            and not _reads_as_prose(text, run, is_code_line, after_colon)
        ):
            code.update(range(index, last))
        index = max(last, index + 1)
    return code


def _code_evidence(text: str, line: LineLike, is_code_line: LineTest) -> bool:
    """A line of code, or one with more symbols than prose has: needed where no blank line sets the
    sample apart (extractors keep the indentation of the HTML source, prose included)."""
    content = text[line.text_start : line.end]
    visible = len(content) - content.count(" ")
    return is_code_line(text, line) or len(_SYMBOL_RE.findall(content)) > MAX_PROSE_SYMBOL_SHARE * visible


def _deeper(line_indent: int, prose_indent: int | None) -> bool:
    return prose_indent is not None and line_indent >= max(MIN_CODE_INDENT, prose_indent + MIN_EXTRA_INDENT)


def _reads_as_prose(text: str, lines: Sequence[LineLike], is_code_line: LineTest, after_colon: bool) -> bool:
    """Most lines are sentences or parts of one: words, next to no symbols, no line of code. Under
    a line ending on ":" the sample must also end a sentence or be list entries: a command line
    ("tar -xvf perl.tar") has words too, but opens in lower case or carries a symbol, where an
    entry an extractor indented under "...:" is capitalised plain words ("Best shoes for runners")."""
    prose = sum(_prose_line(text, line, is_code_line) for line in lines)
    ends_sentence = text[lines[-1].end - 1] in ".!?"
    entries = all(_PLAIN_ENTRY_RE.fullmatch(text, line.text_start, line.end) for line in lines)
    return 2 * prose >= len(lines) and (ends_sentence or not after_colon or entries)


def _prose_line(text: str, line: LineLike, is_code_line: LineTest) -> bool:
    content = text[line.text_start : line.end]
    if _ITEM_RE.match(content):
        return True  # a list item, however short: an indented list is no code
    if not _PROSE_START_RE.match(content) or is_code_line(text, line):
        return False
    if len(_WORD_RE.findall(content)) < MIN_PROSE_WORDS:
        return False
    visible = len(content) - content.count(" ")
    return len(_SYMBOL_RE.findall(content)) <= MAX_PROSE_SYMBOL_SHARE * visible
