"""Assemble the loaded content into one cross-checked `Site`."""
from __future__ import annotations

from ..config import Config
from ..gazetteer import load_gazetteer
from ..model import Site
from ..problems import Problem, warning
from .load import load_content


def load_site(config: Config) -> tuple[Site, list[Problem]]:
    """Load `content/`; return the site and every problem found (errors and warnings)."""
    publications, issues, articles, problems = load_content(config.content_path, config.root)
    problems = list(config.warnings) + list(problems)
    gazetteer = load_gazetteer()
    regions = list(gazetteer.regions)
    known = {r.name for r in regions}
    for article in articles:
        for name in article.regions:
            if name not in known:
                problems.append(warning(article.source_ref.path, article.source_ref.line, "unknown-region",
                                        f"region {name} is not in the gazetteer"))
                regions.append(gazetteer.region_for(name))
                known.add(name)
    site = Site(publications=publications, issues=issues, regions=tuple(regions), articles=articles)
    return site, problems
