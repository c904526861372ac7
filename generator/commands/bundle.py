"""`gazette bundle`: its DESCRIPTION says what it does."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from . import add_verbosity, not_a_built_site
from ..config import load_config
from ..i18n import N_, _, ngettext
from ..publish.bundle import zip_site
from .build import add_jobs, build_as_asked

HELP = N_("build the site and zip it for offline reading")
DESCRIPTION = N_("Zip the site for offline reading: unzip anywhere and open site/index.html "
                 "(the zip is byte-for-byte reproducible).")


def add_arguments(parser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE.zip", default="site.zip",
                        help=_("the archive to write (default: site.zip in the project folder)"))
    parser.add_argument("--site", metavar="DIR", help=_("zip this already built folder instead of building afresh"))
    parser.add_argument("--base-url", metavar="URL", help=_("absolute URL the site is published at (feeds, sitemap)"))
    add_jobs(parser)
    add_verbosity(parser)


def run(args) -> int:
    config = load_config(args.project, base_url=args.base_url)
    archive = config.root / args.output
    if archive.is_dir():
        print(_("gazette bundle: {archive} is a folder; give the zip file to write (-o FILE.zip)").format(
            archive=archive), file=sys.stderr)
        return 2
    if args.site:
        site_dir = Path(args.site)
        why = not_a_built_site(site_dir)
        if why:
            print(_("gazette bundle: {why}").format(why=why), file=sys.stderr)
            return 2
        count = zip_site(site_dir, archive)
    else:
        with tempfile.TemporaryDirectory(prefix="gazette-bundle-") as tmp:
            built = config.with_overrides(output_dir=str(Path(tmp) / "site"))
            build_as_asked(built, args)
            count = zip_site(built.output_path, archive)
    if not args.quiet:
        print(ngettext("bundled {n} file into {archive} ({mb:.1f} MB); unzip it and open site/index.html",
                       "bundled {n} files into {archive} ({mb:.1f} MB); unzip it and open site/index.html",
                       count).format(n=count, archive=archive, mb=archive.stat().st_size / 1e6))
    return 0
