"""One module per `gazette` sub-command: HELP, add_arguments(parser), run(args); here, what several share
(flags, a built site's check). Light on purpose: a command imports only what it runs."""
from __future__ import annotations

import argparse
from pathlib import Path

from .. import urls
from ..i18n import N_, _


def not_a_built_site(site_dir: Path) -> str | None:
    """Why `site_dir` (given with --site) is not a built site, or None: every build writes index.html."""
    if not site_dir.is_dir():
        return _("{folder}: no such folder (run `gazette build` first)").format(folder=site_dir)
    if not (site_dir / urls.HOME).is_file():
        return _("{folder}: not a built site, it has no {home} (run `gazette build` first)").format(
            folder=site_dir, home=urls.HOME)
    return None


def jobs_count(text: str) -> int:
    """A --jobs value (build, check, bundle, import): a whole number, at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_("not a number of processes (1 or more): {value}").format(value=text))
    return value


def add_verbosity(parser, verbose: str = N_("print each build step with its time")) -> None:
    """-q/-v, shared by every command that shows progress; `verbose` says what -v adds."""
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help=_("print only problems"))
    loudness.add_argument("-v", "--verbose", action="store_true", help=_(verbose))
