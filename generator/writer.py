"""The only code that writes the built site to disk.

Renderers return `{site-relative path: bytes}`; `merge_outputs` refuses two
outputs to one path and any path that would leave the site folder, and
`write_site` builds into a temporary sibling folder and swaps it in, so a
failed or interrupted build leaves the previous `site/` intact.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Mapping


class OutputConflict(Exception):
    pass


def check_output_path(path: str) -> str:
    pure = PurePosixPath(path)
    if pure.is_absolute() or not path or ".." in pure.parts or "\\" in path or path != pure.as_posix():
        raise OutputConflict(f"refusing to write outside the site folder: {path!r}")
    return path


def merge_outputs(*parts: Mapping[str, bytes]) -> dict[str, bytes]:
    merged: dict[str, bytes] = {}
    for part in parts:
        for path, data in part.items():
            check_output_path(path)
            if path in merged:
                raise OutputConflict(f"two outputs for one path: {path}")
            merged[path] = data
    return merged


def write_site(files: Mapping[str, bytes], output: Path) -> None:
    """Write every file into a fresh folder, then atomically replace `output`."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        for path in sorted(files):
            target = staging / check_output_path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
        _swap_in(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


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
