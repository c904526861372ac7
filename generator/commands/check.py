"""`gazette check`: its DESCRIPTION says what it does."""
from __future__ import annotations

import sys
from pathlib import Path

from . import not_a_built_site
from .build import add_jobs
from ..check import check_project
from ..config import load_config
from ..i18n import N_, _
from ..problems import count_errors, count_warnings

HELP = N_("check content and the built site for problems (exit 1 if any error)")
DESCRIPTION = N_("Check content and the built site: front matter, duplicates, issue metadata, links, anchors, "
                 "orphan pages, network resources.")


def add_arguments(parser) -> None:
    parser.add_argument("--site", metavar="DIR",
                        help=_("check this already built folder instead of building afresh into a temporary one"))
    parser.add_argument("--base-url", metavar="URL", help=_("absolute URL the site is published at (as for build)"))
    parser.add_argument("--strict", action="store_true", help=_("fail on warnings too"))
    add_jobs(parser)


def run(args) -> int:
    config = load_config(args.project, base_url=args.base_url)
    site_dir = Path(args.site) if args.site else None
    why = site_dir and not_a_built_site(site_dir)
    if why:
        print(_("gazette check: {why}").format(why=why), file=sys.stderr)
        return 2
    problems = check_project(config, site_dir, jobs=args.jobs)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    print(_("gazette check: {errors}, {warnings}").format(errors=count_errors(errors), warnings=count_warnings(warnings)),
          file=sys.stderr if problems else sys.stdout)
    return 1 if errors or (args.strict and warnings) else 0
