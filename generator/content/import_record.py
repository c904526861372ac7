"""What the import recorded of an issue's articles (`.import.yaml`, written by ingest.write): how
sure it was of each one's boundaries and headline, for the article page to say.

The record speaks only for a file as the import wrote it: once someone edits an article (its
sha256 differs from the one recorded), the import's doubts no longer describe it and are not shown.
A missing or unreadable record is no problem: content written by hand has none.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .. import layout
from . import files
from .yamlio import YamlSyntaxError, load_yaml


@dataclass(frozen=True)
class ImportedAs:
    """One article file as the import wrote it: the sha256 of its text and the import's confidence."""

    sha256: str
    level: str  # high, medium, low (ingest.doubts.LEVELS)
    doubts: tuple[str, ...]  # keys of ingest.doubts.DOUBTS


def read_import_record(folder: Path, content_dir: Path) -> dict[str, ImportedAs]:
    """Article file name → what the import recorded of it; {} without a readable record. Read as
    every content file is (`files.read_bytes`: a regular file inside content/, not too large)."""
    try:
        data = load_yaml(files.read_bytes(folder / layout.IMPORT_RECORD, content_dir).decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError, files.UnsafeFile):
        return {}
    digests, confidence = (data.get(k) if isinstance(data, dict) else None for k in ("files", "confidence"))
    if not isinstance(digests, dict) or not isinstance(confidence, dict):
        return {}
    record = {}
    for name, found in confidence.items():
        digest = digests.get(name)
        if isinstance(found, dict) and isinstance(digest, str) and isinstance(found.get("level"), str):
            doubts = found.get("doubts") if isinstance(found.get("doubts"), list) else []
            record[str(name)] = ImportedAs(digest, found["level"], tuple(str(d) for d in doubts))
    return record


def as_imported(record: dict[str, ImportedAs], name: str, text: str) -> ImportedAs | None:
    """The record of file `name` if `text` is still what the import wrote."""
    found = record.get(name)
    return found if found and hashlib.sha256(text.encode("utf-8")).hexdigest() == found.sha256 else None
