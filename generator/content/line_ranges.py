"""An article's lines in its raw file, as front matter's `lines:` writes them: `22-42`, or
`22-30, 120-135` for a piece continued on another page (下转/上接).

The importer writes them, the loader reads them back and the 原文 page marks them; the
spelling is decided here, once.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

Ranges = tuple[tuple[int, int], ...]  # (first, last) raw lines, 1-based, inclusive, ascending

_RANGE = re.compile(r"^\s*(\d{1,9})\s*(?:[-–]\s*(\d{1,9}))?\s*$")


def ranges_of(numbers: Iterable[int], bridged: Iterable[int] = ()) -> Ranges:
    """Line numbers as runs of consecutive lines; a gap of only `bridged` lines (blank ones) does
    not break a run."""
    ranges: list[list[int]] = []
    bridge = set(bridged)
    for number in sorted(set(numbers)):
        if ranges and all(n in bridge for n in range(ranges[-1][1] + 1, number)):
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return tuple((first, last) for first, last in ranges)


def format_ranges(ranges: Ranges) -> str | None:
    """`22-42, 120-135` (a single line: `22`), or None for no lines."""
    return ", ".join(f"{a}-{b}" if b != a else str(a) for a, b in ranges) or None


def parse_ranges(value: str | int) -> Ranges | None:
    """The ranges `format_ranges` writes, or None if `value` is not such a list (first ≤ last,
    each range after the one before it, no line 0)."""
    ranges: list[tuple[int, int]] = []
    for part in str(value).split(","):
        match = _RANGE.match(part)
        if not match:
            return None
        first, last = int(match[1]), int(match[2] or match[1])
        if first < 1 or last < first or (ranges and first <= ranges[-1][1]):
            return None
        ranges.append((first, last))
    return tuple(ranges)


def in_ranges(number: int, ranges: Ranges) -> bool:
    return any(a <= number <= b for a, b in ranges)
