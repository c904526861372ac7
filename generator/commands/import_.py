"""`gazette import` (its DESCRIPTION says what it does for users).

Metadata the text states (date, 总第N期, 今日N版, 2025·3) is read from it; what
it lacks comes from flags or a sidecar YAML (RAW.yaml next to RAW.txt is used
automatically). Re-importing is byte-identical; articles edited by hand since
the last import, or an issue imported from another raw file, make it refuse
unless --force (which keeps a backup); --dry-run shows that refusal too. An
issue folder is replaced whole, so an import killed part-way leaves the old
issue, never half of the new one; slugs and editions must be folder names
(lowercase ASCII, digits, hyphens), and nothing outside content/ is touched. Several
files (`gazette import raw/*.txt`) are imported one issue at a time: a file
that fails is reported and written nothing, the others are imported. Their
texts are parsed, and their folders rendered, ahead on every core (`--jobs`);
checking and writing stay here, one issue after another, in the order given
(a rendering is used only if content/ still holds what it was made from).
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import sys
import time
from pathlib import Path

from ..ingest import ImportOptions, ImportResult, import_issue, parse_ahead, preload_tables, shown_path
from ..ingest.guard import DryRunFolders
from ..i18n import N_, _, ngettext
from ..problems import GazetteError
from ..progress import make_progress
from ..workers import Ahead, usable_cores
from . import add_verbosity, jobs_count

HELP = N_("import raw issue text files into content/")
DESCRIPTION = N_("Import raw issues (text extracted from PDF/OCR) into content/ as Markdown articles. The date, "
                 "number and label the text states are read from it; what it lacks comes from flags or a sidecar "
                 "RAW.yaml next to RAW.txt. Re-importing is byte-identical; an issue edited by hand since its last "
                 "import, or imported from another raw file, is replaced only with --force (which keeps a backup). "
                 "Of several files, one that fails is reported and writes nothing; the others are imported.")
PER_ISSUE = ("date", "number", "label", "meta")  # flags that describe one issue


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a date (YYYY-MM-DD): {value}").format(value=value)) from None


def add_arguments(parser) -> None:
    parser.add_argument("raw", metavar="RAW.txt", nargs="+",
                        help=_("raw issue text files (UTF-8, GB18030/GBK, UTF-16), each with its RAW.yaml if any"))
    parser.add_argument("--publication", metavar="NAME", help=_("the publication's name, e.g. 巴音郭楞日报"))
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help=_("the issue date, if the text lacks it"))
    parser.add_argument("--number", type=int, metavar="N", help=_("running number (总第N期)"))
    parser.add_argument("--label", metavar="L", help=_("how the issue names itself, e.g. 2025·3"))
    parser.add_argument("--meta", type=Path, metavar="SIDECAR.yaml",
                        help=_("issue metadata file (default: RAW.yaml next to RAW.txt, if present)"))
    parser.add_argument("--content-dir", type=Path, metavar="DIR",
                        help=_("where to write (default: content/ in the project)"))
    parser.add_argument("--dry-run", action="store_true", help=_("print the outline, write nothing"))
    parser.add_argument("--force", action="store_true",
                        help=_("replace an issue whose files were edited by hand, or that was imported from "
                               "another raw file (the old folder is kept in content/.backup/)"))
    parser.add_argument("--jobs", type=jobs_count, default=usable_cores(), metavar="N",
                        help=_("processes that parse raw files ahead (default: the usable cores, {n} here; "
                               "1: none)").format(n=usable_cores()))
    add_verbosity(parser, verbose=N_("list every file written or removed, also when importing many files"))


def _articles(n: int) -> str:
    return ngettext("{n} article", "{n} articles", n).format(n=n)


def run(args) -> int:
    try:
        return _run(args)
    finally:  # the command ends here, and with it the process: at exit, the collector would walk every table
        gc.freeze()  # loaded (pypinyin's, jieba's words: ~0.2 s of CPU) only to free them, which exiting does anyway


def _run(args) -> int:
    raws = [Path(raw) for raw in args.raw]
    given = [f"--{name}" for name in PER_ISSUE if getattr(args, name) is not None]
    if len(raws) > 1 and given:
        print(_("gazette import: {flags} apply to a single issue; give each of the {n} files a sidecar RAW.yaml "
                "instead").format(flags=", ".join(given), n=len(raws)), file=sys.stderr)
        return 2
    project = Path(args.project)
    content_dir = args.content_dir or project / "content"
    options = ImportOptions(publication=args.publication, date=args.date, number=args.number,
                            label=args.label, meta=args.meta, dry_run=args.dry_run, force=args.force)
    if len(raws) == 1:  # one issue: its errors stop the command (cli.py prints them)
        result = import_issue(raws[0], content_dir, options, project_root=project)
        report(result, args, many=False)
        if result.refused:  # a dry run of an import that would stop: stop as it would
            raise GazetteError(list(result.problems))
        return 0
    started, results, failed = time.perf_counter(), [], []
    claimed = DryRunFolders(args.force)
    gc.freeze()  # (first what the modules loaded: the collections the tables' loading sets off then skip it)
    preload_tables()  # (before the workers are forked, so that they share its tables; one process needs them anyway)
    gc.freeze()  # the workers forked now never collect what is loaded (it lives as long as they do): their
    # collections no longer copy its pages by marking them; nor does this process while it imports
    ahead = Ahead(functools.partial(parse_ahead, options=options, content_dir=content_dir, project_root=project),
                  raws, args.jobs)  # (forks before any thread)
    with ahead, make_progress(args.quiet, args.verbose) as progress:
        for raw, parsed in progress.track(zip(raws, ahead.results()), _("importing"), total=len(raws)):
            try:
                result = import_issue(raw, content_dir, options, project_root=project, ahead=parsed)
            except GazetteError as exc:
                failed.append((raw, exc.problems))
                continue
            if args.dry_run:  # nothing is written, so an earlier file of this run is not on disk: ask here
                result = claimed.claim(raw, result)
            results.append(result)  # a dry run's refused import shows its outline, and fails
            if result.refused:
                failed.append((raw, list(result.problems)))
    for result in results:
        report(result, args, many=True)
    for raw, problems in failed:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(_("gazette import: {raw}: not imported, nothing written for it").format(raw=raw), file=sys.stderr)
    imported = [r for r in results if not r.refused]
    if not args.quiet:
        done = (ngettext("would import {n} of {total} issue", "would import {n} of {total} issues", len(raws))
                if args.dry_run else ngettext("imported {n} of {total} issue", "imported {n} of {total} issues",
                                              len(raws)))
        same = 0 if args.dry_run else sum(1 for r in imported if r.unchanged)  # a dry run writes nothing, so knows not
        print(done.format(n=len(imported), total=len(raws))
              + (_(" ({n} unchanged)").format(n=same) if same else "")
              + _(", {articles}, in {seconds:.1f} s").format(
                  articles=_articles(sum(len(r.articles) for r in imported)), seconds=time.perf_counter() - started)
              + (_("; {n} failed").format(n=len(failed)) if failed else ""))
    return 1 if failed else 0


def report(result: ImportResult, args, many: bool) -> None:
    """What one import wrote (or, with --dry-run, its outline); warnings to stderr.

    One issue: each file written or removed, then a summary line. Many: one line per issue,
    each file only with -v. An import that changed nothing says so."""
    if args.dry_run:
        if not result.refused:  # else they are shown as the real run shows them, after the outline
            for problem in result.problems:
                print(problem, file=sys.stderr)
        print(result.outline, end="")
        print(_("(dry run: no file was written)"))
        return
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if args.quiet:
        return
    folder = shown_path(result.folder)
    articles = _articles(len(result.articles))
    if result.unchanged:
        print(_("issue {folder}: unchanged ({articles})").format(folder=folder, articles=articles) + _doubtful(result))
        return
    if not many or args.verbose:
        for path in result.written:
            print(_("wrote {path}").format(path=shown_path(path)))
        for path in result.removed:
            print(_("removed {path} (no longer in the raw text)").format(path=shown_path(path)))
    if result.backup:
        print(_("backup of the replaced issue: {path}").format(path=shown_path(result.backup)))
    files = [ngettext("{n} file written", "{n} files written", len(result.written)).format(n=len(result.written))]
    files += [_("{n} removed").format(n=len(result.removed))] if result.removed else []
    counts = _(" ({files})").format(files=_(", ").join(files)) if many and not args.verbose else ""
    print(_("imported {articles} into {folder}").format(articles=articles, folder=folder) + counts + _doubtful(result))


def _doubtful(result: ImportResult) -> str:
    """The count of low-confidence articles, and where to see why."""
    if not result.doubtful:
        return ""
    return _("; {n} of low confidence (check them: `gazette import --dry-run` marks them ！ and says why; "
             ".import.yaml records every article's confidence)").format(n=result.doubtful)
