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
from typing import TextIO


class Progress:
    """Silent reporter; the base the others extend. `step` marks the start of a build stage."""

    def step(self, name: str) -> None:
        pass

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
        self._finish()
        self.current = (name, time.perf_counter())

    def close(self) -> None:
        self._finish()

    def _finish(self) -> None:
        if self.current:
            name, started = self.current
            print(f"  {name} {time.perf_counter() - started:.2f} s", file=self.stream, flush=True)
            self.current = None


class RichProgress(Progress):
    """A transient spinner with the stage name and elapsed time; gone when the build ends."""

    def __init__(self, stream: TextIO):
        from rich.console import Console
        from rich.progress import Progress as Bar, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Bar(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                       console=Console(file=stream), transient=True)
        self.task = self.bar.add_task("开始构建", total=None)
        self.bar.start()

    def step(self, name: str) -> None:
        self.bar.update(self.task, description=name)

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
