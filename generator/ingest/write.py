"""Issue folders on disk: render, guard, back up, write.

Each import records what it wrote in a hidden manifest (`.import.yaml`: file
name → sha256) inside the issue folder, and `issue.yaml` records the raw file
it came from (`source:`). Before anything is written, `guard.guard_issue`
compares the folder with them: a file someone edited, added or deleted since, or an
issue that was imported from another raw file, makes the import refuse,
naming it, unless `force`, which first copies the old folder to
`content/.backup/<publication>/<issue>.<n>/`. Re-importing from the same raw
file (an OCR correction) is the normal way to update an issue.

An issue folder is written whole or not at all (`write_issue`): the new
folder is made beside it and swapped in, files whose bytes do not change
being hard links to the old ones, so they keep their modification times and
an identical re-import changes nothing on disk (nothing for `gazette serve`
to rebuild). Only files the import writes are ever written or removed: the
folder must be content/<slug>/<issue>/ itself (`unsafe_folder`), and a
manifest entry that is not issue.yaml or NNN-slug.md is an error
(`manifest_problems`), never a path. The loader skips dot-folders, so neither
the manifest, backups nor a folder a killed import left reach the site.
"""
from __future__ import annotations

import functools
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .. import layout
from ..content.line_ranges import format_ranges
from ..content.frontmatter import FrontMatterError, render, split
from ..content.schema import ISSUE_FIELDS
from ..content.yamlio import LineDict, YamlSyntaxError, dump_yaml, load_yaml
from ..problems import Problem, error
from ..i18n import _
from ..writer import locked_folder, remove_leftovers, replace_file, staged_folder
from .articles import ImportedArticle
from .issue import IssueMeta

MANIFEST = layout.IMPORT_RECORD
BACKUPS = ".backup"


def shown_path(path: Path | str) -> str:
    """A path as messages show it: relative to the current directory when inside it, else
    absolute, so that it names the real file wherever the content folder is."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix() or "."
    except (ValueError, OSError):  # elsewhere, or the current directory is gone
        return str(absolute)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def issue_yaml(meta: IssueMeta, raw_file: str) -> str:
    values = {"publication": meta.publication, "date": meta.date, "number": meta.number,
              "label": meta.label, "pages": meta.pages, "source": raw_file, "date_source": meta.date_source}
    return dump_yaml({k: values[k] for k in ISSUE_FIELDS}, block=True)


def publication_yaml(meta: IssueMeta) -> str:
    values = {"name": meta.publication, "slug": meta.slug, "home_region": meta.home_region,
              "description": meta.description, "frequency": meta.frequency}
    return dump_yaml({k: v for k, v in values.items() if v}, block=True)


def article_name(article: ImportedArticle, slug: str) -> str:
    return layout.article_file(article.order, slug)


def article_file(article: ImportedArticle, slug: str, meta: IssueMeta) -> tuple[str, str]:
    fields = {
        "title": article.title, "title_source": "inferred" if article.title_inferred else None,
        "subtitle": article.subtitle, "publication": meta.publication,
        "date": meta.date, "issue": meta.folder, "order": article.order, "page": article.page,
        "column": article.column, "kind": article.kind, "authors": list(article.authors),
        "photographers": list(article.photographers), "dateline": article.dateline,
        "source": article.source, "editor": article.editor, "regions": list(article.regions),
        "places": list(article.places), "continued": article.continued, "lines": format_ranges(article.lines),
    }
    return article_name(article, slug), render(fields, article.body)


def render_issue(meta: IssueMeta, articles: list[ImportedArticle], slugs: list[str],
                 raw_file: str) -> dict[str, str]:
    """{file name: text} for one issue folder, in writing order; `raw_file` as issue.yaml records it."""
    files = {layout.ISSUE_FILE: issue_yaml(meta, raw_file)}
    files.update(article_file(a, s, meta) for a, s in zip(articles, slugs))
    return files


def load_yaml_file(path: Path | None) -> object:
    """A YAML file as the content loader reads it (mappings remember their lines), or None
    when it is missing or unreadable: for files the import only consults (callers only read
    what it returns: the same text gives the same object)."""
    try:
        return _parsed(path.read_text(encoding="utf-8-sig")) if path is not None else None
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return None


@functools.lru_cache(maxsize=64)
def _parsed(text: str) -> object:
    """Parsed once per text: an import reads its issue's manifest four times, and every
    publication.yaml of content/ again for each issue of a run (the loader keeping lines is
    pure Python)."""
    return load_yaml(text)


def is_import_file(name: str) -> bool:
    """Is `name` a file an import writes into an issue folder (and so may replace or remove)?"""
    return name == layout.ISSUE_FILE or layout.read_article_file(name) is not None


def _manifest_part(folder: Path, key: str) -> dict[str, str]:
    data = load_yaml_file(folder / MANIFEST)
    part = data.get(key) if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in part.items()} if isinstance(part, dict) else {}


def read_manifest(folder: Path) -> dict[str, str]:
    """File name → sha256 of what the last import wrote (only names it can have written:
    `manifest_problems` reports the others)."""
    return {name: digest for name, digest in _manifest_part(folder, "files").items() if is_import_file(name)}


def manifest_problems(folder: Path) -> list[Problem]:
    """The manifest's entries that are no file an import writes (`../x`, `/abs`, `sub/x.md`,
    .import.yaml), each an error at its line: the manifest says which files a re-import removes,
    so an entry that names anything else is refused, never followed."""
    data = load_yaml_file(folder / MANIFEST)
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, LineDict):
        return []
    return [error(shown_path(folder / MANIFEST), files.line_of(name), "manifest",
                  _("files: {name!r} is not a file the import writes (issue.yaml or NNN-slug.md in this folder); "
                    "nothing was removed. Delete this line, or the whole .import.yaml and re-import with --force")
                  .format(name=str(name))) for name in files if not is_import_file(str(name))]


def unsafe_folder(content_dir: Path, folder: Path) -> Problem | None:
    """Why the import may not write the issue folder content/<slug>/<issue>/, or None.

    It, its publication folder and content/.backup/ must each be a folder of content/ itself or
    absent: not a link (or under one) to elsewhere, since the import writes, removes and backs up
    files there, and not a file, which swapping the new folder in would replace."""
    root = content_dir.resolve()
    for path in (content_dir / BACKUPS, folder.parent, folder):
        real = path.resolve()
        if real != root / path.relative_to(content_dir):
            where = _("elsewhere in content/") if root in real.parents else _("out of content/")
            return error(shown_path(path), None, "outside",
                         _("leads {where} (to {real}): the import writes only into folders of content/ itself, "
                           "never through a link; replace the link with a folder").format(where=where, real=real))
        if path.exists() and not path.is_dir():
            return error(shown_path(path), None, "not-a-folder",
                         _("is a file where the import writes a folder: move or rename it"))
    return None


def _front_title(path: Path) -> str | None:
    """The title in an article file's front matter (manifests written before titles were recorded)."""
    try:
        data = load_yaml(split(path.read_text(encoding="utf-8")).front)
    except (OSError, UnicodeDecodeError, YamlSyntaxError, FrontMatterError):
        return None
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) else None


def previous_articles(folder: Path) -> list[tuple[int, str, str]]:
    """(order, title, slug) of each article the last import wrote into `folder`, from its manifest."""
    titles = _manifest_part(folder, "titles")
    out = []
    for name in sorted(read_manifest(folder)):
        match = layout.read_article_file(name)
        title = titles.get(name) or (_front_title(folder / name) if match else None)
        if match and title:
            out.append((match.order, title, match.slug))
    return out


def edited_files(folder: Path) -> list[tuple[str, str]]:
    """(file, what happened) for files the last import wrote otherwise: edited, added or deleted."""
    if not folder.is_dir():
        return []
    recorded = read_manifest(folder)
    edited = [(name, "deleted") for name in sorted(recorded) if not (folder / name).is_file()]
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            current = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            current = None
        if recorded.get(path.name) != current:
            edited.append((path.name, "edited" if path.name in recorded else "added"))
    return sorted(edited)


def backup_folder(folder: Path, content_dir: Path) -> Path:
    """Copy the issue folder to content/.backup/<publication>/<issue>.<n>/: a copy, since the new
    folder keeps the old one's unchanged files by hard links; links in it are copied as links."""
    base = content_dir / BACKUPS / folder.parent.name
    base.mkdir(parents=True, exist_ok=True)
    n = 1
    while (base / f"{folder.name}.{n}").exists():
        n += 1
    target = base / f"{folder.name}.{n}"
    shutil.copytree(folder, target, symlinks=True)
    return target


def _write_text(path: Path, text: str) -> bool:
    """Write `text` unless the file holds it already; True when the file changed."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    replace_file(path, data)
    return True


def _write_new(path: Path, text: str) -> None:
    """A file of a staged folder, which nothing else writes into and which is swapped in whole:
    written in place (no temporary file to rename), with the mode `_write_text` gives (0600, mkstemp's)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))


@dataclass(frozen=True)
class Written:
    """What writing an issue changed on disk."""

    written: tuple[Path, ...] = ()  # files created or rewritten (their bytes changed)
    removed: tuple[Path, ...] = ()  # files of an earlier import the new one no longer has
    backup: Path | None = None


def manifest_text(files: dict[str, str], titles: dict[str, str], decisions: dict | None = None) -> str:
    """The manifest: each file's digest (hand edits), titles (slugs kept), and the import's
    `decisions` (each article's confidence, the furniture it removed), so that no line of the raw
    text is unaccounted for."""
    manifest = {"files": {name: sha256(text) for name, text in sorted(files.items())},
                "titles": dict(sorted(titles.items())), **(decisions or {})}
    return "# written by `gazette import`: what it wrote, to detect hand edits\n" + dump_yaml(manifest, block=True)


def import_decisions(articles: list[ImportedArticle], slugs: list[str], furniture) -> dict:
    """What `.import.yaml` records beside the files: each article's confidence with its doubts,
    and every line of furniture the import removed (line, kind, text as printed)."""
    return {"confidence": {article_name(a, s): {"level": a.confidence.level, "doubts": list(a.confidence.doubts)}
                           for a, s in zip(articles, slugs)},
            "furniture": [{"line": f.line, "kind": f.kind, "text": f.text} for f in furniture]}


@dataclass(frozen=True)
class _Plan:
    """How the new issue folder differs from the old one (names in the folder)."""

    write: tuple[str, ...]  # files whose bytes change (the manifest among them)
    carry: tuple[str, ...]  # entries the import keeps as they are: its unchanged files, and what is not its own
    remove: tuple[str, ...]  # files of the last import it no longer produces


def _holds(path: Path, data: bytes) -> bool:
    return not path.is_symlink() and path.is_file() and path.read_bytes() == data


def _plan(folder: Path, files: dict[str, str], forced: bool) -> _Plan:
    """Forced, every file of the folder that the import does not write goes (it is backed up);
    else only those the last import wrote. Dot files and sub-folders are never the import's."""
    old = {path.name: path for path in folder.iterdir()} if folder.is_dir() else {}
    stale = set(read_manifest(folder))
    if forced:
        stale |= {name for name, path in old.items() if path.is_file() and not name.startswith(".")}
    remove = tuple(sorted(name for name in stale - set(files)
                          if name in old and (old[name].is_symlink() or not old[name].is_dir())))
    write = tuple(name for name, text in files.items() if not _holds(folder / name, text.encode("utf-8")))
    carry = tuple(sorted(name for name in old if name not in write and name not in remove))
    return _Plan(write, carry, remove)


def _link_or_copy(existing: str | Path, target: str | Path) -> None:
    """`target` as the same file as `existing` (its bytes and modification time), a symlink staying one."""
    try:
        os.link(existing, target, follow_symlinks=False)
    except OSError:  # a file system without hard links
        shutil.copy2(existing, target, follow_symlinks=False)


def _carry(existing: Path, target: Path) -> None:
    if existing.is_dir() and not existing.is_symlink():
        shutil.copytree(existing, target, symlinks=True, copy_function=_link_or_copy)
    else:
        _link_or_copy(existing, target)


def _stage_issue(tree: Path, folder: Path, files: dict[str, str], plan: _Plan) -> None:
    """The new issue folder at `tree`: the old folder's entries it keeps, then the files that change."""
    tree.mkdir()
    if folder.is_dir():
        shutil.copymode(folder, tree)
    for name in plan.carry:
        _carry(folder / name, tree / name)
    for name in plan.write:
        _write_new(tree / name, files[name])


def _replace_folder(output: Path, fill) -> None:
    """Make `output` the folder `fill(tree)` makes, in one step, by the site writer's staging and
    swap (generator/writer.py): staged in `.<name>.new-…/` beside it, which the loader skips and
    the next import removes if this one is killed (never a running import's)."""
    with staged_folder(output) as tree:
        fill(tree)


def write_issue(content_dir: Path, meta: IssueMeta, files: dict[str, str], manifest: str,
                backup: bool = False) -> Written:
    """Write the issue folder (and publication.yaml if absent): the folder is either the old one
    or the new one, whenever the import is killed.

    The new folder is staged beside the old (`.<issue>.new-…/<issue>/`): the files that change
    are written there, the others hard-linked (so they keep their modification times), the
    manifest with them, then it is swapped in whole (`_replace_folder`). A new publication is
    staged as a whole publication folder. A killed import leaves only dot-folders, which the
    loader skips and the next import clears (`clear_leftovers`). Nothing changes → nothing is
    touched. (Writing in place with the manifest last would leave a half issue for a build to
    publish until the next import: a swap leaves none.)

    Call `guard_issue` first: `backup` (its verdict under --force) copies the folder to
    content/.backup/ and then replaces whatever is in it. `manifest` is `manifest_text` of
    `files`."""
    pub_dir = content_dir / meta.slug
    folder = pub_dir / meta.folder
    if not all(is_import_file(name) for name in files):
        raise ValueError(f"not an issue file name: {sorted(n for n in files if not is_import_file(n))}")
    files = {**files, MANIFEST: manifest}
    plan = _plan(folder, files, forced=backup)
    pub_file = pub_dir / layout.PUBLICATION_FILE
    if not plan.write and not plan.remove and pub_file.is_file():
        return Written()
    kept = backup_folder(folder, content_dir) if backup and folder.is_dir() else None
    written = [folder / name for name in plan.write if name != MANIFEST]
    if pub_dir.is_dir():
        if not pub_file.exists() and _write_text(pub_file, publication_yaml(meta)):
            written.insert(0, pub_file)
        _replace_folder(folder, lambda tree: _stage_issue(tree, folder, files, plan))
    else:  # a new publication: its folder appears whole, with its first issue
        content_dir.mkdir(parents=True, exist_ok=True)
        _replace_folder(pub_dir, lambda tree: _stage_publication(tree, meta, folder, files, plan))
        written.insert(0, pub_file)
    return Written(tuple(written), tuple(folder / name for name in plan.remove), kept)


def clear_leftovers(folder: Path) -> None:
    """Remove what imports killed while writing `folder`, or its publication's new folder, left
    beside them; an old folder that the two-rename fallback swap had set aside is put back. Call
    before reading the folder (the guard), as the next import does."""
    for output in (folder.parent, folder):
        if output.parent.is_dir():
            with locked_folder(output.parent):
                remove_leftovers(output)


def _stage_publication(tree: Path, meta: IssueMeta, folder: Path, files: dict[str, str], plan: _Plan) -> None:
    tree.mkdir()
    _write_new(tree / layout.PUBLICATION_FILE, publication_yaml(meta))
    _stage_issue(tree / folder.name, folder, files, plan)
