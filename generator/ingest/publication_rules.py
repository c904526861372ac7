"""Which publication folder of content/ an issue may go into, and what the import may change there.

A publication's folder holds that publication only, and a publication has one folder: an
issue whose publication another folder's publication.yaml names otherwise is refused, never
mixed in. publication.yaml is written once and then belongs to the archivist: a sidecar that
says otherwise does not change it. The slug an issue is written under is checked wherever it
came from, since it becomes a path.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import layout
from ..content.yamlio import LineDict
from ..text.names import name_key, same_name
from ..problems import Problem, error, warning
from ..i18n import _
from .issue import IssueMeta, slug_problem
from .sidecar import line_in
from .write import load_yaml_file, shown_path

_KEPT_KEYS = ("home_region", "description", "frequency")  # publication.yaml's, that a sidecar also gives


@dataclass(frozen=True)
class ExistingPublication:
    """A publication content/ holds already, as its publication.yaml says."""

    slug: str
    name: str
    file: Path  # its publication.yaml
    data: LineDict  # its values, with their lines

    @property
    def line(self) -> int | None:
        return self.data.line_of("name")


def existing_publications(content_dir: Path) -> list[ExistingPublication]:
    """The publications already in content/, by folder."""
    found = []
    for path in sorted(content_dir.glob(f"*/{layout.PUBLICATION_FILE}")):
        data = load_yaml_file(path)
        if isinstance(data, LineDict) and isinstance(data.get("name"), str):
            found.append(ExistingPublication(path.parent.name, data["name"], path, data))
    return found


def folders_by_name(publications: list[ExistingPublication]) -> dict[str, str]:
    """`names.name_key` of each publication → its folder (the first, where two share a name), so
    that an issue of a publication content/ holds goes into its folder, however it is spelled."""
    return {name_key(p.name): p.slug for p in reversed(publications)}


def slug_problems(meta: IssueMeta, shown: str, publications: list[ExistingPublication]) -> list[Problem]:
    """A slug taken from a folder of content/ or derived from the publication's name is checked as
    a sidecar's is (read_sidecar checks that one at its line): the issue is written under it."""
    why = slug_problem(meta.slug)
    if why is None:
        return []
    here = next((p for p in publications if p.slug == meta.slug), None)
    if here is not None:
        return [error(shown_path(here.file.parent), None, "bad-slug",
                      _("{why}; rename this folder (its name is the slug) to import {publication} into it").format(
                          why=why, publication=meta.publication))]
    return [error(shown, None, "bad-slug", _("{why}; give {publication} a slug of its own (slug: in a sidecar)")
                  .format(why=why, publication=meta.publication))]


def publication_problems(meta: IssueMeta, origin: str, given: dict, sidecar: Path | None,
                         publications: list[ExistingPublication]) -> list[Problem]:
    """An issue of another publication than its folder's is refused (publication.yaml is not
    rewritten either), and so is a sidecar's slug for a publication another folder holds."""
    problems = []
    here = next((p for p in publications if p.slug == meta.slug), None)
    if here is not None and here.name != meta.publication:
        problems.append(error(shown_path(here.file), here.line, "publication",
                              _("{slug}/ holds {name}, but this issue is of {publication} ({origin}): if they are "
                                "one publication, use the name {name}; else give {publication} a slug of its own "
                                "(slug: in the sidecar)").format(slug=meta.slug, name=here.name,
                                                                  publication=meta.publication, origin=origin)))
    if here is not None and here.name == meta.publication and sidecar is not None and sidecar.is_file():
        problems += _kept_values(here, given, sidecar)
    elsewhere = next((p for p in publications if same_name(p.name, meta.publication) and p.slug != meta.slug), None)
    if elsewhere is not None and given.get("slug") and sidecar is not None:
        problems.append(error(shown_path(sidecar), line_in(sidecar, "slug"), "publication",
                              _("slug: {publication} is in {folder}/ already, but the sidecar gives slug {slug}: "
                                "one publication, one folder; use slug {other}").format(
                                  publication=meta.publication, folder=shown_path(elsewhere.file.parent),
                                  slug=meta.slug, other=elsewhere.slug)))
    return problems


def _kept_values(here: ExistingPublication, given: dict, sidecar: Path) -> list[Problem]:
    """A sidecar value that differs from publication.yaml's (another home_region…) is a warning:
    the file is kept as the archivist left it."""
    return [warning(shown_path(sidecar), line_in(sidecar, key), "publication-kept",
                    _("{key}: the sidecar says {said}, {path} says {kept}; publication.yaml is kept (edit it to "
                      "change the publication)").format(key=key, said=given[key], path=shown_path(here.file),
                                                         kept=here.data.get(key)))
            for key in _KEPT_KEYS
            if given.get(key) not in (None, "") and str(given[key]) != str(here.data.get(key))]
