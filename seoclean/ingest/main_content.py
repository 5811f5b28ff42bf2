"""Which blocks of an HTML page are its main content, according to trafilatura.

trafilatura's extraction is plain text, so each block is matched back to it by a normalised key
(lower case, letters and digits only): exact line matches first, then, for long blocks, anywhere in
the extracted text (trafilatura merges inline runs and splits at <br>), and for short blocks only
near the previous match, since a short text such as "Home" would otherwise match any article that
uses the word.
"""

from __future__ import annotations

import dataclasses
import logging
import re

from seoclean.document import Block

logger = logging.getLogger(__name__)

_KEY_JUNK_RE = re.compile(r"[\W_]+")
# A key with this many spaces (four words) is specific enough to be matched anywhere.
_LONG_KEY_SPACES = 3
# How far around the previous match a short block may be found.
_SHORT_KEY_BEFORE, _SHORT_KEY_AFTER = 200, 400


def mark_main_content(source: str, text: str, blocks: list[Block]) -> list[Block]:
    """Set ``in_main`` from trafilatura's extraction; all blocks are main when it finds nothing."""
    extracted = _extract_main_text(source) if blocks else None
    if not extracted:
        return blocks
    flags = _main_flags([_match_key(text[b.start : b.end]) for b in blocks], extracted)
    return [block if block.kind == "title" else _with_in_main(block, in_main) for block, in_main in zip(blocks, flags)]


def _extract_main_text(source: str) -> str | None:
    import trafilatura  # heavy: imported on first use, not when seoclean is imported

    try:
        return trafilatura.extract(
            source, include_comments=False, include_tables=True, favor_precision=False, deduplicate=False
        )
    except Exception:  # trafilatura failing on odd markup must not stop the analysis
        logger.debug("trafilatura could not extract main content", exc_info=True)
        return None


def _main_flags(keys: list[str], extracted: str) -> list[bool]:
    """Whether each block key occurs in the extracted text (see the module docstring)."""
    line_positions: dict[str, int] = {}
    joined_parts, length = [" "], 1
    for line in extracted.splitlines():
        key = _match_key(line)
        if key:
            line_positions.setdefault(key, length)
            joined_parts.append(key + " ")
            length += len(key) + 1
    joined = "".join(joined_parts)
    flags, cursor = [], 0
    for key in keys:
        position = line_positions.get(key, -1) if key else -1
        if key and position < 0:
            needle = f" {key} "
            if key.count(" ") >= _LONG_KEY_SPACES:
                position = joined.find(needle)
            else:
                position = joined.find(needle, max(0, cursor - _SHORT_KEY_BEFORE), cursor + _SHORT_KEY_AFTER)
        flags.append(position >= 0)
        if position >= 0:
            cursor = position + len(key)
    return flags


def _with_in_main(block: Block, in_main: bool) -> Block:
    return block if block.in_main == in_main else dataclasses.replace(block, in_main=in_main)


def _match_key(text: str) -> str:
    return _KEY_JUNK_RE.sub(" ", text.lower()).strip()


__all__ = ["mark_main_content"]
