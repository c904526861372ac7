"""Raw issue text → content/ (Markdown + YAML front matter).

One call per step, in order (see `import_issue`): read and decode → issue
facts and furniture → tokens → articles → metadata merge → render → write.
`parse_issue` stops before the disk, for the outline, tests and the bench.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..content.yamlio import LineDict
from ..issue_label import read_label
from ..text.names import name_key, same_name
from ..problems import GazetteError, Problem, error, warning
from .articles import ImportedArticle, finish
from .columns import assign_columns
from .confidence import LOW
from .fold import Restorer, fold
from .furniture import Furniture, furniture_kinds, read_toc
from .issue import IssueMeta, find_sidecar, read_sidecar, resolve_issue, slug_problem
from .metadata import IssueFacts, read_issue_facts
from .outline import outline
from .read import read_raw
from .segment import LeftOut, segment_drafts
from .slugs import issue_slugs
from .tokens import is_markdown, tokenize
from .write import (Written, article_name, clear_leftovers, guard_issue, load_yaml_file,
                    manifest_problems, previous_articles, recorded_source, render_issue, shown_path, unsafe_folder,
                    write_issue)

__all__ = ["ImportOptions", "ImportResult", "Parsed", "import_issue", "parse_issue", "parse_text", "shown_path"]


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
    folder: Path | None = None  # the issue folder
    source: str = ""  # the raw file as issue.yaml records it, with its sha256
    written: tuple[str, ...] = ()  # files whose bytes changed (created or rewritten)
    removed: tuple[str, ...] = ()  # files of the last import this one no longer produces
    backup: str | None = None
    problems: tuple[Problem, ...] = field(default=())  # warnings; with a dry run, also what would stop the import

    @property
    def refused(self) -> bool:
        """Would the import stop (only a dry run returns such a result)?"""
        return any(p.is_error for p in self.problems)

    @property
    def unchanged(self) -> bool:
        return not (self.written or self.removed or self.backup)

    @property
    def doubtful(self) -> int:
        """How many articles rest on weak evidence (low confidence: marked ！ in the outline)."""
        return sum(a.confidence.level == LOW for a in self.articles)


def parse_issue(text: str, publication: str | None = None,
                home_region: str | None = None) -> tuple[IssueFacts, list[ImportedArticle]]:
    """Articles of one raw issue text, in reading order (no I/O)."""
    facts, articles, _, _ = _parse(text, publication, home_region)
    return facts, articles


@dataclass(frozen=True)
class Parsed:
    """One raw issue text read into articles, with everything else the text held: what was left
    out of every article, repeated articles, and the page furniture removed (each line with its
    kind), so that an import can record all of it."""

    facts: IssueFacts
    articles: list[ImportedArticle]
    left_out: list[LeftOut]
    repeats: list[tuple[ImportedArticle, int]]
    furniture: tuple[Furniture, ...] = ()


def _parse(text: str, publication: str | None, home_region: str | None):
    """(facts, articles, left-out pieces, repeats) of one raw issue text (see `parse_text`)."""
    parsed = parse_text(text, publication, home_region)
    return parsed.facts, parsed.articles, parsed.left_out, parsed.repeats


def parse_text(text: str, publication: str | None, home_region: str | None) -> Parsed:
    """One raw issue text, parsed (no I/O).

    The text is read through its folded copy (Traditional → Simplified, full-width digits →
    ASCII, one character for one: see fold.py); the articles come back as printed."""
    folded = fold(text)
    lines = folded.split("\n")
    facts = read_issue_facts(lines)
    toc = read_toc(lines)
    names = (facts.name[0],) if facts.name else ()
    kinds = furniture_kinds(lines, publication and fold(publication), names)
    skip = set(kinds) | set(toc.lines)
    markdown = is_markdown(lines)
    drafts, left_out = segment_drafts(tokenize(lines, skip, markdown), toc, markdown)
    finished = [replace(a, kind="other") if d.unplaced else a for a, d in zip(finish(drafts, home_region, left_out), drafts)]
    articles, repeats = drop_repeats(finished)
    articles = assign_columns(articles, toc)
    furniture = _furniture(text.split("\n"), kinds, toc.lines, drafts)
    if folded == text:
        return Parsed(facts, articles, left_out, repeats, furniture)
    printed = Restorer(text, folded)
    return Parsed(facts, [_as_printed(a, printed) for a in articles],
                  [replace(piece, text=printed(piece.text)) for piece in left_out],
                  [(_as_printed(a, printed), line) for a, line in repeats], furniture)


def _furniture(raw: list[str], kinds: dict[int, str], contents, drafts) -> tuple[Furniture, ...]:
    """Every removed line as printed, by line, with its kind (the table of contents: contents), and
    each kicker or page banner a deck displaced from an article's subtitle (kicker)."""
    found = {i: kinds.get(i, "contents") for i in (*kinds, *contents) if raw[i].strip()}
    pieces = [Furniture(i + 1, raw[i].strip(), kind) for i, kind in found.items()]
    pieces += [Furniture(d.title_line or d.line, d.kicker, "kicker") for d in drafts if d.kicker]
    return tuple(sorted(pieces, key=lambda piece: (piece.line, piece.kind)))


def _as_printed(article: ImportedArticle, printed: Restorer) -> ImportedArticle:
    """The article's text in the characters the raw text has (its tags stay as read)."""
    return replace(article, title=printed(article.title), body=printed(article.body),
                   subtitle=printed(article.subtitle), column=printed(article.column),
                   authors=tuple(map(printed, article.authors)),
                   photographers=tuple(map(printed, article.photographers)),
                   dateline=printed(article.dateline), source=printed(article.source),
                   editor=printed(article.editor))


def drop_repeats(articles: list[ImportedArticle]) -> tuple[list[ImportedArticle], list[tuple[ImportedArticle, int]]]:
    """An article printed twice in one issue (same title, same text) is written once: a second
    copy loses nothing, and `gazette check` rightly calls two identical files an error.
    Returns the articles, renumbered, and each repeat with the line of its first copy."""
    first: dict[tuple[str, str], int] = {}
    kept, repeats = [], []
    for article in articles:
        key = (article.title, article.body)
        if key in first:
            repeats.append((article, first[key]))
            continue
        first[key] = article.line
        kept.append(replace(article, order=len(kept) + 1))
    return kept, repeats


_LEFT_OUT_MAX = 0.05  # share of the text that may be left out of every article (with a warning each)


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _excerpt(text: str, width: int = 30) -> str:
    return f"«{text[:width]}…»" if len(text) > width else f"«{text}»"


def left_out_problems(shown: str, left_out: list[LeftOut], articles: list[ImportedArticle],
                      repeats: list[tuple[ImportedArticle, int]]) -> list[Problem]:
    """Text in no article is never dropped silently: each piece is a warning naming its line, and
    when more than a twentieth of the text would be left out the import stops (the layout was
    not understood: every line marked as a heading, only headlines, no paragraphs...)."""
    problems = [warning(shown, a.line, "repeated", f"the same article as at line {line} ({_excerpt(a.title)}): "
                                                   "written once") for a, line in repeats]
    lost = sum(_letters(piece.text) for piece in left_out)
    kept = sum(_letters(f"{a.title}{a.subtitle or ''}{a.body}") for a in articles)
    if left_out and lost > _LEFT_OUT_MAX * (lost + kept):
        first = left_out[0]
        problems.append(error(shown, first.line, "left-out",
                              f"{lost / (lost + kept):.0%} of the text would be in no article ({len(left_out)} "
                              f"piece{'s' if len(left_out) > 1 else ''}; this one is {first.why}: {_excerpt(first.text)}): the layout was not "
                              "understood; check the extracted text (only headlines? a heading mark on every line?)"))
        return problems
    problems += [warning(shown, piece.line, "left-out", f"left out of every article, {piece.why}: "
                                                        f"{_excerpt(piece.text)}") for piece in left_out]
    return problems


@dataclass(frozen=True)
class _Publication:
    slug: str
    name: str
    file: Path  # its publication.yaml
    data: LineDict  # its values, with their lines

    @property
    def line(self) -> int | None:
        return self.data.line_of("name")


def _publications(content_dir: Path) -> list[_Publication]:
    """The publications already in content/, by folder."""
    found = []
    for path in sorted(content_dir.glob("*/publication.yaml")):
        data = load_yaml_file(path)
        if isinstance(data, LineDict) and isinstance(data.get("name"), str):
            found.append(_Publication(path.parent.name, data["name"], path, data))
    return found


def _line_in(path: Path | None, key: str) -> int | None:
    """The line of `key:` in a YAML file (a sidecar), as the content loader counts lines."""
    data = load_yaml_file(path)
    return data.line_of(key) if isinstance(data, LineDict) else None


def _publication_problems(meta: IssueMeta, origin: str, given: dict, sidecar: Path | None,
                          publications: list[_Publication]) -> list[Problem]:
    """A publication's folder holds that publication only: an issue whose publication another
    folder's publication.yaml names otherwise is refused, never mixed in (publication.yaml is
    not rewritten either)."""
    problems = []
    here = next((p for p in publications if p.slug == meta.slug), None)
    if here is not None and here.name != meta.publication:
        problems.append(error(shown_path(here.file), here.line, "publication",
                              f"{meta.slug}/ holds {here.name}, but this issue is of {meta.publication} "
                              f"({origin}): if they are one publication, use the name {here.name}; else give "
                              f"{meta.publication} a slug of its own (slug: in the sidecar)"))
    if here is not None and here.name == meta.publication and sidecar is not None and sidecar.is_file():
        problems += _kept_publication_values(here, given, sidecar)
    elsewhere = next((p for p in publications if same_name(p.name, meta.publication) and p.slug != meta.slug), None)
    if elsewhere is not None and given.get("slug") and sidecar is not None:
        problems.append(error(shown_path(sidecar), _line_in(sidecar, "slug"), "publication",
                              f"slug: {meta.publication} is in {shown_path(elsewhere.file.parent)}/ already, but "
                              f"the sidecar gives slug {meta.slug}: one publication, one folder; use slug "
                              f"{elsewhere.slug}"))
    return problems


_PUBLICATION_KEYS = ("home_region", "description", "frequency")


def _kept_publication_values(here: _Publication, given: dict, sidecar: Path) -> list[Problem]:
    """publication.yaml is written once and then belongs to the archivist: a sidecar that says
    otherwise (another home_region…) does not change it, and the import says so."""
    return [warning(shown_path(sidecar), _line_in(sidecar, key), "publication-kept",
                    f"{key}: the sidecar says {given[key]}, {shown_path(here.file)} says {here.data.get(key)}; "
                    f"publication.yaml is kept (edit it to change the publication)")
            for key in _PUBLICATION_KEYS
            if given.get(key) not in (None, "") and str(given[key]) != str(here.data.get(key))]


_FLAGS = ("publication", "date", "number", "label")


def _label(value: object) -> object:
    """2025.3, 2025年3期 → 2025·3, the form the archive stores; other values as given."""
    label = read_label(str(value or ""))
    return str(label) if label else value


def _given(raw_path: Path, options: ImportOptions) -> tuple[dict, dict, Path | None, list[Problem]]:
    """(values, where each came from, the sidecar, problems): the sidecar's values and the flags'.
    A flag that contradicts the sidecar is an error naming both: which one is right is not ours
    to guess, and the wrong one would be written (a name from one, a slug from the other)."""
    sidecar = options.meta or find_sidecar(raw_path)
    given, problems = ({}, []) if sidecar is None else read_sidecar(sidecar)
    if options.meta and not options.meta.is_file():
        problems = [error(options.meta, None, "missing-file", "sidecar file not found")]
    origins = {key: f"the sidecar {shown_path(sidecar)}" for key in given}
    if "label" in given:
        given["label"] = _label(given["label"])
    for key in _FLAGS:
        value = _label(getattr(options, key)) if key == "label" else getattr(options, key)
        if value is None:
            continue
        if given.get(key) is not None and given[key] != value:
            problems.append(error(shown_path(sidecar), _line_in(sidecar, key), "conflict",
                                  f"{key}: the sidecar says {given[key]}, but --{key} {value} was given: "
                                  f"correct the sidecar or leave out --{key}"))
        given[key], origins[key] = value, f"--{key}"
    return given, origins, sidecar, problems


def import_issue(raw_path: Path, content_dir: Path, options: ImportOptions = ImportOptions(),
                 project_root: Path | None = None) -> ImportResult:
    """Import one raw issue into `content_dir`; raise GazetteError (nothing written) on errors.

    A dry run writes nothing and raises only where the text cannot be read as an issue; what the
    real import would refuse (hand edits, another raw file) comes back in the result's problems,
    with the outline, so that it can be shown as the real run would show it."""
    raw = read_raw(raw_path)
    given, origins, sidecar, problems = _given(raw_path, options)
    shown = shown_path(raw_path)
    record = _recorded(raw_path, project_root)
    parsed = parse_text(raw.text, given.get("publication"), given.get("home_region"))
    facts, articles, left_out, repeats = parsed.facts, parsed.articles, parsed.left_out, parsed.repeats
    publications = _publications(content_dir)
    meta, more = resolve_issue(facts, given, shown, {name_key(p.name): p.slug for p in reversed(publications)}, origins)
    problems += more + left_out_problems(shown, left_out, articles, repeats)
    if meta is not None:
        problems += _slug_problems(meta, shown, publications)
    if not articles and not any(p.is_error for p in problems):
        problems.append(error(shown, None, "no-articles", "no article text found in the raw file"))
    if meta is None or any(p.is_error for p in problems):
        raise GazetteError(problems)
    folder = content_dir / meta.slug / meta.folder
    if (unsafe := unsafe_folder(content_dir, folder)) is not None:  # not even read: it is not ours
        raise GazetteError(problems + [unsafe])
    if not options.dry_run:
        clear_leftovers(folder)
    previous = previous_articles(folder)
    slugs = issue_slugs([a.title for a in articles], previous)
    files_source = f"{record} sha256:{raw.sha256}"
    files = render_issue(meta, articles, slugs, files_source)
    titles = {article_name(a, s): a.title for a, s in zip(articles, slugs)}
    text = outline(meta, articles, slugs, shown_path(folder))
    guard = guard_issue(folder, record, raw.sha256, shown, options.force,
                        _recorded_shown(folder, project_root))
    refusals = list(guard.problems) + _publication_problems(
        meta, origins.get("publication") or f"the masthead, line {facts.name[1]}", given, sidecar, publications)
    refusals += manifest_problems(folder)  # even under --force: nothing it names is removed
    problems += refusals
    if any(p.is_error for p in refusals) and not options.dry_run:
        raise GazetteError(problems)
    decisions = import_decisions(articles, slugs, parsed.furniture)
    done = Written() if options.dry_run else write_issue(content_dir, meta, files, titles, guard.backup, decisions)
    return ImportResult(meta=meta, articles=tuple(articles), slugs=tuple(slugs), outline=text,
                        folder=folder, source=files_source, written=tuple(str(p) for p in done.written),
                        removed=tuple(str(p) for p in done.removed),
                        backup=str(done.backup) if done.backup else None, problems=tuple(problems))


def import_decisions(articles: list[ImportedArticle], slugs: list[str], furniture) -> dict:
    """What `.import.yaml` records beside the files: each article's confidence with its doubts,
    and every line of furniture the import removed (line, kind, text as printed)."""
    return {"confidence": {article_name(a, s): {"level": a.confidence.level, "doubts": list(a.confidence.doubts)}
                           for a, s in zip(articles, slugs)},
            "furniture": [{"line": f.line, "kind": f.kind, "text": f.text} for f in furniture]}


def _slug_problems(meta: IssueMeta, shown: str, publications: list[_Publication]) -> list[Problem]:
    """A slug taken from a folder of content/ or derived from the publication's name is checked as
    a sidecar's is (read_sidecar checks that one at its line): the issue is written under it."""
    why = slug_problem(meta.slug)
    if why is None:
        return []
    here = next((p for p in publications if p.slug == meta.slug), None)
    if here is not None:
        return [error(shown_path(here.file.parent), None, "bad-slug", f"{why}; rename this folder (its name is "
                                                                      f"the slug) to import {meta.publication} into it")]
    return [error(shown, None, "bad-slug", f"{why}; give {meta.publication} a slug of its own (slug: in a sidecar)")]


def _recorded(path: Path, root: Path | None) -> str:
    """The raw file as issue.yaml records it: relative to the project when inside it, else its name."""
    try:
        return path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return path.name


def _recorded_shown(folder: Path, root: Path | None) -> str | None:
    """The raw file an existing issue was imported from, named so it can be found from here."""
    recorded = recorded_source(folder)
    if recorded is None:
        return None
    path = (root or Path.cwd()) / recorded[0]
    return shown_path(path) if path.is_file() else recorded[0]
