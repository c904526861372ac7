"""Raw bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Scanned-and-extracted issues arrive in whatever encoding the PDF tool used;
line ends are unified to `\\n`. Binary or empty input is refused with a
located problem, never decoded into garbage. So is UTF-8 that is damaged
(a stray byte, or a file cut off in the middle of a character): GB18030
accepts almost any byte sequence, so falling back to it would import such
a file as mojibake instead of saying where it breaks.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..problems import GazetteError, error
from ..i18n import N_, _, ngettext

_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
_CONTROL_CHARS = re.compile("[" + "".join(f"\\x{c:02x}" for c in sorted(_CONTROL)) + "]")  # (C scans: a raw file is megabytes)
_NOT_TEXT = N_("not text (binary, or an encoding other than UTF-8/UTF-16/GB18030): "
             "extract the text from the PDF first")


@dataclass(frozen=True)
class RawText:
    text: str
    encoding: str
    sha256: str
    name: str  # the file name, as recorded in issue.yaml


class DecodeProblem(ValueError):
    """Why bytes are not importable text, and the 1-based line where it shows (None: everywhere)."""

    def __init__(self, line: int | None, message: str, code: str = "binary"):
        super().__init__(message)
        self.line = line
        self.message = message
        self.code = code


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _utf8_damage(data: bytes) -> int | None:
    """Bad byte sequences in what is UTF-8 text (0: none), or None when it is not UTF-8 at all.
    UTF-8 with a few bad bytes still decodes nearly every non-ASCII character; GB18030 text
    read as UTF-8 gives almost nothing but replacement characters."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return bad if good >= 10 * bad else None


def _damaged_utf8(data: bytes, exc: UnicodeDecodeError) -> DecodeProblem | None:
    """The located problem of damaged UTF-8 text; None when the bytes are not UTF-8."""
    bad = _utf8_damage(data)
    if bad is None:
        return None
    line = _line_at(data, exc.start)
    if exc.end >= len(data.rstrip(b"\r\n")) and exc.reason == "unexpected end of data":
        return DecodeProblem(line, _("the file ends in the middle of a UTF-8 character: it was cut short "
                                     "(an incomplete download or copy?); get the whole file"), "truncated")
    return DecodeProblem(line, ngettext("byte {byte} is not UTF-8, though the rest of the file is: the file is "
                                        "damaged ({n} bad byte sequence); re-extract it",
                                        "byte {byte} is not UTF-8, though the rest of the file is: the file is "
                                        "damaged ({n} bad byte sequences); re-extract it", bad).format(
                                            byte=f"0x{data[exc.start]:02X}", n=bad), "damaged")


def decode_checked(data: bytes) -> tuple[str, str]:
    """(text, encoding); raise DecodeProblem when the bytes are not text in a known encoding."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                if enc == "utf-8-sig":
                    raise _damaged_utf8(data, exc) or DecodeProblem(_line_at(data, exc.start), _(_NOT_TEXT)) from None
                raise DecodeProblem(None, _(_NOT_TEXT) + _(" (a UTF-16 mark, but not UTF-16 text)")) from None
    nul = data.find(b"\x00")
    if nul >= 0:  # zero bytes: a file whose writing stopped (zero-filled), or not text at all
        if _utf8_damage(data.replace(b"\x00", b"")) is None:
            raise DecodeProblem(None, _(_NOT_TEXT) + _(" (UTF-16 needs its byte-order mark)"))
        raise DecodeProblem(_line_at(data, nul), ngettext(
            "{n} NUL byte in the text: part of the file is missing or damaged; re-extract it",
            "{n} NUL bytes in the text: part of the file is missing or damaged; re-extract it",
            data.count(0)).format(n=data.count(0)), "damaged")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        damaged = _damaged_utf8(data, exc)
        if damaged:
            raise damaged from None
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise DecodeProblem(None, _(_NOT_TEXT)) from None


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) or None when the bytes are not text in a known encoding."""
    try:
        return decode_checked(data)
    except DecodeProblem:
        return None


def is_binary(text: str) -> bool:
    """Control characters other than tabs and line ends mean this was not text."""
    return _control_count(text) > max(2, len(text) // 1000)


def _control_count(text: str) -> int:
    return len(_CONTROL_CHARS.findall(text))


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first_control_line(text: str) -> int:
    first = _CONTROL_CHARS.search(text).start()
    return normalize_newlines(text[:first]).count("\n") + 1


def read_raw(path: Path) -> RawText:
    """Read and decode a raw issue; raise GazetteError naming the file (and line) otherwise.

    A few stray control characters in real text (an OCR tool's \\x1f or \\x08)
    are not a reason to refuse the file, but they must not reach the Markdown
    and YAML either (YAML refuses them): they are removed. More than that is
    binary. Form feeds (pdftotext's page breaks) stay: they are whitespace."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GazetteError([error(path, None, "unreadable", _("cannot read: {why}").format(why=exc.strerror))]) from None
    if not data.strip():
        raise GazetteError([error(path, None, "empty", _("the raw file is empty: nothing to import"))])
    try:
        text, encoding = decode_checked(data)
    except DecodeProblem as problem:
        raise GazetteError([error(path, problem.line, problem.code, problem.message)]) from None
    if is_binary(text):
        raise GazetteError([error(path, _first_control_line(text), "binary",
                                  _(_NOT_TEXT) + _(" ({n} control characters)").format(n=_control_count(text)))])
    text = _CONTROL_CHARS.sub("", text)
    text = normalize_newlines(text).replace("\u3000", " ").replace("\xa0", " ")
    if not text.strip():
        raise GazetteError([error(path, None, "empty", _("the raw file holds only blank lines"))])
    return RawText(text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest(), name=path.name)
