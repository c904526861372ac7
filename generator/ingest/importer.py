"""Raw issue text → content/ (Markdown + YAML front matter): the import pipeline
(its names are the package's: `from generator.ingest import import_issue`).

One call per step, in order (see `import_issue`): read and decode → issue
facts and furniture → tokens → articles → metadata merge → render → write.
`parse_issue` stops before the disk, for the outline, tests and the bench.
The rules it applies are each in a module named for what it decides: sidecar
(the values given), issue (given against stated), left_out (text in no
article), publication_rules (which folder), guard (what may be replaced).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..i18n import _
from ..problems import GazetteError, Problem, error
from ..slug import slugify
from ..text.words import is_common_word
from .articles import ImportedArticle, finish
from .columns import assign_columns
from .doubts import LOW
from .fold import Restorer, fold
from .furniture import Furniture, furniture_kinds, read_toc
from .guard import guard_issue
from .issue import IssueMeta, resolve_issue
from .left_out import drop_repeats, left_out_problems
from .metadata import IssueFacts, read_issue_facts
from .outline import outline
from .publication_rules import existing_publications, folders_by_name, publication_problems, slug_problems
from .raw_file import RawFile
from .read import read_raw
from .regions import tag_regions
from .segment import LeftOut, segment_drafts
from .sidecar import given_values
from .slugs import issue_slugs
from .titles import is_markdown
from .tokenizer import tokenize
from .write import (Written, article_name, clear_leftovers, import_decisions, manifest_problems, manifest_text,
                    previous_articles, render_issue, shown_path, unsafe_folder, write_issue)

__all__ = ["ImportOptions", "ImportResult", "Parsed", "ParsedAhead", "import_issue", "parse_ahead", "parse_issue",
           "parse_text", "preload_tables", "shown_path"]


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
    raw_file: RawFile | None = None  # the raw file as issue.yaml records it
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
    blank = {n for n, line in enumerate(lines, 1) if not line.strip()}
    around = blank | {i + 1 for i in skip}  # (made once: every draft sheds the same lines)
    for draft in drafts:  # an article's 原文 is its text, not the blank or furniture lines around it
        draft.lines -= around
    finished = [replace(a, kind="other") if d.unplaced else a
                for a, d in zip(finish(drafts, home_region, left_out, blank), drafts)]
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


def preload_tables() -> None:
    """Read now what every parse reads on its first use (jieba's word list, the gazetteer's names,
    pypinyin's tables for the masthead's romanized name): the processes forked after this share
    them instead of each reading them again."""
    is_common_word("")
    tag_regions("", "", None, None)
    slugify("")


@dataclass(frozen=True)
class Rendered:
    """An issue folder's files as the import writes them, and its outline, with what they were
    made from besides the parsed text (`made_from`: the issue's metadata, the articles the last
    import wrote there, the raw file as issue.yaml names it, the folder): equal inputs, equal files."""

    made_from: tuple
    slugs: tuple[str, ...]
    files: dict[str, str]  # file name → text, in writing order (see write.render_issue)
    manifest: str  # .import.yaml
    outline: str


def render_folder(meta: IssueMeta, parsed: Parsed, previous: list, raw_file: str, folder: Path) -> Rendered:
    """Everything the import writes into `folder` (no I/O): `previous` is `previous_articles(folder)`."""
    articles = parsed.articles
    slugs = issue_slugs([a.title for a in articles], previous)
    files = render_issue(meta, articles, slugs, raw_file)
    titles = {article_name(a, s): a.title for a, s in zip(articles, slugs)}
    manifest = manifest_text(files, titles, import_decisions(articles, slugs, parsed.furniture))
    return Rendered((meta, previous, raw_file, folder), tuple(slugs), files, manifest,
                    outline(meta, articles, slugs, shown_path(folder)))


@dataclass(frozen=True)
class ParsedAhead:
    """A raw file parsed, and its folder rendered, before its turn (by another process, while
    earlier issues are written): what it was parsed from, so that its import uses the parse only
    if the file and its given values are still what they were, and the rendering only if it
    would be made from the same inputs (content/ may have changed since: an earlier issue of the
    run written into the same folder, a publication folder made)."""

    sha256: str
    publication: str | None
    home_region: str | None
    parsed: Parsed
    rendered: Rendered | None = None


def parse_ahead(raw_path: Path, options: ImportOptions, content_dir: Path,
                project_root: Path | None = None) -> ParsedAhead | None:
    """Parse a raw file, and render its folder, as `import_issue` will (pure but for reading the
    raw file, its sidecar and content/); None when it cannot be read, which its import then
    reports. No rendering where its import would stop (or would not read the folder)."""
    try:
        raw = read_raw(raw_path)
        given, origins = given_values(raw_path, options)[:2]
    except GazetteError:
        return None
    publication, home = given.get("publication"), given.get("home_region")
    parsed = parse_text(raw.text, publication, home)
    shown = shown_path(raw_path)
    meta, problems = resolve_issue(parsed.facts, given, shown, folders_by_name(existing_publications(content_dir)),
                                   origins)
    rendered = None
    if meta is not None and parsed.articles and not any(p.is_error for p in problems):
        folder = content_dir / meta.slug / meta.folder
        if unsafe_folder(content_dir, folder) is None:
            raw_file = str(RawFile.of(raw_path, project_root, raw.sha256))
            rendered = render_folder(meta, parsed, previous_articles(folder), raw_file, folder)
    return ParsedAhead(raw.sha256, publication, home, parsed, rendered)


def import_issue(raw_path: Path, content_dir: Path, options: ImportOptions = ImportOptions(),
                 project_root: Path | None = None, ahead: ParsedAhead | None = None) -> ImportResult:
    """Import one raw issue into `content_dir`; raise GazetteError (nothing written) on errors.

    A dry run writes nothing and raises only where the text cannot be read as an issue; what the
    real import would refuse (hand edits, another raw file) comes back in the result's problems,
    with the outline, so that it can be shown as the real run would show it. `ahead`: the file
    parsed (and its folder rendered) already, by `parse_ahead`, each used when what it was made
    from is unchanged."""
    raw = read_raw(raw_path)
    given, origins, sidecar, problems = given_values(raw_path, options)
    shown = shown_path(raw_path)
    raw_file = RawFile.of(raw_path, project_root, raw.sha256)
    publication, home = given.get("publication"), given.get("home_region")
    parsed = ahead.parsed if ahead is not None and (ahead.sha256, ahead.publication, ahead.home_region) \
        == (raw.sha256, publication, home) else parse_text(raw.text, publication, home)
    facts, articles, left_out, repeats = parsed.facts, parsed.articles, parsed.left_out, parsed.repeats
    publications = existing_publications(content_dir)
    meta, more = resolve_issue(facts, given, shown, folders_by_name(publications), origins)
    problems += more + left_out_problems(shown, left_out, articles, repeats)
    if meta is not None:
        problems += slug_problems(meta, shown, publications)
    if not articles and not any(p.is_error for p in problems):
        problems.append(error(shown, None, "no-articles", _("no article text found in the raw file")))
    if meta is None or any(p.is_error for p in problems):
        raise GazetteError(problems)
    folder = content_dir / meta.slug / meta.folder
    if (unsafe := unsafe_folder(content_dir, folder)) is not None:  # not even read: it is not ours
        raise GazetteError(problems + [unsafe])
    if not options.dry_run:
        clear_leftovers(folder)
    previous = previous_articles(folder)
    made_from = (meta, previous, str(raw_file), folder)
    rendered = ahead.rendered if ahead is not None and ahead.parsed is parsed and ahead.rendered is not None \
        and ahead.rendered.made_from == made_from else render_folder(meta, parsed, previous, str(raw_file), folder)
    guard = guard_issue(folder, raw_file, shown, options.force, project_root)
    refusals = list(guard.problems) + publication_problems(
        meta, origins.get("publication") or _("the masthead, line {line}").format(line=facts.name[1]), given, sidecar, publications)
    refusals += manifest_problems(folder)  # even under --force: nothing it names is removed
    problems += refusals
    if any(p.is_error for p in refusals) and not options.dry_run:
        raise GazetteError(problems)
    done = Written() if options.dry_run else write_issue(content_dir, meta, rendered.files, rendered.manifest,
                                                         guard.backup)
    return ImportResult(meta=meta, articles=tuple(articles), slugs=rendered.slugs, outline=rendered.outline,
                        folder=folder, raw_file=raw_file, written=tuple(str(p) for p in done.written),
                        removed=tuple(str(p) for p in done.removed),
                        backup=str(done.backup) if done.backup else None, problems=tuple(problems))
