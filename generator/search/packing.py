"""A data file compressed on disk, yet still a classic script (file:// allows no fetch).

The payload is deflated (raw, no header: the browser's DecompressionStream("deflate-raw")
undoes it) and the compressed bytes are written 15 bits to a UTF-16 code unit, as the
characters U+4E00 + value, all below the surrogates and none that a JavaScript string
literal must escape: 16 bits on disk for 15 of data, where base64 in UTF-8 would spend 8 for 6.
search-engine.js `unpack` reads them back. Sizes on disk and over the wire: bench/search.md.
"""
from __future__ import annotations

import sys
import zlib
from array import array

BASE = 0x4E00  # the code unit of value 0; BASE + 0x7FFF = U+CDFF, below the surrogates (U+D800)
BITS = 15
_BLOCK = 15  # bytes = 120 bits = 8 code units: whole blocks are cut with one integer each
_SHIFTS = tuple(range(BITS * 7, -1, -BITS))  # 105, 90, …, 0


def deflated(data: bytes) -> bytes:
    """`data` as raw deflate (the same bytes for the same input and zlib). Level 6: level 9 makes
    shards 0.4 % smaller in 3× the time (bench/search.md)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15, 9)
    return packer.compress(data) + packer.flush()


def units(data: bytes) -> bytes:
    """`data`, 15 bits to a code unit (most significant first, the last unit padded with zeros),
    as UTF-16LE bytes."""
    count = -(-len(data) * 8 // BITS)
    padded = data + bytes(-len(data) % _BLOCK)
    out = array("H")
    for at in range(0, len(padded), _BLOCK):
        value = int.from_bytes(padded[at:at + _BLOCK], "big")
        out.extend(BASE + ((value >> shift) & 0x7FFF) for shift in _SHIFTS)
    del out[count:]
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def unpacked(text: str, size: int) -> bytes:
    """The payload back from its code units and compressed size (tests; the browser has its own)."""
    value, bits, out = 0, 0, bytearray()
    for char in text:
        value, bits = (value << BITS) | (ord(char) - BASE), bits + BITS
        while bits >= 8 and len(out) < size:
            bits -= 8
            out.append((value >> bits) & 0xFF)
        value &= (1 << bits) - 1
    return zlib.decompress(bytes(out), -15)
