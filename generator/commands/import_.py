"""Import a raw issue (text extracted from PDF/OCR) into content/ as Markdown articles.

Metadata the text states (date, 总第N期, 今日N版, 2025·3) is read from it; what
it lacks comes from flags or a sidecar YAML (RAW.yaml next to RAW.txt is used
automatically). Re-importing is byte-identical; articles edited by hand since
the last import make it refuse unless --force (which keeps a backup).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..ingest import ImportOptions, import_issue

HELP = "import a raw issue text file into content/"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from None


def add_arguments(parser) -> None:
    parser.add_argument("raw", metavar="RAW.txt", help="the raw issue text (UTF-8, GB18030/GBK, UTF-16)")
    parser.add_argument("--publication", metavar="NAME", help="the publication's name, e.g. 巴音郭楞日报")
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the issue date, if the text lacks it")
    parser.add_argument("--number", type=int, metavar="N", help="running number (总第N期)")
    parser.add_argument("--label", metavar="L", help="how the issue names itself, e.g. 2025·3")
    parser.add_argument("--meta", type=Path, metavar="SIDECAR.yaml",
                        help="issue metadata file (default: RAW.yaml next to RAW.txt, if present)")
    parser.add_argument("--content-dir", type=Path, metavar="DIR",
                        help="where to write (default: content/ in the project)")
    parser.add_argument("--dry-run", action="store_true", help="print the outline, write nothing")
    parser.add_argument("--force", action="store_true",
                        help="replace an issue whose files were edited by hand (backup in content/.backup/)")


def run(args) -> int:
    project = Path(args.project)
    content_dir = args.content_dir or project / "content"
    options = ImportOptions(publication=args.publication, date=args.date, number=args.number,
                            label=args.label, meta=args.meta, dry_run=args.dry_run, force=args.force)
    result = import_issue(Path(args.raw), content_dir, options, project_root=project)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if args.dry_run:
        print(result.outline, end="")
        print("（试运行：未写入任何文件）")
        return 0
    for path in result.written:
        print(f"wrote {path}")
    if result.backup:
        print(f"backup of the edited issue: {result.backup}")
    print(f"imported {len(result.articles)} articles into {content_dir / result.meta.slug / result.meta.folder}")
    return 0
