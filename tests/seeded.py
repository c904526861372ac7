"""Run a computation again in fresh Python processes, each with its own hash seed.

Builds must be byte-identical from one run to the next, and each run is a new process:
Python salts str hashes per process (PYTHONHASHSEED), so the order of a set of names, or of
anything built by iterating one, may differ between two runs of one archive. Calling f(x) twice
in one process compares two results made with one salt and cannot see that; comparing with
`under_other_seeds` can. The seeds are fixed, so a failure repeats on every run; they are
chosen so that the basic fixture's two-name lists (its two-author articles, 伊犁哈萨克自治州 and
塔城地区) come out of a set in both orders.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parent.parent
SEEDS = (0, 1, 4, 7)

_FOOTER = "\nimport pickle as _p, sys as _s\n_s.stdout.buffer.write(_p.dumps(result))\n"


def under_other_seeds(code: str, args: tuple = ()) -> list[object]:
    """The value `code` leaves in `result` (given `args`, pickled, as `args`), computed by a new
    interpreter under each of SEEDS (run side by side), in that order."""
    script = "import pickle as _p, sys as _s\nargs = _p.loads(_s.stdin.buffer.read())\n" + code + _FOOTER
    runs = [subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, cwd=REPO, env={**os.environ, "PYTHONHASHSEED": str(seed)})
            for seed in SEEDS]
    for run in runs:  # all of them at work before any result is read
        run.stdin.write(pickle.dumps(args))
        run.stdin.close()
    outputs = [(run.stdout.read(), run.stderr.read(), run.wait(timeout=120)) for run in runs]
    for _, err, code in outputs:
        assert code == 0, err.decode(errors="replace")[-2000:]
    return [pickle.loads(out) for out, _, _ in outputs]
