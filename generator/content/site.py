"""Assemble the loaded content into one cross-checked `Site`."""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..gazetteer import load_gazetteer
from ..model import Site
from ..problems import Problem
from .load import load_content


class Where(Protocol):
    """What loading needs of the configuration (a `config.Config` has it): content does not
    import config, which reads gazette.yaml with content's YAML reader and schema."""
    content_path: Path
    root: Path
    warnings: tuple[Problem, ...]


def load_site(config: Where, memo=None, jobs: int = 1) -> tuple[Site, list[Problem]]:
    """Load `content/` (by `jobs` processes: `load_content`); return the site and every problem
    found (errors and warnings).

    A region outside the gazetteer (warned about where it is written) gets a
    page of its own under a slug no other region has.
    """
    gazetteer = load_gazetteer()
    publications, issues, articles, problems = load_content(config.content_path, config.root, gazetteer, memo, jobs)
    problems = list(config.warnings) + list(problems)
    regions = list(gazetteer.regions)
    known = {r.name for r in regions}
    slugs = {r.slug for r in regions}
    for article in articles:
        for name in article.regions:
            if name not in known:
                regions.append(gazetteer.region_for(name, slugs))
                known.add(name)
    site = Site(publications=publications, issues=issues, regions=tuple(regions), articles=articles)
    return site, problems
