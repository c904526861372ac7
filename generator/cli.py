"""The `gazette` command: parse flags, call the API, map problems to exit codes.

Each sub-command lives in `generator/commands/<name>.py` with `add_arguments`
and `run`; tests call the API, not argv. Exit codes: 0 ok, 1 problems in the
input (printed as `path:line: message`), 2 bad usage.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from importlib.metadata import version
from pathlib import Path

from .i18n import _, speak_argparse
from .problems import GazetteError, count_errors, count_warnings

COMMANDS = ("import", "build", "serve", "check", "bundle")


def make_parser(commands: tuple[str, ...] = COMMANDS) -> argparse.ArgumentParser:
    """The parser with the sub-commands `commands` (each imports its module: `asked_command`)."""
    speak_argparse()
    parser = argparse.ArgumentParser(
        prog="gazette", description=_("a static archive site generator for the regional press of Xinjiang"),
        epilog=_("Run `gazette COMMAND --help` for a command's options."),
    )
    parser.add_argument("-C", "--project", default=".", metavar="DIR",
                        help=_("the project folder (holding gazette.yaml and content/); default: here"))
    parser.add_argument("--version", action="version", version=f"gazette {version('gazette')}",
                        help=_("show the version and exit"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
    for name in commands:
        module = importlib.import_module(f".commands.{name.replace('import', 'import_')}", __package__)
        cmd = sub.add_parser(name, help=_(module.HELP), description=_(module.DESCRIPTION))
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def print_problems(problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def asked_command(argv: list[str]) -> tuple[str, ...]:
    """The one sub-command `argv` names, if it names one, else all: a command's parser is made
    only when it runs, since importing every command costs more than a no-op build."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-C", "--project"):
            next(tokens, None)
        elif not token.startswith("-"):
            return (token,) if token in COMMANDS else COMMANDS
    return COMMANDS


def main(argv: list[str] | None = None) -> int:
    parser = make_parser(asked_command(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.command is None:  # bare `gazette`: show what it can do
        parser.print_help(sys.stderr)
        return 2
    if not Path(args.project).is_dir():
        print(_("gazette: project folder not found: {folder}").format(folder=args.project), file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except GazetteError as exc:
        print_problems(exc.problems)
        errors = sum(p.is_error for p in exc.problems)
        print(_("gazette {command}: stopped, {errors}, {warnings}; nothing was written").format(
            command=args.command, errors=count_errors(errors), warnings=count_warnings(len(exc.problems) - errors)),
            file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `gazette import --dry-run … | head`: the reader left; not an error of ours.
        # Python's documented recipe: point stdout at devnull so the final flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(_("gazette: interrupted; nothing was written"), file=sys.stderr)
        return 130
    except OSError as exc:  # the disk said no (permissions, a file where a folder should be…): say so plainly
        where = f"{exc.filename}: " if exc.filename else ""
        print(_("gazette {command}: {where}{why}").format(command=args.command, where=where, why=exc.strerror or exc),
              file=sys.stderr)
        return 1
