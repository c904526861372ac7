"""The only code that writes the built site to disk.

Renderers return `{site-relative path: bytes}`; `merge_outputs` refuses two
outputs to one path and any path that would leave the site folder, and
`StagedSite` builds into a temporary sibling folder, part by part, and swaps
it in, so a failed or interrupted build leaves the previous `site/` intact.

Swapping in replaces the whole output folder, so `unsafe_output` first makes
sure it is one gazette may replace: new, empty, or an earlier build (which
always holds `.nojekyll` and `search/docs.js`), and never the project, its
content or its themes (`--output .` must not wipe a clone).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Mapping


class OutputConflict(Exception):
    pass


BUILD_SIGNS = (".nojekyll", "search/docs.js")  # every build writes both


def unsafe_output(output: Path, project: Path, protected: dict[str, Path]) -> str | None:
    """Why building into `output` would destroy something, or None if it may be replaced.

    `output` may lie inside `project` (site/ does) but not be it or hold it; it may
    neither be, hold nor lie inside any `protected` folder (content, themes, cache),
    named by its key in the message.
    """
    output, project = output.resolve(), project.resolve()
    if output == project or output in project.parents:
        return "it is the project folder or holds it"
    for name, path in protected.items():
        path = path.resolve()
        if output == path:
            return f"it is the {name}"
        if output in path.parents:
            return f"it holds the {name} ({path})"
        if path in output.parents:
            return f"it is inside the {name} ({path})"
    if not output.exists():
        return None
    if not output.is_dir():
        return "it is a file, not a folder"
    if any(output.iterdir()) and not all((output / sign).exists() for sign in BUILD_SIGNS):
        return ("it is not empty and not an earlier gazette build (no .nojekyll and search/docs.js), "
                "and building replaces the whole folder")
    return None


def check_output_path(path: str) -> str:
    pure = PurePosixPath(path)
    if pure.is_absolute() or not path or ".." in pure.parts or "\\" in path or path != pure.as_posix():
        raise OutputConflict(f"refusing to write outside the site folder: {path!r}")
    return path


def claim_path(taken, path: str) -> str:
    """`path`, checked to stay in the site folder and to be the first output there
    (`taken`: the paths already claimed, a set or the keys of a dict)."""
    check_output_path(path)
    if path in taken:
        raise OutputConflict(f"two outputs for one path: {path}")
    return path


def merge_outputs(*parts: Mapping[str, bytes]) -> dict[str, bytes]:
    merged: dict[str, bytes] = {}
    for part in parts:
        for path, data in part.items():
            merged[claim_path(merged, path)] = data
    return merged


class StagedSite:
    """A new site folder, filled part by part as the build makes them, swapped in whole.

    Each part (pages, search files, feeds…) goes to disk as soon as it is made, so
    memory holds one part at a time rather than the whole site (1.6 GB at 50,000
    articles). The guards of `merge_outputs` apply across parts. Leaving the `with`
    block normally swaps the folder in; leaving it by an exception (or Ctrl-C)
    removes it, and the previous site stays as it was.
    """

    def __init__(self, output: Path):
        self.output = Path(output)
        self.paths: set[str] = set()
        self.bytes = 0
        self.staging: Path | None = None

    def __enter__(self) -> "StagedSite":
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.new-", dir=self.output.parent))
        return self

    def add(self, files: Mapping[str, bytes]) -> None:
        for path in sorted(files):
            self.paths.add(claim_path(self.paths, path))
            target = self.staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
            self.bytes += len(files[path])

    def __exit__(self, exc_type, exc, traceback) -> None:
        if exc_type is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        try:
            _swap_in(self.staging, self.output)
        except BaseException:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise


def write_site(files: Mapping[str, bytes], output: Path) -> None:
    """Write every file into a fresh folder, then atomically replace `output`."""
    with StagedSite(output) as stage:
        stage.add(files)


def _swap_in(staging: Path, output: Path) -> None:
    os.chmod(staging, 0o755)
    if not output.exists():
        staging.rename(output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    retired.rmdir()
    output.rename(retired)
    try:
        staging.rename(output)
    except BaseException:
        retired.rename(output)
        raise
    shutil.rmtree(retired, ignore_errors=True)
