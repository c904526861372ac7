"""Which entries of `content/` are read, and reading one without trusting it.

content/ is edited by hand, synced and unzipped, so it holds what editors and
operating systems leave behind (`.#a.md`, `a.md~`, `.a.md.swp`, `~$a.md`,
`.DS_Store`): those are skipped the way Hugo and MkDocs skip hidden files and
backups. A file is opened only if it is a regular file inside content/ (a
symlink to /dev/zero would fill memory, a FIFO would hang the build, a link
out of content/ would publish someone's files) and is read only up to
MAX_FILE_BYTES.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..i18n import _

MAX_FILE_BYTES = 16 * 1024 * 1024  # far above any real article: bounds what one hostile file makes us read

# Hidden files and folders (.DS_Store, .#a.md Emacs locks, .a.md.swp Vim swap), Emacs
# autosaves (#a.md#), backups (a.md~, a.md.bak), Office locks (~$a.md), Windows' files.
_DROPPINGS = re.compile(r"^[.#~]|~$|\.(?:bak|swp|swo|tmp)$|^(?:Thumbs\.db|desktop\.ini|Icon\r)$", re.IGNORECASE)

# Markdown as Hugo recognises it, in any case (001-a.md, 001-a.MD, 001-a.markdown).
MARKDOWN = re.compile(r"\.(?:md|markdown)$", re.IGNORECASE)


def is_dropping(name: str) -> bool:
    """True for a hidden file, a backup or an editor's lock: never content, never a problem."""
    return bool(_DROPPINGS.search(name))


class UnsafeFile(Exception):
    """A path in content/ that is not read; `message` says why."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def inside(path: Path, root: Path) -> Path:
    """The real path of `path` (symlinks followed) if it stays inside `root`, else UnsafeFile."""
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(os.path.realpath(root)):
        raise UnsafeFile(_("a symbolic link that leads out of content/: not read"))
    return real


def kind(path: Path, root: Path) -> str:
    """'file', 'dir', 'missing' or 'other' for `path`, following symlinks only inside `root`."""
    try:
        mode = os.stat(inside(path, root)).st_mode
    except FileNotFoundError:
        return "missing"
    return "file" if stat.S_ISREG(mode) else "dir" if stat.S_ISDIR(mode) else "other"


def read_bytes(path: Path, root: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file under `root`; UnsafeFile for anything else or anything larger than `limit`.

    The file is opened without following a last symlink and without blocking (a FIFO
    opens at once), then checked on the open descriptor, so what is checked is what is read.
    """
    real = inside(path, root)
    fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnsafeFile(_("not a regular file ({what}): not read").format(what=_what(mode)))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFile(_("larger than {mb} MB: not read (is it really one article?)").format(mb=limit // (1024 * 1024)))
    return data


def _what(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("a folder") if stat.S_ISDIR(mode) else _("a special file")
