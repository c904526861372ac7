"""The work of a build that is not a no-op: load, render, index and publish into a staged site.

`builder.py` decides whether there is anything to do and keeps the cache; this module is
imported only then. Each output is taken from the previous site when `Reuse` says it is
unchanged (its fingerprint, or its bytes, are the recorded ones), else made and written.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Iterator

from . import buildcache
from .config import Config
from .content.raw_sources import load_raw_sources, raw_file_paths
from .content.site import load_site
from .fingerprint import Fingerprints
from .i18n import _
from .model import Article, Site
from .problems import GazetteError, Problem, error, is_fatal, sort_problems
from .progress import Progress
from .publish import publish_site
from .publish.export import patched_export
from .render import Output, data_outputs, load_renderers, site_outputs, templates_read_bodies
from .render.echarts_map import map_file_candidates
from .search import ENGINE_PATHS, search_outputs, theme_engine_copies
from .search.assets import lunr_candidates
from .workers import map_in_waves, usable_cores
from .writer import OutputConflict, StagedSite


@dataclass(frozen=True)
class Built:
    files: int
    bytes: int
    articles: int
    problems: tuple[Problem, ...]
    reused: int
    rendered: int
    raw_files: tuple[str, ...] = ()  # the raw issue files read for the 原文 pages (outside content/)
    site: dict | None = None  # the site folder as published in place (`buildcache.site_state_after`); None: walk it


class Reuse:
    """The previous build's outputs that may be taken instead of made: those it recorded whose
    file in the site folder is still the one it left there."""

    def __init__(self, manifest: buildcache.Manifest | None, site: dict, folder: Path) -> None:
        recorded = manifest.outputs if manifest else {}
        left = manifest.site if manifest else {}
        self.outputs = recorded if site == left else {  # (the whole site as left: one comparison in C)
            path: made for path, made in recorded.items() if path in site and site[path] == left.get(path)}
        self.folder = folder
        self.manifest = manifest
        self.site = site if manifest else None  # the site folder now: kept in place, but what is made anew
        self.linked = 0  # outputs taken from the previous site
        self.rendered = 0  # pages made (rendered, or static files read) because they may have changed

    def page(self, stage: StagedSite, path: str, fingerprint: str | None) -> tuple | None:
        """(fingerprint, digest) of the old file if it was made from the same data and is now linked in;
        else None, and the page counts as rendered."""
        old = self.taken(stage, path, fingerprint)
        self.rendered += old is None
        return old

    def taken(self, stage: StagedSite, path: str, fingerprint: str | None) -> tuple | None:
        """`page` for any output: not counted as rendered when it must be made."""
        old = self.outputs.get(path)
        if fingerprint is None or old is None or old[0] != fingerprint or not (
                stage.kept_as_is(path) or stage.reuse(path, self.folder / path)):
            return None
        self.linked += 1
        return old

    def file(self, stage: StagedSite, path: str, data: bytes, fingerprint: str | None = None) -> tuple[str | None, str]:
        """Put `data` at `path`: a link to the old file if it holds the same bytes, else written."""
        stage.claim(path)
        return self.count(stage, fingerprint, self.place(stage, path, data))

    def count(self, stage: StagedSite, fingerprint: str | None, placed: tuple[str, int, bool]) -> tuple[str | None, str]:
        """Count a file `place` put in: what the manifest records of it."""
        digest, size, linked = placed
        stage.bytes += size
        self.linked += linked
        return fingerprint, digest

    def place(self, stage: StagedSite, path: str, data: bytes) -> tuple[str, int, bool]:
        """Put `data` at the claimed `path` (`file` without the counting, so a worker can do it):
        its digest, size, and whether the old file was linked."""
        digest = hashlib.sha1(data).hexdigest()
        old = self.outputs.get(path)
        if old is not None and old[1] == digest:
            size = stage.link(path, self.folder / path)
            if size is not None:
                return digest, size, True
        return digest, stage.write(path, data), False

    def made(self, stage: StagedSite, output: Output) -> tuple[str, int, bool]:
        """Make the claimed `output` and place it: what a worker does for each page to render."""
        return self.place(stage, output.path, output.make())


def _fingerprint(fingerprints: Fingerprints | None, source: tuple | None) -> str | None:
    """A search file's fingerprint: of what it is made from (None: unknown, or no fingerprints)."""
    return fingerprints.of_plain(("search", source)) if fingerprints is not None and source is not None else None


def read_outside(config: Config) -> tuple[str, ...]:
    """The files a build reads that the build key does not cover (`buildcache.Manifest.read`):
    the browser libraries and map data it takes from node_modules."""
    return tuple(map(str, [*lunr_candidates(config), *map_file_candidates((config.root,))]))


def full_build(config: Config, progress: Progress, site: Site | None, layers: list[Path],
               memo: buildcache.ArticleMemo | None, reuse: Reuse, key: str | None,
               jobs: int | None = None, content: dict | None = None) -> tuple[Built, dict, Record]:
    """Load, render, index and publish into a staged site swapped in at the end (or, over an
    earlier build, its journal applied: `writer.StagedSite`); what each output was made from
    (`buildcache.Manifest.outputs`) and the dependency record. Pages are fingerprinted under the
    build `key` (None: not at all, every page is rendered); content is read and pages are made by
    `jobs` processes (None: a process per usable core). When the last build's record says which
    pages an edit to articles' texts alone remakes (`buildcache.body_edits`; `content`: the content
    folder's snapshot), only those are made, with the search and publishing files."""
    jobs = jobs or usable_cores()
    progress.step(_("reading content"))
    site, problems = (site, []) if site is not None else load_site(config, memo, jobs)
    problems = list(problems) + theme_engine_copies(layers)  # a theme's copy is not used
    raw_sources, raw_problems = load_raw_sources(site, config.root)  # for the 原文 pages
    problems += raw_problems
    if is_fatal(problems, config.strict):
        raise GazetteError(problems)
    edited = _texts_edited(reuse, key, content, memo, layers)
    record = Record() if edited is None else Record(reuse.manifest.bodies, reuse.manifest.person_urls)
    made: dict[str, tuple] = {}
    try:
        with StagedSite(config.output_path, reuse.site) as stage:  # each part goes to disk as soon as it is made
            progress.step(_("rendering pages"))
            fingerprints = Fingerprints(key) if key else None
            if edited is None:
                outputs = site_outputs(site, config, ENGINE_PATHS, fingerprints,  # the search engine is gazette's
                                       raw_sources=raw_sources, person_urls=record.person_urls)
            else:  # the pages made from the edited texts; every other page is kept as it is
                remade = {path for _old, article in edited for path in record.bodies.get(article.key, ())}
                kept = {path: entry for path, entry in reuse.manifest.outputs.items()
                        if entry[2] == buildcache.PAGE and path not in remade}
                stage.keep(kept)
                made.update(kept)
                outputs = chain(site_outputs(site, config, ENGINE_PATHS, fingerprints, raw_sources=raw_sources,
                                             only=remade, person_urls=record.person_urls),
                                data_outputs(site, fingerprints))

            def pending() -> Iterator[Output]:  # to be made, as they come: in workers (`workers.py`), each written
                for output in outputs:
                    if edited is None:
                        for article in output.bodies:
                            record.bodies.setdefault(article, []).append(output.path)
                    made[output.path] = reuse.page(stage, output.path, output.fingerprint)
                    if made[output.path] is None:
                        stage.claim(output.path)
                        yield output
            for output, placed in map_in_waves(partial(reuse.made, stage), pending(), jobs, before_fork=load_renderers):
                made[output.path] = reuse.count(stage, output.fingerprint, placed)
            made.update((path, (*made[path][:2], buildcache.PAGE)) for path in list(made))
            page_paths = set(made)
            progress.step(_("building the search index"))
            keys = memo.search_keys(site.articles) if memo is not None else None  # (recalled ones kept)
            for file in search_outputs(site, config, progress, jobs, keys):  # shard by shard (bench/build.md)
                fingerprint = _fingerprint(fingerprints, file.source)
                made[file.path] = reuse.taken(stage, file.path, fingerprint)
                if made[file.path] is None:
                    made[file.path] = reuse.file(stage, file.path, file.make(), fingerprint)
            progress.step(_("writing feeds, sitemap and data"))
            exported = None if edited is None else patched_export(config.output_path, edited)
            publish, publish_problems = publish_site(site, config, sorted(page_paths), exported)
            for path in sorted(publish):
                made[path] = reuse.file(stage, path, publish[path])
            problems += publish_problems
            made.update((path, (*made[path][:2], "")) for path in made.keys() - page_paths)  # not pages
            reuse.linked += len(stage.kept)
            progress.step(_("writing files"))  # the swap, or the journal: the new site replaces the old one
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        raise GazetteError([error(config.output_dir, None, "write",
                                  _("the build stopped on a disk error: {why}").format(why=exc.strerror or exc)
                                  + where)]) from None
    except OutputConflict as exc:
        raise GazetteError([error(config.output_dir, None, "url-conflict", str(exc))]) from None
    after = None if stage.published is None else buildcache.site_state_after(config.output_path, reuse.site,
                                                                             *stage.published)
    return Built(files=stage.files(), bytes=stage.bytes, articles=len(site.articles),
                 problems=tuple(sort_problems(problems)), reused=reuse.linked, rendered=reuse.rendered,
                 raw_files=raw_file_paths(site, config.root), site=after), made, record


@dataclass
class Record:
    """The dependency record a build leaves (`buildcache.Manifest.bodies`, `.person_urls`)."""

    bodies: dict[str, list[str]] = field(default_factory=dict)  # article key → pages made from its text
    person_urls: dict[str, str] = field(default_factory=dict)  # the bylines' links


def _texts_edited(reuse: Reuse, key: str | None, content: dict | None, memo,
                  layers: list[Path]) -> list[tuple[Article, Article]] | None:
    """The articles whose texts alone changed (as last read, as now), when the last build's record tells what that remakes
    (same build key, same files read outside content/, no template reading texts itself); else None."""
    manifest = reuse.manifest
    if key is None or content is None or manifest is None or manifest.key != key \
            or buildcache.files_digest(manifest.read) != manifest.read_digest or templates_read_bodies(layers):
        return None
    return buildcache.body_edits(manifest, content, reuse.site, memo)
