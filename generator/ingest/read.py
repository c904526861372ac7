"""Raw bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Scanned-and-extracted issues arrive in whatever encoding the PDF tool used;
line ends are unified to `\\n`. Binary or empty input is refused with a
located problem, never decoded into garbage.
"""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..problems import GazetteError, error

_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


@dataclass(frozen=True)
class RawText:
    text: str
    encoding: str
    sha256: str
    name: str  # the file name, as recorded in issue.yaml


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) or None when the bytes are not text in a known encoding."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return None


def is_binary(text: str) -> bool:
    """Control characters other than tabs and line ends mean this was not text."""
    bad = sum(1 for ch in text if ord(ch) in _CONTROL)
    return bad > max(2, len(text) // 1000)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_raw(path: Path) -> RawText:
    """Read and decode a raw issue; raise GazetteError naming the file otherwise."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GazetteError([error(path, None, "unreadable", f"cannot read: {exc.strerror}")]) from None
    if not data.strip():
        raise GazetteError([error(path, None, "empty", "the raw file is empty: nothing to import")])
    decoded = decode(data)
    if decoded is None or is_binary(decoded[0]):
        raise GazetteError([error(path, None, "binary",
                                  "not text (binary, or an encoding other than UTF-8/UTF-16/GB18030): "
                                  "extract the text from the PDF first")])
    text, encoding = decoded
    text = normalize_newlines(text).replace("\u3000", " ").replace("\xa0", " ")
    if not text.strip():
        raise GazetteError([error(path, None, "empty", "the raw file holds only blank lines")])
    return RawText(text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest(), name=path.name)
