"""`gazette build`: its DESCRIPTION says what it does."""
from __future__ import annotations

import sys

from . import add_verbosity, jobs_count
from ..builder import build
from ..config import load_config
from ..i18n import N_, _, ngettext
from ..problems import count_warnings
from ..progress import make_progress

HELP = N_("build the site from content/ into site/ (only what changed since the last build)")
DESCRIPTION = N_("Build the static site from content/ into site/ (the previous site stays intact if the build "
                 "fails). Incremental: what did not change since the last build is taken from it "
                 "(.gazette-cache/build/); --clean forgets that cache and builds everything.")


def add_arguments(parser) -> None:
    parser.add_argument("--output", metavar="DIR", help=_("output folder (default: site)"))
    parser.add_argument("--base-url", metavar="URL",
                        help=_("absolute URL the site is published at (for feeds, sitemap, canonical links)"))
    parser.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))
    parser.add_argument("--clean", action="store_true",
                        help=_("a full build: clear .gazette-cache/ (last build, search index) first"))
    parser.add_argument("--no-cache", action="store_true",
                        help=_("a full build that neither reads nor writes .gazette-cache/"))
    add_jobs(parser)
    add_verbosity(parser)


def add_jobs(parser) -> None:
    """--jobs, shared by every command that builds."""
    parser.add_argument("-j", "--jobs", type=jobs_count, metavar="N",
                        help=_("processes that render pages (default: one per usable core; 1: all in this one)"))


def run(args) -> int:
    config = load_config(args.project, output_dir=args.output, base_url=args.base_url,
                         strict=args.strict or None, cache_dir="" if args.no_cache else None)
    result = build_as_asked(config, args, clean=args.clean)
    if not args.quiet:
        print(summary(result, config))
    return 0


def build_as_asked(config, args, clean: bool = False):
    """A build with the progress -q/-v ask for (`add_verbosity`), its warnings on stderr: what
    every command that builds shows alike."""
    with make_progress(args.quiet, args.verbose) as progress:
        result = build(config, progress, clean=clean, jobs=args.jobs)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return result


def summary(result, config) -> str:
    warnings = _(", {warnings}").format(warnings=count_warnings(len(result.problems))) if result.problems else ""
    skipped = _("; no base_url, so no feeds or sitemap (--base-url https://…/)") if not config.absolute_base_url else ""
    kept = _(" ({reused} unchanged)").format(reused=result.reused) if result.reused else ""
    return ngettext("built {n} article: {files} files{kept}, {mb:.1f} MB in {folder}/ in {seconds:.1f} s",
                    "built {n} articles: {files} files{kept}, {mb:.1f} MB in {folder}/ in {seconds:.1f} s",
                    result.articles).format(
        n=result.articles, files=result.files, kept=kept, mb=result.bytes / 1e6, folder=config.output_dir.rstrip('/'),
        seconds=result.seconds) + warnings + skipped
