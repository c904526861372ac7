"""The gazetteer of Xinjiang: prefecture-level regions, their places and aliases.

Data lives in `data/xinjiang.yaml`; import uses it to tag articles, build uses
it to order region pages and give them stable slugs.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from .model import Region
from .slug import slugify


@dataclass(frozen=True)
class Gazetteer:
    regions: tuple[Region, ...]

    @functools.cached_property
    def _by_name(self) -> dict[str, Region]:
        index: dict[str, Region] = {}
        for region in self.regions:
            index[region.name] = region
            if region.short:
                index.setdefault(region.short, region)
        return index

    def find(self, name: str) -> Region | None:
        """The region a full name or short form refers to, or None."""
        return self._by_name.get(name)

    def region_for(self, name: str) -> Region:
        """A known region, or an ad-hoc one (slug from pinyin) for names outside the gazetteer."""
        return self.find(name) or Region(name=name, slug=slugify(name), kind="other")


@functools.cache
def load_gazetteer() -> Gazetteer:
    text = resources.files("generator").joinpath("data/xinjiang.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    regions = tuple(
        Region(name=r["name"], slug=r["slug"], short=r.get("short"), kind=r.get("kind", "prefecture"),
               places=tuple(r.get("places", ())))
        for r in data["regions"]
    )
    return Gazetteer(regions)
