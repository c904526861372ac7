"""A magazine issue's label, 2025·3 (year · number of the year), the one form the archive stores.

Magazines print it as 2025·3, 2025.3, 2025/3 or 2025年3期; the importer reads any of these
from a masthead, a sidecar or --label and writes 2025·3, and whatever needs the year and
number back (the importer's date inference, the citation) reads it here.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_PRINTED = re.compile(r"(?P<year>(?:19|20)\d{2})\s*[·.．/年-]\s*(?P<number>\d{1,2})\s*期?")


class IssueLabel(NamedTuple):
    year: str  # four digits, as printed
    number: int

    def __str__(self) -> str:
        return f"{self.year}·{self.number}"


def read_label(text: str) -> IssueLabel | None:
    """2025·3, 2025.3, 2025/3, 2025年3期… → IssueLabel('2025', 3); None for any other text (第12期)."""
    match = _PRINTED.fullmatch(text)
    return IssueLabel(match["year"], int(match["number"])) if match else None
