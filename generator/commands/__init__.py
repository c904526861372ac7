"""One module per `gazette` sub-command: HELP, add_arguments(parser), run(args)."""
from __future__ import annotations

from pathlib import Path

from .. import urls


def not_a_built_site(site_dir: Path) -> str | None:
    """Why `site_dir` (given with --site) is not a built site, or None: every build writes index.html."""
    if not site_dir.is_dir():
        return f"{site_dir}: no such folder (run `gazette build` first)"
    if not (site_dir / urls.HOME).is_file():
        return f"{site_dir}: not a built site, it has no {urls.HOME} (run `gazette build` first)"
    return None
