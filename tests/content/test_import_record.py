"""The import's record (.import.yaml) is read as every content file is: never a pipe, a device or
a link out of content/, which would hang or flood the build."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator.content.import_record import read_import_record


def test_a_record_that_is_a_named_pipe_is_not_opened(tmp_path):
    folder = tmp_path / "content" / "paper" / "2023-08-11"
    folder.mkdir(parents=True)
    os.mkfifo(folder / ".import.yaml")
    code = "from pathlib import Path; from generator.content.import_record import read_import_record as r; " \
           f"print(r(Path({str(folder)!r}), Path({str(tmp_path / 'content')!r})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "{}"


def test_a_record_linked_from_outside_content_is_not_read(tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("files: {a.md: x}\nconfidence: {a.md: {level: low}}\n", encoding="utf-8")
    folder = tmp_path / "content" / "paper" / "2023-08-11"
    folder.mkdir(parents=True)
    (folder / ".import.yaml").symlink_to(outside)
    assert read_import_record(folder, tmp_path / "content") == {}
