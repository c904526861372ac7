"""Killing a build part-way, as a power cut or `kill -9` would: for the tests that the previous site survives."""
from __future__ import annotations

import signal
import subprocess
import time
from typing import Callable


def kill_once(command: list[str], ready: Callable[[], bool], what: str, **popen) -> None:
    """Run `command` until `ready()` (polled), then SIGKILL it; fail with `what` if it never gets there."""
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, **popen)
    try:
        deadline = time.monotonic() + 120
        while not ready():
            assert child.poll() is None, child.stderr.read()
            assert time.monotonic() < deadline, what
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=20)
        child.stderr.close()
