"""Build the static site from content/ into site/ (the previous site stays intact if the build fails)."""
from __future__ import annotations

import sys

from ..build import build
from ..config import load_config

HELP = "build the site from content/ into site/"


def add_arguments(parser) -> None:
    parser.add_argument("--output", metavar="DIR", help="output folder (default: site)")
    parser.add_argument("--base-url", metavar="URL",
                        help="absolute URL the site is published at (for feeds, sitemap, canonical links)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")


def run(args) -> int:
    config = load_config(args.project, output_dir=args.output, base_url=args.base_url,
                         strict=args.strict or None)
    result = build(config)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if not args.quiet:
        print(f"built {result.articles} articles: {result.files} files, "
              f"{result.bytes / 1e6:.1f} MB in {config.output_path.name}/ in {result.seconds:.1f} s")
    return 0
