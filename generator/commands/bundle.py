"""Zip the site for offline reading: unzip anywhere and open site/index.html (the zip is byte-for-byte reproducible)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from . import not_a_built_site
from ..config import load_config
from ..publish.bundle import zip_site
from .build import add_verbosity, build_as_asked

HELP = "build the site and zip it for offline reading"


def add_arguments(parser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE.zip", default="site.zip",
                        help="the archive to write (default: site.zip in the project folder)")
    parser.add_argument("--site", metavar="DIR", help="zip this already built folder instead of building afresh")
    parser.add_argument("--base-url", metavar="URL", help="absolute URL the site is published at (feeds, sitemap)")
    add_verbosity(parser)


def run(args) -> int:
    config = load_config(args.project, base_url=args.base_url)
    archive = config.root / args.output
    if archive.is_dir():
        print(f"gazette bundle: {archive} is a folder; give the zip file to write (-o FILE.zip)", file=sys.stderr)
        return 2
    if args.site:
        site_dir = Path(args.site)
        why = not_a_built_site(site_dir)
        if why:
            print(f"gazette bundle: {why}", file=sys.stderr)
            return 2
        count = zip_site(site_dir, archive)
    else:
        with tempfile.TemporaryDirectory(prefix="gazette-bundle-") as tmp:
            built = config.with_overrides(output_dir=str(Path(tmp) / "site"))
            build_as_asked(built, args)
            count = zip_site(built.output_path, archive)
    if not args.quiet:
        print(f"bundled {count} files into {archive} ({archive.stat().st_size / 1e6:.1f} MB); "
              "unzip it and open site/index.html")
    return 0
