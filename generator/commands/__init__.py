"""One module per `gazette` sub-command: HELP, add_arguments(parser), run(args)."""
from __future__ import annotations

from pathlib import Path

from .. import urls
from ..i18n import _


def not_a_built_site(site_dir: Path) -> str | None:
    """Why `site_dir` (given with --site) is not a built site, or None: every build writes index.html."""
    if not site_dir.is_dir():
        return _("{folder}: no such folder (run `gazette build` first)").format(folder=site_dir)
    if not (site_dir / urls.HOME).is_file():
        return _("{folder}: not a built site, it has no {home} (run `gazette build` first)").format(
            folder=site_dir, home=urls.HOME)
    return None
