"""Headlines' phrases as the last builds cut them (`text.phrases`), kept in .gazette-cache/build/.

Cutting a headline needs BudouX and jieba's word list (349,000 words, ≈ 0.4 s to read); an edit
renders a dozen headlines that earlier builds cut already. Kept under the build's code key
(gazette's code and the packages' versions: `buildcache.build_key`), not the configuration's,
so `gazette serve` and `gazette build` (two output folders) share them; another gazette,
BudouX or jieba starts anew.
Plain JSON, each entry checked (its phrases joined give its text back); an unreadable file is
not used. Entries of titles no longer shown stay until the key changes.
"""
from __future__ import annotations

from pathlib import Path

from .buildcache import read_json, write_json
from .text import phrases

FILE = "phrases.json"
STAMP = "gazette phrases 1"


def load(folder: Path | None, key: str) -> int:
    """Take the phrases kept under `key`, and keep those cut from now on; how many were taken."""
    if folder is None:
        return 0
    data = read_json(folder / FILE, STAMP)
    try:
        if data is None or data["key"] != key:
            raise ValueError("another key")
        entries = {text: tuple(parts) for text, parts in data["phrases"].items()
                   if type(text) is str and type(parts) is list and all(type(p) is str and p for p in parts)
                   and "".join(parts) == text}
    except (ValueError, KeyError, TypeError, AttributeError):
        entries = {}
    phrases.keep(entries)
    return len(entries)


def save(folder: Path | None, key: str, taken: int) -> None:
    """Write what is kept, if phrases were cut since `load` took `taken` of them (best effort)."""
    kept = phrases.kept()
    if folder is None or len(kept) == taken:
        return
    write_json(folder / FILE, {"key": key, "phrases": dict(sorted(kept.items()))}, STAMP)
