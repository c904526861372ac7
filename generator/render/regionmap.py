"""The regions page's map: Xinjiang's prefectures as SVG paths, each its region's link.

Made at build time from the outlines echarts_map reads, so the page needs no
script, tiles or network. Points are projected (equirectangular, x shrunk by
the cosine of Xinjiang's middle latitude), simplified (Douglas–Peucker) and
rounded to whole units of the viewBox, and written as relative path commands:
the same outlines always give the same bytes, and the map stays small.

A map feature belongs to the region of the same name (or short form), or to the
region one of whose places it is: the 兵团's cities are drawn as its parts. Each
region is shaded by its article count in `STEPS` classes; regions with no
outline (新疆, 全国, a name outside the gazetteer) are listed beside the map.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import Region
from .echarts_map import Ring

WIDTH = 600  # the viewBox's width; its height follows the outlines' shape
TOLERANCE = 0.8  # viewBox units a simplified outline may stray from the data
STEPS = 4  # shades for regions with articles (0 is a shade of its own)


@dataclass(frozen=True)
class MapRegion:
    """A region on the map: its shapes' path data, article count and shade (0 = none)."""

    region: Region | None  # None: an outline no region of the site claims, drawn unlinked
    name: str
    paths: tuple[str, ...]
    count: int
    shade: int


@dataclass(frozen=True)
class RegionMap:
    width: int
    height: int
    regions: tuple[MapRegion, ...]  # drawing order: prefectures first, cities they hold on top
    legend: tuple[tuple[int, str], ...]  # (shade, "1–3篇")
    unmapped: tuple[tuple[Region, int], ...]  # regions with no outline, and their counts


@dataclass(frozen=True)
class Shapes:
    """Outlines drawn for a viewBox `width` × `height`: {feature name: its rings' path data}."""

    width: int
    height: int
    paths: Mapping[str, tuple[str, ...]]


def draw_outlines(outlines: Mapping[str, Sequence[Ring]]) -> Shapes:
    """Path data for every ring of `outlines` ({feature name: rings}), in their order."""
    project, width, height = _projection([p for rings in outlines.values() for ring in rings for p in ring])
    paths = {name: tuple(d for ring in rings if (d := path_data([project(p) for p in ring])))
             for name, rings in outlines.items()}
    return Shapes(width, height, paths)


def region_map(shapes: Shapes, counts: Sequence[tuple[Region, int]]) -> RegionMap:
    """The map of `shapes` for the site's regions and their article counts."""
    owner = _owners(shapes.paths, [r for r, _ in counts])
    count_of = {r.name: n for r, n in counts}
    top = max((n for r, n in counts if r.name in owner.values()), default=0)
    grouped: dict[str, list[str]] = {}
    for name, paths in shapes.paths.items():
        grouped.setdefault(owner.get(name, name), []).extend(paths)
    regions_by_name = {r.name: r for r, _ in counts}
    parts = {owner[name] for name in shapes.paths if owner.get(name, name) != name}  # drawn over the rest
    drawn = tuple(
        MapRegion(regions_by_name.get(name), name, tuple(paths), count_of.get(name, 0),
                  shade(count_of.get(name, 0), top))
        for name, paths in sorted(grouped.items(), key=lambda item: item[0] in parts) if paths
    )
    unmapped = tuple((r, n) for r, n in counts if r.name not in grouped)
    return RegionMap(shapes.width, shapes.height, drawn, legend(top), unmapped)


def _owners(outlines: Mapping[str, Sequence[Ring]], regions: Sequence[Region]) -> dict[str, str]:
    """{feature name: the name of the region it is drawn for}, for features a region claims."""
    by_name = {}
    for region in regions:
        for place in region.places:
            by_name.setdefault(place, region.name)
    for region in regions:  # a region's own name wins over a place of the same name
        by_name[region.name] = region.name
        if region.short:
            by_name.setdefault(region.short, region.name)
    return {name: by_name[name] for name in outlines if name in by_name}


def _projection(points: Sequence[tuple[float, float]]):
    """A function (lon, lat) → (x, y) in a viewBox WIDTH wide, north up; and its width, height."""
    west, east = min(x for x, _ in points), max(x for x, _ in points)
    south, north = min(y for _, y in points), max(y for _, y in points)
    squeeze = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / ((east - west) * squeeze)
    height = math.ceil((north - south) * scale)

    def project(point: tuple[float, float]) -> tuple[float, float]:
        return (point[0] - west) * squeeze * scale, (north - point[1]) * scale
    return project, WIDTH, height


def path_data(points: Sequence[tuple[float, float]]) -> str:
    """An SVG path for a closed ring: simplified, on whole units, relative moves; "" when it
    shrinks below a triangle."""
    kept = simplify(points, TOLERANCE)
    rounded: list[tuple[int, int]] = []
    for x, y in kept:
        point = (round(x), round(y))
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    if len(rounded) < 3:
        return ""
    (x0, y0), steps = rounded[0], []
    for (ax, ay), (bx, by) in zip(rounded, rounded[1:]):
        steps.append(f"{bx - ax} {by - ay}")
    return f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z"


def simplify(points: Sequence[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker: the points of `points` needed to stay within `tolerance` of it (after
    dropping points nearer than half of it to the last one kept, as simplify.js does: it spares
    most of the work and moves no point more than the rounding to whole units will)."""
    points = _thin(points, tolerance / 2)
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, distance = 0, tolerance
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > distance:
                far, distance = i, d
        if far:
            keep[far] = True
            stack += [(first, far), (far, last)]
    return [p for p, k in zip(points, keep) if k]


def _thin(points: Sequence[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    kept = [points[0]] if points else []
    for point in points[1:-1]:
        if math.dist(point, kept[-1]) >= gap:
            kept.append(point)
    return kept + list(points[-1:]) if len(points) > 1 else kept


def _distance(p, a, b) -> float:
    """How far point p lies from the segment a–b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def shade(count: int, top: int) -> int:
    """0 for no articles, else 1…STEPS by the count's share of the largest (`top`)."""
    return 0 if count <= 0 or top <= 0 else max(1, math.ceil(STEPS * count / top))


def legend(top: int) -> tuple[tuple[int, str], ...]:
    """Each shade in use and the counts it stands for: (0, "0篇"), (1, "1–3篇")…"""
    entries = [(0, "0篇")]
    low = 1
    for step in range(1, STEPS + 1):
        high = top * step // STEPS
        if high >= low:
            entries.append((step, f"{low}篇" if low == high else f"{low}–{high}篇"))
            low = high + 1
    return tuple(entries)
