"""Hostile raw text must not make the importer's work grow faster than its size.

Each shape is 1 MB of raw text parsed in a subprocess held to 60 s of CPU: a rule that re-reads
a line or a paragraph once per character or per line (a lazy regex group backtracking over
spaces, a paragraph re-joined after every wrapped line) takes minutes to hours on these, where
a linear importer takes seconds. The limit is on CPU time, not wall time, so a loaded machine
does not fail it (the wall-clock timeout is only a backstop)."""
from __future__ import annotations

import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MB = 1_000_000

SHAPES = {
    # one long line that starts like a Markdown heading: 216 s before the fix
    "heading then spaces": '"# x" + " " * MB + "y\\n正文。\\n"',
    "heading then hashes": '"# x" + "#" * MB + "\\n正文。\\n"',
    # one paragraph hard-wrapped over 70,000 lines, no sentence end: joined once, not per line
    "one wrapped paragraph": '"这是一段很长的正文没有句号\\n" * (MB // 14)',
    "an open bracket then wrapped lines": '"（" + "正文正文正文正文\\n" * (MB // 9)',
    "spaces between two characters": '"本" + " " * MB + "报\\n"',
}


CPU_SECONDS = 60


def _limit_cpu() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))


@pytest.mark.parametrize("shape", SHAPES)
def test_a_megabyte_of_hostile_text_imports_in_seconds(shape):
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from generator.ingest import parse_issue
        MB = {MB}
        facts, articles = parse_issue({SHAPES[shape]}, "报")
        print(len(articles))
    """)
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=CPU_SECONDS * 20,
                              preexec_fn=_limit_cpu)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{shape}: 1 MB took more than {CPU_SECONDS * 20} s to parse")
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        pytest.fail(f"{shape}: 1 MB took more than {CPU_SECONDS} s of CPU to parse")
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.split()[-1]) >= 1  # the text is in an article, not dropped
