"""Build progress for people at a terminal, silence for CI and logs.

`make_progress` picks one reporter: a rich spinner naming the current step
when stderr is a terminal (and not in CI), plain `step … s` lines with
`--verbose`, nothing with `--quiet` or when output goes to a file or pipe.
The one-line summary is the command's job; problems are always printed.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Iterable, Iterator, TextIO, TypeVar

from .i18n import _

T = TypeVar("T")


class Progress:
    """Silent reporter; the base the others extend. `step` marks the start of a build stage."""

    def step(self, name: str) -> None:
        pass

    def track(self, items: Iterable[T], name: str, total: int | None = None) -> Iterator[T]:
        """Yield `items` as the stage `name`; a terminal shows a bar of how many are done."""
        self.step(name)
        yield from items

    def close(self) -> None:
        pass

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


SILENT = Progress()


class LineProgress(Progress):
    """`--verbose`: one line per finished stage with its duration, fit for logs."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.current: tuple[str, float] | None = None

    def step(self, name: str) -> None:
        if self.current and self.current[0] == name:  # the same stage, now tracked item by item
            return
        self._finish()
        self.current = (name, time.perf_counter())

    def close(self) -> None:
        self._finish()

    def _finish(self) -> None:
        if self.current:
            name, started = self.current
            print("  " + _("{step} {seconds:.2f} s").format(step=name, seconds=time.perf_counter() - started),
                  file=self.stream, flush=True)
            self.current = None


class RichProgress(Progress):
    """A transient bar with the stage name, how many of its items are done (for the long
    stages: index shards, raw files) and the elapsed time; gone when the work ends."""

    def __init__(self, stream: TextIO):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn)

        self.bar = Bar(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), console=Console(file=stream), transient=True, redirect_stdout=False,
                       redirect_stderr=False)
        self.task = self.bar.add_task(_("starting"), total=None)
        self.bar.start()

    def step(self, name: str) -> None:
        self.bar.update(self.task, description=name, total=None, completed=0)

    def track(self, items: Iterable[T], name: str, total: int | None = None) -> Iterator[T]:
        if total is None and hasattr(items, "__len__"):
            total = len(items)
        self.bar.update(self.task, description=name, total=total, completed=0)
        for item in items:
            yield item
            self.bar.advance(self.task)

    def close(self) -> None:
        self.bar.stop()


def is_interactive(stream: TextIO) -> bool:
    """A person is watching: a terminal, and not a CI runner (which often fakes one)."""
    return stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


def make_progress(quiet: bool = False, verbose: bool = False, stream: TextIO | None = None) -> Progress:
    stream = stream or sys.stderr
    if quiet:
        return SILENT
    if verbose:
        return LineProgress(stream)
    return RichProgress(stream) if is_interactive(stream) else SILENT
