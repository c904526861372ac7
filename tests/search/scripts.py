"""search/ data files read back as the browser reads them: (kind, key, data)."""
from __future__ import annotations

import json
import re

from generator.search.documents import BOM_UTF16
from generator.search.packing import unpacked

PAYLOAD = re.compile(r"^gazetteSearchLoaded\(\"(\w+)\",(\d+),JSON\.parse\('(.*)'\)\);\n$", re.S)
PACKED = re.compile(r'^gazetteSearchLoaded\("(\w+)",(\d+|"\d+-\d+"),"([\u4e00-\ucdff]*)",(\d+)\);\n$')
UNESCAPE = {"\\\\": "\\", "\\'": "'", "\\u2028": "\u2028", "\\u2029": "\u2029"}


def payload(data: bytes):
    """A data file's kind, key and data, whether written as a JSON.parse literal or packed; a
    shard's piece's key is "k-i" (index.Plan.pieces)."""
    text = data[2:].decode("utf-16-le") if data.startswith(BOM_UTF16) else data.decode("utf-8")
    if packed := PACKED.match(text):
        kind, key, units, size = packed.groups()
        return kind, json.loads(key) if key.startswith('"') else int(key), json.loads(unpacked(units, int(size)))
    kind, key, body = PAYLOAD.match(text).groups()
    body = re.sub(r"\\(\\|'|u2028|u2029)", lambda m: UNESCAPE[m.group()], body)
    return kind, int(key), json.loads(body)
