"""The raw file an issue was imported from, as issue.yaml's `source:` records it: `raw/x.txt sha256:…`.

The path is relative to the project when the file is inside it, else the file's name alone;
the sha256 of its bytes lets a copy of the very same file, moved, be known as that file.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_SHA256 = " sha256:"


@dataclass(frozen=True)
class RawFile:
    path: str
    sha256: str | None = None  # None in a record that does not say

    @classmethod
    def of(cls, path: Path, root: Path | None, sha256: str) -> RawFile:
        """`path` as the record names it: relative to the project (`root`, else the current
        directory) when inside it, else its name."""
        try:
            shown = path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
        except ValueError:
            shown = path.name
        return cls(shown, sha256)

    @classmethod
    def parse(cls, record: str) -> RawFile:
        path, sep, digest = record.rpartition(_SHA256)
        return cls(path, digest) if sep else cls(record)

    def __str__(self) -> str:
        return f"{self.path}{_SHA256}{self.sha256}" if self.sha256 is not None else self.path

    def is_other_than(self, other: RawFile) -> bool:
        """Another raw file, not the same file (an OCR correction) nor the same bytes moved?"""
        return self.path != other.path and self.sha256 != other.sha256
