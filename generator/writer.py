"""The only code that writes the built site to disk.

Renderers return `{site-relative path: bytes}`; `merge_outputs` refuses two
outputs to one path and any path that would leave the site folder, and
`StagedSite` builds into a staging folder beside it, part by part, and swaps
it in with one atomic step, so a failed, interrupted or killed build leaves the
previous `site/` intact and there is never a moment without a `site/`.

The staging folder `.site.new-XXXX/` holds the new tree (`.site.new-XXXX/site/`)
and a marker file that its build keeps locked (flock) while it runs. The swap is
`renameat2(RENAME_EXCHANGE)` (Linux ≥ 3.15, glibc ≥ 2.28; ext4, btrfs, xfs, tmpfs…):
the new tree becomes `site/` and the old one lands in the staging folder, which is
then removed. Where the exchange is unavailable (macOS, some filesystems) it falls
back to two renames; a kill between them leaves the old site in the staging folder,
and the next build puts it back before it cleans up. Each build first removes the
staging folders of killed builds: those whose marker nobody holds locked (the
kernel drops the lock of a dead process), never a concurrent build's live one.
Cleaning up and creating a staging folder, and the swap, each briefly hold a
flock on the parent folder. Where a filesystem has no flock (NFS for folders,
some FUSE mounts) builds go on unlocked and keep every staging folder they
cannot tell is dead.

An incremental build does not restage what it keeps: given the site as the last
build left it (`previous`), the staging folder holds only the files made anew, and
the build ends by **committing a journal** there (`journal.json`, written whole and
renamed into place: the commit point) of the files to move into `site/` and those to
remove, then applying it, one rename or unlink each. A build killed before the commit
leaves the previous site untouched (its staging folder is removed as a leftover); one
killed after it has published: the next build, finding the journal of a dead build,
finishes applying it before anything else (renames and unlinks that are already done
are skipped), so the site it starts from is the new one, whole.

Swapping in replaces the whole output folder, so `unsafe_output` first makes
sure it is one gazette may replace: new, empty, or an earlier build (which
always holds `.nojekyll` and `search/docs.js`), and never the project, its
content or its themes (`--output .` must not wipe a clone).
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import tempfile
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath
from typing import Mapping

from .i18n import _


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
        return _("it is the project folder or holds it")
    for name, path in protected.items():
        path = path.resolve()
        if output == path:
            return _("it is {name}").format(name=name)
        if output in path.parents:
            return _("it holds {name} ({path})").format(name=name, path=path)
        if path in output.parents:
            return _("it is inside {name} ({path})").format(name=name, path=path)
    if not output.exists():
        return None
    if not output.is_dir():
        return _("it is a file, not a folder")
    if any(output.iterdir()) and not all((output / sign).exists() for sign in BUILD_SIGNS):
        return _("it is not empty and not an earlier gazette build (no .nojekyll and search/docs.js), "
                 "and building replaces the whole folder")
    return None


def check_output_path(path: str) -> str:
    pure = PurePosixPath(path)
    if pure.is_absolute() or not path or ".." in pure.parts or "\\" in path or path != pure.as_posix():
        raise OutputConflict(_("refusing to write outside the site folder: {path!r}").format(path=path))
    return path


def claim_path(taken, path: str) -> str:
    """`path`, checked to stay in the site folder and to be the first output there
    (`taken`: the paths already claimed, a set or the keys of a dict)."""
    check_output_path(path)
    if path in taken:
        raise OutputConflict(_("two outputs for one path: {path}").format(path=path))
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
    memory holds one part at a time rather than the whole site, which outgrows memory
    in a large archive (bench/build.md). The guards of `merge_outputs` apply across
    parts. Leaving the `with` block normally swaps the folder in; leaving it by an
    exception (or Ctrl-C) removes it, and the previous site stays as it was.
    """

    def __init__(self, output: Path, previous: Mapping[str, tuple] | None = None):
        """`previous`: the files of `output` as the last build left them (path → stat, size second),
        to be kept where they are unless made anew (the journal); None: a whole new tree swapped in."""
        self.output = Path(output)
        self.paths: set[str] = set()
        self.bytes = 0
        self.tree: Path | None = None
        self.previous = previous if previous is not None and self.output.is_dir() else None
        self.kept: set[str] = set()  # the previous site's files kept as they are without being claimed
        self.published: tuple[list[str], list[str]] | None = None  # built in place: the journal's (made, gone)
        self._staged = staged_folder(self.output) if self.previous is None else journaled_folder(self, self.output)
        self._folders: set[Path] = set()  # made in the tree already

    def __enter__(self) -> "StagedSite":
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.tree = self._staged.__enter__()
        self.tree.mkdir()
        return self

    def add(self, files: Mapping[str, bytes]) -> None:
        for path in sorted(files):
            self.claim(path)
            self.bytes += self.write(path, files[path])

    def keep(self, paths) -> None:
        """Keep these files of the previous site as they are, unchecked (the last build checked them),
        unless one is claimed after all: the outputs an incremental build knows to be unchanged
        without making them."""
        for path in paths:
            self.kept.add(path)
            self.bytes += self.previous[path][1]

    def kept_as_is(self, path: str) -> bool:
        """Claim `path` for the previous site's file there, kept as it is (checked when it was made);
        False if built as a new tree or there is no such file. Raises OutputConflict if claimed."""
        if self.previous is None or path not in self.previous:
            return False
        self._unkept(path)
        if path in self.paths:
            raise OutputConflict(_("two outputs for one path: {path}").format(path=path))
        self.paths.add(path)
        self.bytes += self.previous[path][1]
        return True

    def _unkept(self, path: str) -> None:
        if path in self.kept:
            self.kept.discard(path)
            self.bytes -= self.previous[path][1]

    def reuse(self, path: str, source: Path) -> bool:
        """Put the file `source` (of the previous site) at `path` as a hard link, not a copy: the
        incremental build's unchanged outputs. False, with nothing claimed, if it cannot be linked."""
        self._unkept(path)
        claim_path(self.paths, path)  # (added to paths only once linked)
        size = self.link(path, source)
        if size is None:
            return False
        self.paths.add(path)
        self.bytes += size
        return True

    # The parts of `add` and `reuse`, for outputs made in worker processes (`workers.py`): the
    # build claims each path here first, a worker writes or links the file, the build counts it.

    def claim(self, path: str) -> None:
        self._unkept(path)
        self.paths.add(claim_path(self.paths, path))

    def files(self) -> int:
        return len(self.paths) + len(self.kept)

    def write(self, path: str, data: bytes) -> int:
        """Write a claimed path; its size."""
        target = self.tree / path
        self._folder(target.parent)
        target.write_bytes(data)
        return len(data)

    def link(self, path: str, source: Path) -> int | None:
        """Hard-link `source` at `path` (not claimed here); its size, or None if it cannot be linked.
        Built in place, the previous site's own file at `path` is simply kept."""
        if self.previous is not None and path in self.previous and source == self.output / path:
            return self.previous[path][1]
        target = self.tree / path
        try:
            size = os.stat(source, follow_symlinks=False).st_size
            self._folder(target.parent)
            os.link(source, target, follow_symlinks=False)  # last: a failure leaves nothing at `target`
        except OSError:
            return None
        return size

    def _folder(self, folder: Path) -> None:
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)  # (another worker may make it at the same moment)
            self._folders.add(folder)

    def __exit__(self, exc_type, exc, traceback) -> bool | None:
        return self._staged.__exit__(exc_type, exc, traceback)


@contextmanager
def staged_folder(output: Path):
    """The path of a new folder to fill (not yet created) in a staging folder beside `output`;
    leaving the block normally swaps it in for `output` in one step, leaving it by an exception
    removes it. Used by the build (site/) and the importer (an issue or publication folder)."""
    with locked_folder(output.parent):  # no other build or import cleans up or stages at this moment
        remove_leftovers(output)
        staging, marker = make_staging(output)
    try:
        yield staging / output.name
        with locked_folder(output.parent):  # one swap at a time: "is there an output yet?" holds
            swap_in(staging / output.name, output)
    finally:
        close_staging(staging, marker)


@contextmanager
def journaled_folder(stage: StagedSite, output: Path):
    """`staged_folder` for a site built in place: the folder yielded holds only what is made anew;
    leaving the block normally commits and applies the journal (`stage.paths` kept, the rest of
    `stage.previous` removed), leaving it by an exception removes it and the site stays as it was."""
    with locked_folder(output.parent):
        remove_leftovers(output)
        staging, marker = make_staging(output)
    try:
        yield staging / output.name
        made = sorted(_files_under(staging / output.name))
        gone = sorted(set(stage.previous) - stage.paths - stage.kept)
        with locked_folder(output.parent):
            commit_journal(staging, made, gone)
            apply_journal(staging, output)
        stage.published = made, gone
    finally:
        close_staging(staging, marker)


JOURNAL = "journal.json"  # in a staging folder: the commit of a build made in place


def _files_under(folder: Path) -> list[str]:
    prefix = len(str(folder)) + 1
    return [os.path.join(top, name)[prefix:] for top, _dirs, names in os.walk(folder) for name in names]


def commit_journal(staging: Path, made: list[str], gone: list[str]) -> None:
    """Write the journal whole, then rename it into place: from that moment the build has published."""
    tmp = staging / (JOURNAL + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump({"made": made, "gone": gone}, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, staging / JOURNAL)


def apply_journal(staging: Path, output: Path) -> None:
    """Move the journal's new files into `output` and remove its gone ones, skipping what is done
    already (a killed build's journal is finished by the next build); folders emptied go too."""
    journal = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
    tree = staging / output.name
    for path in map(check_output_path, journal["gone"]):
        target = output / path
        try:
            target.unlink()
        except FileNotFoundError:
            pass
        except IsADirectoryError:
            shutil.rmtree(target, ignore_errors=True)
        _remove_empty_parents(target.parent, output)
    for path in map(check_output_path, journal["made"]):
        source, target = tree / path, output / path
        if not source.exists():
            continue  # moved in before the kill
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where a folder must now be
            target.parent.unlink()
            target.parent.mkdir(parents=True)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)  # a folder where a file must now be
        os.replace(source, target)


def _remove_empty_parents(folder: Path, output: Path) -> None:
    while folder != output and output in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def replace_file(path: Path, data: bytes) -> None:
    """Make `data` the whole of the file `path` in one step: written to a temporary file beside it
    (mkstemp's mode, 0600) and renamed over it, so that a reader, or a kill, finds the old file or
    the new one, never part of one. Raises OSError, leaving no temporary file. The one atomic write
    of a single file: the caches' (buildcache, usercache) and the importer's publication.yaml."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def write_site(files: Mapping[str, bytes], output: Path) -> None:
    """Write every file into a fresh folder, then atomically replace `output`."""
    with StagedSite(output) as stage:
        stage.add(files)


MARKER = ".gazette-build"  # in each staging folder, locked by its build while it runs
RETIRED = "retired"  # the old site, in the staging folder, between the two renames of the fallback
RENAME_EXCHANGE = 2  # <linux/fs.h>
AT_FDCWD = -100
NO_LOCKS = (errno.EBADF, errno.ENOLCK, errno.EOPNOTSUPP)  # flock(2) unavailable for this file


def staging_prefix(output: Path) -> str:
    return f".{output.name}.new-"


@contextmanager
def locked_folder(folder: Path):
    """Hold an exclusive flock on `folder` itself (no lock file to leave behind)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        lock(fd)
        yield
    finally:
        os.close(fd)


def make_staging(output: Path) -> tuple[Path, int]:
    """A new staging folder beside `output` and the open, locked fd of its marker (pid inside)."""
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(output), dir=output.parent))
    fd = os.open(staging / MARKER, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    lock(fd)
    os.write(fd, f"gazette build, pid {os.getpid()}\n".encode())
    return staging, fd


def lock(fd: int, wait: bool = True) -> bool:
    """Take an exclusive flock on `fd`; False if another process holds it (only when not waiting).

    Where the filesystem cannot lock it (NFS refuses a folder, some FUSE filesystems
    have no flock) the build goes on unlocked: True when waiting, False when testing,
    so cleanup takes the folder for a live build's and keeps it.
    """
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno not in NO_LOCKS:
            raise
        return wait
    return True


def remove_leftovers(output: Path) -> list[Path]:
    """Remove the staging folders that killed builds left beside `output`; the removed ones.

    A folder is a leftover if its name has the staging prefix and either its marker is
    locked by no one, or it is empty (killed just before the marker was written or
    just after it was removed). Call with the parent folder locked.
    """
    removed, prefix = [], staging_prefix(output)
    try:  # (not a glob: a name is no pattern, and every import compiles a new one)
        names = sorted(name for name in os.listdir(output.parent) if name.startswith(prefix))
    except FileNotFoundError:
        names = []
    for folder in (output.parent / name for name in names):
        if folder.is_symlink() or not folder.is_dir() or is_live(folder):
            continue
        try:
            if (folder / MARKER).is_file():
                restore_retired(folder, output)
                if (folder / JOURNAL).is_file():  # killed after publishing in place: finish it
                    try:
                        apply_journal(folder, output)
                    except (ValueError, KeyError, TypeError, OutputConflict):  # not a journal we wrote
                        pass
                remove_staging(folder)
            elif not any(folder.iterdir()):
                folder.rmdir()
            else:
                continue  # not one of ours (no marker): leave it
        except OSError:  # not ours to remove after all (another user's): it does not stop this build
            continue
        removed.append(folder)
    return removed


def is_live(staging: Path) -> bool:
    """Whether a running build holds the marker of `staging` locked (the kernel unlocks a dead one's)."""
    try:
        fd = os.open(staging / MARKER, os.O_RDWR | os.O_NOFOLLOW)
    except FileNotFoundError:
        return False
    except OSError:  # a marker we may not open (another user's, a symlink): cannot tell, so keep it
        return True
    try:
        return not lock(fd, wait=False)
    finally:
        os.close(fd)


def restore_retired(staging: Path, output: Path) -> None:
    """Put back the old site a fallback swap had moved aside when it was killed before the second rename."""
    if (staging / RETIRED).is_dir() and not output.exists():
        (staging / RETIRED).rename(output)


def remove_staging(staging: Path) -> None:
    """Remove a staging folder, its marker second to last, so a kill part-way leaves it recognisable."""
    for child in staging.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    (staging / MARKER).unlink(missing_ok=True)
    staging.rmdir()


def close_staging(staging: Path, marker_fd: int) -> None:
    """Remove the staging folder (the old tree after a swap, the unfinished new one otherwise), then unlock it.

    A removal that fails leaves the folder marked and unlocked: the next build removes it.
    """
    try:
        remove_staging(staging)
    except OSError:
        pass
    finally:
        os.close(marker_fd)


def swap_in(tree: Path, output: Path) -> None:
    """Make `tree` the folder `output` in one step; the old `output` is left in the staging folder."""
    if not output.exists():  # the first build: nothing to exchange with
        try:
            tree.rename(output)
            return
        except OSError as exc:  # a concurrent first build came first (with no folder lock, on NFS)
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
    try:
        exchange(tree, output)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise
        swap_by_two_renames(tree, output)


def exchange(a: Path, b: Path) -> None:
    """Swap the names of `a` and `b` atomically: renameat2(RENAME_EXCHANGE), Linux only."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(a), None, str(b))


def swap_by_two_renames(tree: Path, output: Path) -> None:
    """The fallback swap: `output` aside into the staging folder, then `tree` in its place."""
    retired = tree.parent / RETIRED
    output.rename(retired)
    try:
        tree.rename(output)
    except BaseException:
        retired.rename(output)
        raise


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)
