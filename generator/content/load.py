"""Walk `content/` into the model, collecting every problem on the way.

Nothing is rendered here: the whole archive is read and cross-checked first
(MkDocs and Pelican both had bugs from rendering before every file was read).
"""
from __future__ import annotations

import copy
from functools import partial
from pathlib import Path

from .. import layout
from ..gazetteer import Gazetteer, load_gazetteer
from ..i18n import _
from ..model import Article, FileLine, Issue, Publication
from ..text.names import same_name
from ..problems import Problem, error, warning
from ..urls import RESERVED_SLUGS
from ..workers import map_forked
from . import files, frontmatter
from .import_record import ImportedAs, as_imported, read_import_record
from .schema import ARTICLE_FIELDS, ISSUE_FIELDS, PUBLICATION_FIELDS, SLUG, check
from .yamlio import YamlSyntaxError, brief, load_yaml



_LISTED = {"f": "file", "d": "dir"}  # a snapshot's kinds (buildcache.Stat) as files.kind names them


class _Reader:
    """Reads files relative to a root, turning I/O and YAML trouble into problems."""

    def __init__(self, root: Path, gazetteer: Gazetteer, content_dir: Path, memo=None):
        self.root = root
        self.gazetteer = gazetteer
        self.content_dir = content_dir  # nothing outside it is ever opened
        self.problems: list[Problem] = []
        self.memo = memo  # buildcache.ArticleMemo: what reading an unchanged article file gave last time

    def show(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def kind(self, path: Path) -> str | None:
        """files.kind of `path`; None, with the reason reported, for a link out of content/ or an error.
        A file or folder the memo's snapshot lists (taken walking real folders down from content/,
        links not followed) is what it lists, without asking the disk again."""
        seen = self.memo.content.get(str(path)) if self.memo else None
        if seen is not None and seen[0] in _LISTED:
            return _LISTED[seen[0]]
        try:
            return files.kind(path, self.content_dir)
        except files.UnsafeFile as exc:
            self.problems.append(error(self.show(path), None, "unsafe-file", exc.message))
        except OSError as exc:
            self.unreadable(path, exc)
        return None

    def unreadable(self, path: Path, exc: OSError) -> None:
        self.problems.append(error(self.show(path), None, "unreadable", _("cannot read: {why}").format(why=exc.strerror)))

    def folders(self, parent: Path) -> list[Path]:
        """Publication or issue folders by name; hidden and `_drafts`-like ones are not content."""
        return [p for p in sorted(parent.iterdir())
                if not files.is_dropping(p.name) and not p.name.startswith("_") and self.kind(p) == "dir"]

    def is_file(self, path: Path, missing: str) -> bool:
        """True for a regular file (or a link to one inside content/); anything else is
        reported: `missing` if there is nothing, else why it is not read (a link out, a FIFO…)."""
        found = self.kind(path)
        if found == "missing":
            self.problems.append(error(self.show(path), None, "missing-file", missing))
        elif found not in ("file", None):
            self.problems.append(error(self.show(path), None, "unsafe-file", _("not a regular file: not read")))
        return found == "file"

    def text(self, path: Path) -> str | None:
        try:
            data = files.read_bytes(path, self.content_dir)
        except files.UnsafeFile as exc:
            self.problems.append(error(self.show(path), None, "unsafe-file", exc.message))
            return None
        except OSError as exc:
            self.unreadable(path, exc)
            return None
        try:
            return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.problems.append(error(self.show(path), line, "encoding", _("not UTF-8 text")))
            return None

    def yaml(self, path: Path, text: str, line_offset: int = 0):
        """The parsed YAML; None for a syntax error (reported) or an empty document (not reported)."""
        try:
            return load_yaml(text, line_offset)
        except YamlSyntaxError as exc:
            self.problems.append(error(self.show(path), exc.line, "yaml", exc.message))
            return None

    def yaml_file(self, path: Path, what: str):
        """A whole YAML file's data, or None with its problem reported (unreadable, bad, empty)."""
        text = self.text(path)
        if text is None:
            return None
        before = len(self.problems)
        data = self.yaml(path, text)
        if data is None and len(self.problems) == before:
            self.problems.append(error(self.show(path), 1, "empty", _("{file} is empty").format(file=what)))
        return data

    def fields(self, path: Path, data, spec, line: int = 1) -> dict:
        values, problems = check(data, spec, self.show(path), default_line=line)
        self.problems.extend(problems)
        return values

    def is_cold(self) -> bool:
        """Whether every article will be read (no memo of an earlier build to recall them from)."""
        return self.memo is None or not self.memo.previous

    def apart(self) -> "_Reader":
        """A reader for one part of the tree (read in a worker, perhaps) with problems and memo entries
        of its own, for `absorb` to take back in order."""
        part = copy.copy(self)
        part.problems = []
        part.memo = self.memo.apart() if self.memo else None
        return part

    def absorb(self, problems: list[Problem], remembered: dict) -> None:
        self.problems.extend(problems)
        if self.memo:
            self.memo.absorb(remembered)


def load_content(content_dir: Path, root: Path | None = None, gazetteer: Gazetteer | None = None, memo=None,
                 jobs: int = 1):
    """Return (publications, issues, articles, problems) for a content tree.

    Paths in problems are shown relative to `root` (the project folder). `memo`
    (a `buildcache.ArticleMemo`) saves re-reading article files unchanged since the last build.
    The issue folders are read by `jobs` processes (`workers.map_forked`) when there is no memo
    to recall them from (with one, an edit re-reads a few files: not worth a fork); problems come
    in the order of a serial walk, each publication's before its issues'.
    """
    reader = _Reader(root or content_dir.parent, gazetteer or load_gazetteer(), content_dir, memo)
    publications, issues = [], []
    if not content_dir.is_dir():
        reader.problems.append(error(reader.show(content_dir), None, "no-content", _("content folder not found")))
        return (), (), (), reader.problems
    walk = []  # (publication or None, the problems of reading it and listing its folder, its issue folders)
    for folder in reader.folders(content_dir):
        part = reader.apart()
        pub = _load_publication(part, folder)
        walk.append((pub, part.problems, part.folders(folder) if pub else []))
    folders = [(pub, folder) for pub, _problems, listed in walk for folder in listed]
    read = iter(map_forked(partial(_load_issue_apart, reader), folders, jobs if reader.is_cold() else 1))  # in order
    for pub, problems, listed in walk:
        reader.problems.extend(problems)
        if pub is not None:
            publications.append(pub)
        for issue, problems, remembered in (next(read) for _folder in listed):
            reader.absorb(problems, remembered)
            if issue is not None:
                issues.append(issue)
    _check_unique_names(reader, publications)
    issues.sort(key=lambda i: (i.date, i.publication_slug, i.folder))
    articles = tuple(a for i in issues for a in i.articles)
    return tuple(publications), tuple(issues), articles, reader.problems


def _load_publication(reader: _Reader, folder: Path) -> Publication | None:
    path = folder / layout.PUBLICATION_FILE
    if not SLUG.match(folder.name):
        reader.problems.append(error(reader.show(folder), None, "bad-slug",
                                     _("publication folder must be lowercase ASCII with hyphens")))
        return None
    if folder.name in RESERVED_SLUGS:
        reader.problems.append(error(reader.show(folder), None, "reserved-slug",
                                     _("a publication folder cannot be named {name}: the site's {name}/ pages "
                                       "live there; rename the folder (its URL)").format(name=folder.name)))
        return None
    if not reader.is_file(path, _("publication.yaml is missing")):
        return None
    data = reader.yaml_file(path, layout.PUBLICATION_FILE)
    if data is None:
        return None
    values = reader.fields(path, data, PUBLICATION_FIELDS)
    if "name" not in values:
        return None
    if values.get("slug", folder.name) != folder.name:
        reader.problems.append(warning(reader.show(path), data.line_of("slug"), "slug-mismatch",
                                       _("slug {slug} differs from the folder name {folder}").format(
                                           slug=brief(values['slug']), folder=folder.name)))
    return Publication(
        slug=folder.name, name=values["name"], home_region=values.get("home_region"),
        description=values.get("description", ""), frequency=values.get("frequency"),
        loaded_from=FileLine(reader.show(path), data.line_of("name")),
    )


def _load_issue_apart(reader: _Reader, where: tuple[Publication, Path]):
    """`_load_issue` by a reader `apart`: the issue, its problems and what the memo learnt of its files."""
    pub, folder = where
    part = reader.apart()
    issue = _load_issue(part, pub, folder)
    return issue, part.problems, part.memo.current if part.memo else {}


def _load_issue(reader: _Reader, pub: Publication, folder: Path) -> Issue | None:
    named = layout.read_issue_folder(folder.name)
    if not named:
        reader.problems.append(warning(reader.show(folder), None, "not-an-issue",
                                       _("skipped: issue folders are named YYYY-MM-DD[-edition]")))
        return None
    path = folder / layout.ISSUE_FILE
    values = _remembered_issue_fields(reader, pub, folder, path, named.date)
    if values is None:
        return None
    date = values["date"]
    articles = _load_articles(reader, pub, folder, date, _import_record(reader, folder))
    return Issue(
        publication=pub.name, publication_slug=pub.slug, folder=folder.name, date=date,
        number=values.get("number"), label=values.get("label"), pages=values.get("pages"),
        raw_file=values.get("source"), date_source=values.get("date_source"),
        articles=articles, loaded_from=FileLine(reader.show(path)),
    )


def _remembered_issue_fields(reader: _Reader, pub: Publication, folder: Path, path: Path, named: str) -> dict | None:
    """`_issue_fields`, or what it gave last time for the same file of the same folder and publication
    (an edit's build parses no issue.yaml of the archive again: bench/build.md)."""
    if reader.memo is None:
        return _issue_fields(reader, pub, folder, path, named)
    against = ("issue", pub, folder.name)
    recalled = reader.memo.recall(str(path), against, _are_issue_fields)
    if recalled is not None:
        problems, values = recalled
        reader.problems.extend(problems)
        return values
    before = len(reader.problems)
    values = _issue_fields(reader, pub, folder, path, named)
    reader.memo.remember(str(path), against, reader.problems[before:], values)
    return values


def _are_issue_fields(values) -> bool:
    return values is None or (type(values) is dict and "date" in values and all(type(k) is str for k in values))


def _issue_fields(reader: _Reader, pub: Publication, folder: Path, path: Path, named: str) -> dict | None:
    """The checked values of an issue folder's issue.yaml (its problems reported), or None if the
    issue cannot be loaded (no file, no date)."""
    if not reader.is_file(path, _("issue.yaml is missing")):
        return None
    data = reader.yaml_file(path, layout.ISSUE_FILE)
    if data is None:
        return None
    values = reader.fields(path, data, ISSUE_FIELDS)
    date = values.get("date")
    if date is None:
        return None
    if date.isoformat() != named:
        reader.problems.append(error(reader.show(path), data.line_of("date"), "date-mismatch",
                                     _("date {date} does not match the folder name {folder}").format(
                                         date=date, folder=folder.name)))
    _check_publication(reader, reader.show(path), data, values, pub)
    return values


def _import_record(reader: _Reader, folder: Path) -> dict:
    """`read_import_record`, without asking the disk when the memo's snapshot lists no record there."""
    if reader.memo is not None and str(folder / layout.IMPORT_RECORD) not in reader.memo.content:
        return {}
    return read_import_record(folder, reader.content_dir)


def _load_articles(reader: _Reader, pub: Publication, folder: Path, date,
                   record: dict[str, ImportedAs]) -> tuple[Article, ...]:
    articles: dict[int, Article] = {}
    for path in _markdown_files(reader, folder):
        loaded = _remembered_article(reader, pub, folder, date, path, record)
        if loaded is None:
            continue
        article, order_line = loaded
        if article.order in articles:
            other = articles[article.order].loaded_from.path
            reader.problems.append(error(reader.show(path), order_line, "duplicate-order",
                                         _("order {order} is also used by {other}").format(order=article.order,
                                                                                          other=other)))
            continue
        articles[article.order] = article
    return tuple(articles[k] for k in sorted(articles))


def _markdown_files(reader: _Reader, folder: Path) -> list[Path]:
    """The Markdown files of an issue folder (.md, .markdown, .mdown in any case, as Hugo reads them);
    a named pipe, device or link out of content/ among them is reported, never opened."""
    names = [p for p in sorted(folder.iterdir()) if files.MARKDOWN.search(p.name) and not files.is_dropping(p.name)]
    return [p for p in names if _listed_regular(reader, p) or reader.is_file(p, _("a symbolic link to nothing: not read"))]


def _listed_regular(reader: _Reader, path: Path) -> bool:
    """Listed as a regular file, not a link, by the memo's snapshot (taken walking real folders
    down from content/): what `is_file` would find, without asking the disk again."""
    seen = reader.memo.content.get(str(path)) if reader.memo else None
    return seen is not None and seen[0] == "f"


def _remembered_article(reader: _Reader, pub, folder: Path, date, path: Path,
                        record: dict[str, ImportedAs]) -> tuple[Article, int | None] | None:
    """`_load_article`, or what it gave last time for the same file read against the same issue
    and the same import record of it."""
    if reader.memo is None:
        return _load_article(reader, pub, folder, date, path, record)
    against = (pub, folder.name, date, record.get(path.name))
    recalled = reader.memo.recall(str(path), against)
    if recalled is not None:
        problems, loaded = recalled
        reader.problems.extend(problems)
        return loaded
    before = len(reader.problems)
    loaded = _load_article(reader, pub, folder, date, path, record)
    reader.memo.remember(str(path), against, reader.problems[before:], loaded)
    return loaded


def _load_article(reader, pub, folder: Path, date, path: Path,
                  record: dict[str, ImportedAs]) -> tuple[Article, int | None] | None:
    """The article and the line of its `order` (for clashes), or None if it cannot be loaded."""
    shown = reader.show(path)
    name = layout.read_article_file(path.name)
    if not name:
        reader.problems.append(error(shown, None, "bad-filename",
                                     _("article files are named NNN-slug.md (e.g. 001-ba-zhou.md)")))
        return None
    text = reader.text(path)
    if text is None:
        return None
    try:
        raw = frontmatter.split(text)
    except frontmatter.FrontMatterError as exc:
        reader.problems.append(error(shown, exc.line, "front-matter", exc.message))
        return None
    data = reader.yaml(path, raw.front, raw.front_first_line - 1)
    if data is None:
        if not reader.problems or reader.problems[-1].path != shown:
            reader.problems.append(error(shown, 1, "front-matter", _("front matter is empty")))
        return None
    values = reader.fields(path, data, ARTICLE_FIELDS, line=raw.front_first_line)
    if any(k not in values for k, f in ARTICLE_FIELDS.items() if f.required):
        return None
    line = data.line_of
    _check_publication(reader, shown, data, values, pub)
    if values["date"] != date:
        reader.problems.append(error(shown, line("date"), "date-mismatch",
                                     _("date {date} differs from the issue's date {issue_date}").format(
                                         date=values['date'], issue_date=date)))
    if values["issue"] != folder.name:
        reader.problems.append(error(shown, line("issue"), "issue-mismatch",
                                     _("issue {issue} differs from the folder name {folder}").format(
                                         issue=brief(values['issue']), folder=folder.name)))
    if values["order"] != name.order:
        reader.problems.append(error(shown, line("order"), "order-mismatch",
                                     _("order {order} differs from the file name's {number}").format(
                                         order=values['order'], number=name.number)))
    if "slug" in values and not SLUG.match(values["slug"]):
        reader.problems.append(error(shown, line("slug"), "bad-slug",
                                     _("slug is not lowercase ASCII: {slug}").format(slug=brief(values['slug']))))
    imported = as_imported(record, path.name, text)
    article = Article(
        title=values["title"], publication=pub.name, publication_slug=pub.slug, date=date,
        issue=folder.name, order=values["order"], slug=name.slug, body=raw.body,
        subtitle=values.get("subtitle"), page=values.get("page"), column=values.get("column"),
        kind=values.get("kind"), authors=values.get("authors", ()),
        photographers=values.get("photographers", ()), dateline=values.get("dateline"),
        source=values.get("source"), editor=values.get("editor"),
        regions=_regions(reader, shown, data), places=_places(reader, shown, data),
        continued=values.get("continued"), lines=values.get("lines", ()),
        loaded_from=FileLine(shown, raw.front_first_line),
        title_source=None if values.get("title_source", "printed") == "printed" else values["title_source"],
        confidence=imported.level if imported else None, doubts=imported.doubts if imported else (),
    )
    return article, line("order")


def _check_publication(reader: _Reader, shown: str, data, values: dict, pub: Publication) -> None:
    """A file's `publication` must name its folder's publication, as its date must match.

    Spellings of one name (Traditional 巴音郭楞日報, full-width letters: `names.same_name`)
    are the same name; anything else is an error at the key.
    """
    name = values.get("publication")
    if name is not None and not same_name(name, pub.name):
        reader.problems.append(error(shown, data.line_of("publication"), "publication-mismatch",
                                     _("publication {name} differs from the folder's publication {folder_name} "
                                       "({path})").format(name=brief(name), folder_name=brief(pub.name),
                                                          path=pub.loaded_from.path)))


def _items(data, key) -> list[tuple[int, str]]:
    """(index in the YAML list, trimmed text) of each non-empty item of a list field."""
    raw = data.get(key)
    raw = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return [(i, str(v).strip()) for i, v in enumerate(raw)
            if isinstance(v, (str, int)) and not isinstance(v, bool) and str(v).strip()]


def _regions(reader: _Reader, shown: str, data) -> tuple[str, ...]:
    """The article's regions by their full names (巴州 → 巴音郭楞蒙古自治州), each once, in order."""
    def unknown(name: str) -> str:
        place = reader.gazetteer.place(name)
        hint = _(" (it is a county-level place of {region}: list {place} under places)").format(
            region=place.region, place=place.name) if place else ""
        return _("region {name} is not in the gazetteer").format(name=brief(name)) + hint
    return _named(reader, shown, data, "regions", reader.gazetteer.find, "unknown-region", unknown)


def _places(reader: _Reader, shown: str, data) -> tuple[str, ...]:
    """The article's county-level places by their full names (库尔勒 → 库尔勒市), each once, in order."""
    def unknown(name: str) -> str:
        region = reader.gazetteer.find(name)
        hint = _(" (it is the region {region}: list it under regions)").format(region=region.name) if region else ""
        return _("place {name} is not a county-level place in the gazetteer").format(name=brief(name)) + hint
    return _named(reader, shown, data, "places", reader.gazetteer.place, "unknown-place", unknown)


def _named(reader: _Reader, shown: str, data, key: str, find, code: str, unknown) -> tuple[str, ...]:
    """The names listed under `key`, each by the full name `find` gives for it, once, in order.
    A name `find` does not know is kept as written and warned about (`unknown(name)`) at its item."""
    names = []
    for index, name in _items(data, key):
        known = find(name)
        if known is None:
            reader.problems.append(warning(shown, data.line_of_item(key, index), code, unknown(name)))
        names.append(known.name if known else name)
    return tuple(dict.fromkeys(names))


def _check_unique_names(reader: _Reader, publications) -> None:
    seen: dict[str, Publication] = {}
    for pub in publications:
        if pub.name in seen:
            reader.problems.append(error(pub.loaded_from.path, pub.loaded_from.line, "duplicate-publication",
                                         _("{name} is also {path}").format(name=brief(pub.name),
                                                                           path=seen[pub.name].loaded_from.path)))
        seen[pub.name] = pub
