"""Issue folders on disk: render, detect hand edits, back up, write.

Each import records what it wrote in a hidden manifest (`.import.yaml`: file
name → sha256) inside the issue folder. Re-importing compares the files on
disk with it: unchanged files are replaced (so a re-import of the same raw
text is byte-identical), while a file someone edited or added makes the
import refuse, naming it, unless `force`, which first moves the old folder to
`content/.backup/<publication>/<issue>.<n>/`. The loader skips dot-folders,
so neither the manifest nor backups reach the site.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from ..content.frontmatter import FrontMatterError, render, split
from ..content.load import ARTICLE_FILE
from ..content.schema import ISSUE_FIELDS
from ..content.yamlio import YamlSyntaxError, dump_yaml, load_yaml
from ..problems import GazetteError, error
from .articles import ImportedArticle
from .issue import IssueMeta

MANIFEST = ".import.yaml"
BACKUPS = ".backup"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def issue_yaml(meta: IssueMeta, source: str) -> str:
    values = {"publication": meta.publication, "date": meta.date, "number": meta.number,
              "label": meta.label, "pages": meta.pages, "source": source, "date_source": meta.date_source}
    return dump_yaml({k: values[k] for k in ISSUE_FIELDS}, block=True)


def publication_yaml(meta: IssueMeta) -> str:
    values = {"name": meta.publication, "slug": meta.slug, "home_region": meta.home_region,
              "description": meta.description, "frequency": meta.frequency}
    return dump_yaml({k: v for k, v in values.items() if v}, block=True)


def article_name(article: ImportedArticle, slug: str) -> str:
    return f"{article.order:03d}-{slug}.md"


def article_file(article: ImportedArticle, slug: str, meta: IssueMeta) -> tuple[str, str]:
    fields = {
        "title": article.title, "subtitle": article.subtitle, "publication": meta.publication,
        "date": meta.date, "issue": meta.folder, "order": article.order, "page": article.page,
        "column": article.column, "kind": article.kind, "authors": list(article.authors),
        "photographers": list(article.photographers), "dateline": article.dateline,
        "source": article.source, "editor": article.editor, "regions": list(article.regions),
        "places": list(article.places), "continued": article.continued,
    }
    return article_name(article, slug), render(fields, article.body)


def render_issue(meta: IssueMeta, articles: list[ImportedArticle], slugs: list[str],
                 source: str) -> dict[str, str]:
    """{file name: text} for one issue folder, in writing order."""
    files = {"issue.yaml": issue_yaml(meta, source)}
    files.update(article_file(a, s, meta) for a, s in zip(articles, slugs))
    return files


def _manifest_part(folder: Path, key: str) -> dict[str, str]:
    path = folder / MANIFEST
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return {}
    part = data.get(key) if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in part.items()} if isinstance(part, dict) else {}


def read_manifest(folder: Path) -> dict[str, str]:
    """File name → sha256 of what the last import wrote."""
    return _manifest_part(folder, "files")


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
        match = ARTICLE_FILE.match(name)
        title = titles.get(name) or (_front_title(folder / name) if match else None)
        if match and title:
            out.append((int(match[1]), title, match[2]))
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
    base = content_dir / BACKUPS / folder.parent.name
    base.mkdir(parents=True, exist_ok=True)
    n = 1
    while (base / f"{folder.name}.{n}").exists():
        n += 1
    target = base / f"{folder.name}.{n}"
    shutil.move(str(folder), str(target))
    return target


def _write_text(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def write_issue(content_dir: Path, meta: IssueMeta, files: dict[str, str], force: bool,
                titles: dict[str, str] | None = None) -> tuple[list[str], Path | None]:
    """Write the issue folder (and publication.yaml if absent); return (written paths, backup).

    `titles` (file name → title) goes into the manifest so a later import can keep slugs."""
    titles = titles or {}
    pub_dir = content_dir / meta.slug
    folder = pub_dir / meta.folder
    edited = edited_files(folder)
    backup = None
    if edited and not force:
        shown = folder.relative_to(content_dir.parent) if content_dir.is_absolute() else folder
        raise GazetteError([error(shown / name, None, "edited",
                                  f"{how} by hand since the last import; re-import with --force "
                                  "to replace the issue (the old folder is kept under content/.backup/)")
                            for name, how in edited])
    if edited:
        backup = backup_folder(folder, content_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    pub_file = pub_dir / "publication.yaml"
    if not pub_file.exists():
        _write_text(pub_file, publication_yaml(meta))
        written.append(pub_file)
    for name in read_manifest(folder):
        if name not in files and (folder / name).is_file():
            (folder / name).unlink()
    for name, text in files.items():
        _write_text(folder / name, text)
        written.append(folder / name)
    manifest = {"files": {name: sha256(text) for name, text in sorted(files.items())},
                "titles": dict(sorted(titles.items()))}
    _write_text(folder / MANIFEST, "# written by `gazette import`: what it wrote, to detect hand edits\n"
                + dump_yaml(manifest, block=True))
    return [str(p) for p in written], backup
