"""Raw issue text → content/ (Markdown + YAML front matter).

One call per step, in order (see `import_issue`): read and decode → issue
facts and furniture → tokens → articles → metadata merge → render → write.
`parse_issue` stops before the disk, for the outline, tests and the bench.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.yamlio import YamlSyntaxError, load_yaml
from ..problems import GazetteError, Problem, error
from .articles import ImportedArticle, finish
from .columns import assign_columns
from .furniture import furniture_lines, read_toc
from .issue import IssueMeta, find_sidecar, read_sidecar, resolve_issue
from .metadata import IssueFacts, read_issue_facts
from .outline import outline
from .read import read_raw
from .segment import build_drafts
from .slugs import issue_slugs
from .tokens import MD_HEADING, tokenize
from .write import article_name, previous_articles, render_issue, write_issue

__all__ = ["ImportOptions", "ImportResult", "import_issue", "parse_issue"]


@dataclass(frozen=True)
class ImportOptions:
    publication: str | None = None
    date: object = None  # datetime.date
    number: int | None = None
    label: str | None = None
    meta: Path | None = None  # sidecar YAML; RAW.yaml next to the raw file is used when absent
    dry_run: bool = False
    force: bool = False


@dataclass(frozen=True)
class ImportResult:
    meta: IssueMeta
    articles: tuple[ImportedArticle, ...]
    slugs: tuple[str, ...]
    outline: str
    written: tuple[str, ...] = ()
    backup: str | None = None
    problems: tuple[Problem, ...] = field(default=())  # warnings


def parse_issue(text: str, publication: str | None = None,
                home_region: str | None = None) -> tuple[IssueFacts, list[ImportedArticle]]:
    """Articles of one raw issue text, in reading order (no I/O)."""
    lines = text.split("\n")
    facts = read_issue_facts(lines)
    toc = read_toc(lines)
    names = (facts.name[0],) if facts.name else ()
    skip = furniture_lines(lines, publication, names) | set(toc.lines)
    markdown = any(MD_HEADING.match(line.strip()) for line in lines)
    drafts = build_drafts(tokenize(lines, skip), toc, markdown)
    return facts, assign_columns(finish(drafts, home_region), toc)


def _existing_slugs(content_dir: Path) -> dict[str, str]:
    """Publication name → folder slug for publications already in content/."""
    found = {}
    for path in sorted(content_dir.glob("*/publication.yaml")):
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YamlSyntaxError):
            continue
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            found.setdefault(data["name"], path.parent.name)
    return found


def _given(raw_path: Path, options: ImportOptions) -> tuple[dict, list[Problem]]:
    sidecar = options.meta or find_sidecar(raw_path)
    given, problems = ({}, []) if sidecar is None else read_sidecar(sidecar)
    if options.meta and not options.meta.is_file():
        problems = [error(options.meta, None, "missing-file", "sidecar file not found")]
    for key in ("publication", "date", "number", "label"):
        value = getattr(options, key)
        if value is not None:
            given[key] = value
    monthly = re.fullmatch(r"((?:19|20)\d{2})\s*[.．/年·-]\s*(\d{1,2})\s*期?", str(given.get("label") or ""))
    if monthly:  # 2025.3, 2025年3期 → 2025·3, as magazines print it
        given["label"] = f"{monthly[1]}·{int(monthly[2])}"
    return given, problems


def import_issue(raw_path: Path, content_dir: Path, options: ImportOptions = ImportOptions(),
                 project_root: Path | None = None) -> ImportResult:
    """Import one raw issue into `content_dir`; raise GazetteError (nothing written) on errors."""
    raw = read_raw(raw_path)
    given, problems = _given(raw_path, options)
    shown = _shown(raw_path, project_root)
    facts, articles = parse_issue(raw.text, given.get("publication"), given.get("home_region"))
    meta, more = resolve_issue(facts, given, shown, _existing_slugs(content_dir))
    problems += more
    if not articles:
        problems.append(error(shown, None, "no-articles", "no article text found in the raw file"))
    if meta is None or any(p.is_error for p in problems):
        raise GazetteError(problems)
    previous = previous_articles(content_dir / meta.slug / meta.folder)
    slugs = issue_slugs([a.title for a in articles], previous)
    files = render_issue(meta, articles, slugs, f"{shown} sha256:{raw.sha256}")
    titles = {article_name(a, s): a.title for a, s in zip(articles, slugs)}
    text = outline(meta, articles, slugs)
    written, backup = ([], None) if options.dry_run else write_issue(content_dir, meta, files, options.force,
                                                                             titles)
    return ImportResult(meta=meta, articles=tuple(articles), slugs=tuple(slugs), outline=text,
                        written=tuple(written), backup=str(backup) if backup else None,
                        problems=tuple(problems))


def _shown(path: Path, root: Path | None) -> str:
    """The raw file as recorded: relative to the project when inside it, else its name."""
    try:
        return path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return path.name
