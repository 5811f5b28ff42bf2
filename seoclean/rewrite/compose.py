"""Edits of several cleaning rounds as one list over the first text.

``clean`` repeats plan-and-apply until nothing is left to do (so that cleaning a cleaned text
changes nothing). A later round's edits index the previous round's output; ``compose_rounds``
maps them back to the original offsets, merging an edit that overlaps earlier ones into a single
edit whose replacement is the final text of that region. ``apply_edits(first, result)`` then
reproduces the final text exactly.
"""

from __future__ import annotations

from dataclasses import replace

from seoclean.rewrite.edits import Edit


class RoundMap:
    """Offsets between the input and output of one round of resolved, sorted edits."""

    def __init__(self, edits: list[Edit]) -> None:
        self.edits = edits
        self.out_starts: list[int] = []
        self.out_ends: list[int] = []
        shift = 0
        for edit in edits:
            out_start = edit.start + shift
            self.out_starts.append(out_start)
            self.out_ends.append(out_start + len(edit.replacement))
            shift += len(edit.replacement) - (edit.end - edit.start)

    def back(self, offset: int, *, is_end: bool) -> int:
        """Output offset -> input offset. Inside a replacement, a span's start maps to the replaced
        text's start and its end to the replaced text's end, so mapped spans only ever grow."""
        shift = 0
        for edit, out_start, out_end in zip(self.edits, self.out_starts, self.out_ends):
            if offset < out_start:
                break
            if offset == out_start and is_end:
                return edit.start
            if offset < out_end:
                return edit.end if is_end else edit.start
            shift = edit.end - out_end
        return offset + shift

    def forward(self, offset: int) -> int:
        """Input offset -> output offset; an offset inside a replaced span maps to its end."""
        shift = 0
        for edit, out_start, out_end in zip(self.edits, self.out_starts, self.out_ends):
            if offset < edit.start:
                break
            if offset == edit.start:
                return out_start
            if offset <= edit.end:
                return out_end
            shift = out_end - edit.end
        return offset + shift


def compose_rounds(rounds: list[list[Edit]], final_text: str) -> list[Edit]:
    """One edit list over the first round's input (see the module docstring)."""
    if not rounds:
        return []
    maps = [RoundMap(edits) for edits in rounds]
    mapped: list[Edit] = list(rounds[0])
    for number, edits in enumerate(rounds[1:], start=1):
        for edit in edits:
            start, end = edit.start, edit.end
            for round_map in reversed(maps[:number]):
                start, end = round_map.back(start, is_end=False), round_map.back(end, is_end=True)
            mapped.append(replace(edit, start=start, end=max(start, end)))
    return _merge_overlaps(mapped, maps, final_text)


def _merge_overlaps(edits: list[Edit], maps: list[RoundMap], final_text: str) -> list[Edit]:
    """Edits sorted by position; overlapping ones merged, taking their text from the final output."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    groups: list[list[Edit]] = []
    for edit in ordered:
        if groups and edit.start < max(e.end for e in groups[-1]):
            groups[-1].append(edit)
        else:
            groups.append([edit])
    if all(len(group) == 1 for group in groups) and len(maps) == 1:
        return ordered
    result = []
    for group in groups:
        start, end = group[0].start, max(e.end for e in group)
        out_start, out_end = start, end
        for round_map in maps:
            out_start, out_end = round_map.forward(out_start), round_map.forward(out_end)
        first = group[0]
        reason = "; ".join(dict.fromkeys(e.reason for e in group))
        rule = "+".join(dict.fromkeys(e.rule for e in group))
        result.append(
            Edit(start, end, final_text[out_start:out_end], rule, reason, max(e.priority for e in group))
            if len(group) > 1
            else replace(first, replacement=final_text[out_start:out_end])
        )
    return result


__all__ = ["RoundMap", "compose_rounds"]
