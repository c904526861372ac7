"""`gazette check`: find what a build lets through but a reader would trip over.

Content: everything the loader reports, plus duplicated articles and slugs
within an issue, issue metadata that is missing and links a browser could run
as script (which the build drops). Built site: broken links and anchors,
orphan pages and network resources (see `linkcheck`).
"""
from __future__ import annotations

import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from .builder import build
from .config import Config
from .content.site import load_site
from .content.yamlio import brief
from .linkcheck import check_site, read_tree
from .model import Issue, Site
from .problems import GazetteError, Problem, error, is_fatal, sort_problems, warning
from .i18n import _
from .render.markdown import MarkdownRenderer
from .workers import usable_cores

EXPECTED_ISSUE_KEYS = {"pages": "pages", "source": "raw_file", "date_source": "date_source"}  # issue.yaml key → Issue field


def check_project(config: Config, site_dir: Path | None = None, jobs: int | None = None) -> list[Problem]:
    """Problems in content and in the built site (built afresh into a temporary folder unless `site_dir`,
    by `jobs` processes: `build`)."""
    jobs = jobs or usable_cores()
    site, problems = load_site(config, jobs=jobs)
    problems += check_content(site)
    if is_fatal(problems):
        return sort_problems(problems)
    content_files = article_files(site, config)
    problems += check_unsafe_links(site, content_files)
    if site_dir is not None:
        problems += check_site(read_tree(site_dir), shown=site_dir.as_posix(), content_files=content_files)
        return sort_problems(problems)
    with tempfile.TemporaryDirectory(prefix="gazette-check-") as tmp:
        built = config.with_overrides(output_dir=str(Path(tmp) / "site"))
        try:
            problems += build(built, site=site, jobs=jobs).problems  # (the content is loaded once)
        except GazetteError as exc:
            return sort_problems(problems + exc.problems)
        problems += check_site(read_tree(built.output_path), shown=config.output_dir, content_files=content_files)
    return sort_problems(problems)


def article_files(site: Site, config: Config) -> dict[str, tuple[str, str]]:
    """Each article page → (its Markdown file as shown, that file's text), to report links where they are written."""
    content_files = {}
    for article in site.articles:
        if article.loaded_from:
            try:
                text = (config.root / article.loaded_from.path).read_text(encoding="utf-8-sig")
            except OSError:
                continue
            content_files[article.url] = (article.loaded_from.path, text)
    return content_files


def check_unsafe_links(site: Site, content_files: dict[str, tuple[str, str]]) -> list[Problem]:
    """Links and images whose target a browser could run (javascript:, data:, entity-encoded
    or not): the build drops them, so the page shows no sign; the Markdown is what to fix."""
    render = MarkdownRenderer()
    problems = []
    for article in site.articles:
        urls = render.unsafe_links(article.body)
        if not urls:
            continue
        where = article.loaded_from
        path, text = content_files.get(article.url, (where.path if where else article.url, ""))
        for url, line in zip(urls, link_lines(text, urls)):
            problems.append(error(path, line or (where.line if where else None), "unsafe-link",
                                  _("link to {url} is dropped: only http, https, mailto and relative links are kept")
                                  .format(url=brief(repr(url)))))
    return problems


def link_lines(text: str, urls: list[str]) -> list[int | None]:
    """The line of each URL where it is written as a link target (after ``(`` or ``]:``, or in
    ``<…://…>``); a URL used again is looked for on the lines after its previous use."""
    lines = text.splitlines()
    found, uses = [], Counter()
    for url in urls:
        written = re.compile(r"(?:\(\s*<?|\]:\s*<?" + ("|<" if "://" in url else "") + ")" + re.escape(url))
        matches = [n for n, line in enumerate(lines, 1) if written.search(line)]
        found.append(matches[min(uses[url], len(matches) - 1)] if matches else None)
        uses[url] += 1
    return found


def check_content(site: Site) -> list[Problem]:
    problems: list[Problem] = []
    for issue in site.issues:
        problems += check_issue_metadata(issue)
        problems += check_duplicates(issue)
    return problems


def check_issue_metadata(issue: Issue) -> list[Problem]:
    where = issue.loaded_from.path if issue.loaded_from else f"content/{issue.key}/issue.yaml"
    problems = [warning(where, None, "missing-metadata", _("issue.yaml has no {key}").format(key=key))
                for key, field in EXPECTED_ISSUE_KEYS.items() if getattr(issue, field) is None]
    if issue.number is None and issue.label is None:
        problems.append(warning(where, None, "missing-metadata",
                                _("issue.yaml has neither number (总第…期) nor label")))
    if not issue.articles:
        problems.append(warning(where, None, "empty-issue", _("the issue has no articles")))
    return problems


def check_duplicates(issue: Issue) -> list[Problem]:
    """Same title (or slug) twice in one issue: usually an article imported twice."""
    problems = []
    for field, code in (("title", "duplicate-title"), ("slug", "duplicate-slug")):
        groups = defaultdict(list)
        for article in issue.articles:
            groups[getattr(article, field)].append(article)
        for value, same in groups.items():
            for later in same[1:]:
                first = same[0].loaded_from.path
                identical = field == "title" and later.body.strip() == same[0].body.strip()
                make = error if identical else warning
                said = (_("the same article as {first}") if identical
                        else _("{field} {value!r} is also used by {first}")).format(field=field, value=value, first=first)
                problems.append(make(later.loaded_from.path, later.loaded_from.line, code, said))
    return problems
