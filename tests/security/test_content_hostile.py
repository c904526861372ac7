"""Hostile content files: each is a located `path:line: message`, never a traceback, a hang
or gigabytes of memory, and editors' droppings in content/ are not content at all.

The bombs and special files run `gazette build` in a child process with a memory
limit and a timeout, so a regression fails the test instead of taking the machine down.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import load_config
from generator.content.files import MAX_FILE_BYTES
from generator.content.site import load_site

ISSUE = Path("content/bayinguoleng-daily/2023-08-11")
SHOWN = ISSUE.as_posix()
FRONT = "title: 标题\npublication: 巴音郭楞日报\ndate: 2023-08-11\nissue: 2023-08-11\norder: 4\n"
MEMORY = 1 << 30  # 1 GB for the child: the 9-level bomb took 11 GB before aliases were refused
SECONDS = 60


def article(project: Path, name: str, front: str = FRONT, body: str = "正文。") -> Path:
    path = project / ISSUE / name
    path.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return path


def problems(project: Path) -> list[str]:
    return [str(p) for p in load_site(load_config(project))[1]]


def errors(project: Path) -> list[str]:
    return [str(p) for p in load_site(load_config(project))[1] if p.is_error]


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def build_in_child(project: Path) -> tuple[subprocess.CompletedProcess, float]:
    """`gazette build -q` in its own process, with at most 1 GB of memory and 60 s."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "generator", "-C", str(project), "build", "-q"],
                          capture_output=True, text=True, timeout=SECONDS, preexec_fn=_limit_memory)
    return done, time.monotonic() - started


def bomb(levels: int = 9) -> str:
    """The "billion laughs": each level is nine aliases of the level before."""
    lines = ['l0: &l0 ["哈哈哈哈哈哈哈哈哈哈", "哈哈哈哈哈哈哈哈哈哈", "哈哈哈哈哈哈哈哈哈哈"]']
    for n in range(1, levels + 1):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# --- YAML aliases: refused in every content file, at the anchor's line, quickly ---

@pytest.mark.parametrize("where", [
    f"{SHOWN}/004-bomb.md", f"{SHOWN}/issue.yaml", "content/bayinguoleng-daily/publication.yaml", "gazette.yaml",
])
def test_an_alias_bomb_is_refused_at_its_first_anchor(basic_project, where):
    path = basic_project / where
    if where.endswith(".md"):
        article(basic_project, "004-bomb.md", FRONT + bomb())
        line = 7  # the front matter's five fields are lines 2–6
    else:
        text = path.read_text(encoding="utf-8")
        line = len(text.splitlines()) + 1
        path.write_text(text + bomb(), encoding="utf-8")
    done, seconds = build_in_child(basic_project)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    first = done.stderr.splitlines()[0]
    assert first.startswith(f"{where}:{line}: YAML anchors and aliases (&l0) are not allowed"), first
    assert len(done.stderr) < 4000  # no message prints the expanded value
    assert seconds < 20
    assert not (basic_project / "site").exists()


def test_an_alias_alone_is_refused_too(basic_project):
    article(basic_project, "004-alias.md", FRONT + "authors: *someone\n")
    assert errors(basic_project) == [f"{SHOWN}/004-alias.md:7: YAML anchors and aliases (*someone) are not "
                                     "allowed in content files: write the value out (or put text starting "
                                     "with * in quotes)"]


def test_a_value_in_a_message_is_cut_to_80_characters(basic_project):
    article(basic_project, "004-long.md", FRONT.replace("title: 标题", "title: [" + "长" * 100_000 + "]"))
    [message] = errors(basic_project)
    assert message.startswith(f"{SHOWN}/004-long.md:2: title is not text: ['长长")
    assert message.endswith("…") and len(message.split("is not text: ")[1]) == 80


def test_a_long_unknown_key_is_shown_cut(basic_project):
    article(basic_project, "004-key.md", FRONT + "k" * 1000 + ": 1\n")  # PyYAML: a key is at most 1024
    [message] = problems(basic_project)
    assert message.startswith(f"{SHOWN}/004-key.md:7: warning: unknown key: kkk") and len(message) < 200


def test_pyyamls_own_words_are_cut_too(basic_project):
    article(basic_project, "004-tag.md", FRONT.replace("title: 标题", "title: !" + "x" * 100_000 + " 标题"))
    [message] = errors(basic_project)
    assert message.startswith(f"{SHOWN}/004-tag.md:2: YAML syntax error: '!' starts a YAML tag")
    assert len(message) < 400


# --- the closing fence ---

def test_an_indented_fence_inside_a_block_value_does_not_end_the_front_matter(basic_project):
    front = FRONT.replace("order: 4\n", "order: 4\nsubtitle: |\n  第一行\n  ---\n  第三行\nauthors: [张三]\n")
    article(basic_project, "004-fence.md", front, body="正文第一段。")
    site, found = load_site(load_config(basic_project))
    assert [str(p) for p in found if p.is_error] == []
    loaded = next(a for a in site.articles if a.slug == "fence")
    assert loaded.authors == ("张三",) and loaded.subtitle == "第一行\n---\n第三行"
    assert loaded.body == "正文第一段。\n"


def test_a_fence_with_trailing_spaces_still_closes(basic_project):
    path = basic_project / ISSUE / "004-spaces.md"
    path.write_text(f"---  \n{FRONT}---   \n\n正文。\n", encoding="utf-8")
    site, found = load_site(load_config(basic_project))
    assert [str(p) for p in found if p.is_error] == []
    assert next(a for a in site.articles if a.slug == "spaces").body == "正文。\n"


# --- values PyYAML or Python cannot hold: located problems, the other articles still load ---

def test_deep_nesting_is_a_located_problem(basic_project):
    article(basic_project, "004-deep.md", FRONT.replace("title: 标题", "title: " + "[" * 10_000))
    assert errors(basic_project) == [f"{SHOWN}/004-deep.md:2: lists or mappings nested more than 32 deep"]


def test_deep_nesting_stops_the_build_with_its_location_not_a_traceback(basic_project):
    article(basic_project, "004-deep.md", FRONT.replace("title: 标题", "title: " + "[" * 10_000))
    done, _ = build_in_child(basic_project)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0] == f"{SHOWN}/004-deep.md:2: lists or mappings nested more than 32 deep"


@pytest.mark.parametrize("key, line", [("order", 6), ("title", 2)])
def test_a_5000_digit_number_is_a_located_problem(basic_project, key, line):
    front = FRONT.replace("order: 4", "order: " + "1" * 5000) if key == "order" else \
        FRONT.replace("title: 标题", "title: " + "1" * 5000)
    article(basic_project, "004-big.md", front)
    [message] = errors(basic_project)
    assert message.startswith(f"{SHOWN}/004-big.md:{line}: a value that cannot be read: 1111")
    assert len(message) < 300


def test_full_width_digits_beyond_any_count_are_not_a_number(basic_project):
    article(basic_project, "004-wide.md", FRONT.replace("order: 4", "order: '" + "１" * 5000 + "'"))
    [message] = errors(basic_project)
    assert message.startswith(f"{SHOWN}/004-wide.md:6: order is not a whole number: '１１") and len(message) < 200


def test_a_lone_surrogate_escape_is_a_located_problem(basic_project):
    article(basic_project, "004-half.md", FRONT.replace("title: 标题", 'title: "标题\\ud800"'))
    assert errors(basic_project) == [f"{SHOWN}/004-half.md:2: a lone surrogate escape (\\ud800–\\udfff) is "
                                     "not a character: write the character itself"]


def test_a_lone_surrogate_stops_the_build_cleanly(basic_project):
    article(basic_project, "004-half.md", FRONT.replace("title: 标题", 'title: "\\ud800"'))
    done, _ = build_in_child(basic_project)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{SHOWN}/004-half.md:2: a lone surrogate escape")


def test_an_escaped_surrogate_pair_is_the_character_it_encodes(basic_project):
    article(basic_project, "004-pair.md", FRONT.replace("title: 标题", 'title: "笑\\ud83d\\ude00"'))
    site, found = load_site(load_config(basic_project))
    assert [str(p) for p in found if p.is_error] == []
    assert next(a for a in site.articles if a.slug == "pair").title == "笑😀"


# --- content/ hygiene: droppings are skipped, special files are never opened ---

def test_editors_and_os_droppings_are_ignored(basic_project):
    before = problems(basic_project)
    folder = basic_project / ISSUE
    os.symlink("someone@host.1234:1700000000", folder / ".#004-draft.md")  # Emacs: a dangling link
    for name in ["004-draft.md~", ".004-draft.md.swp", "~$004-draft.md", ".DS_Store", "#004-draft.md#",
                 "Thumbs.db", "004-draft.md.bak"]:
        (folder / name).write_bytes(b"\x00\x01 not text")
    (basic_project / "content" / ".DS_Store").write_bytes(b"\x00")
    (basic_project / "content" / "bayinguoleng-daily" / ".DS_Store").write_bytes(b"\x00")
    (basic_project / "content" / ".git").mkdir()
    assert problems(basic_project) == before
    done, _ = build_in_child(basic_project)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", ["004-upper.MD", "004-upper.markdown", "004-upper.Markdown"])
def test_markdown_under_other_extensions_is_published(basic_project, name):
    article(basic_project, name)
    site, found = load_site(load_config(basic_project))
    assert [str(p) for p in found if p.is_error] == []
    assert next(a for a in site.articles if a.slug == "upper").url == f"{SHOWN[8:]}/004-upper.html"


def test_a_symlink_to_dev_zero_is_refused_not_read(basic_project):
    os.symlink("/dev/zero", basic_project / ISSUE / "004-zero.md")
    done, seconds = build_in_child(basic_project)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.stderr.splitlines()[0] == f"{SHOWN}/004-zero.md: a symbolic link that leads out of content/: not read"
    assert seconds < 20


def test_a_named_pipe_is_refused_without_hanging(basic_project):
    os.mkfifo(basic_project / ISSUE / "004-pipe.md")
    os.mkfifo(basic_project / "content/altay-daily/2023-05-30/issue.yaml.tmp")  # not content: ignored
    done, seconds = build_in_child(basic_project)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines()[0] == f"{SHOWN}/004-pipe.md: not a regular file: not read"
    assert seconds < 20


def test_an_issue_yaml_that_is_a_pipe_is_refused(basic_project):
    path = basic_project / "content/altay-daily/2023-05-30/issue.yaml"
    path.unlink()
    os.mkfifo(path)
    assert errors(basic_project) == ["content/altay-daily/2023-05-30/issue.yaml: not a regular file: not read"]


def test_a_symlink_out_of_content_is_not_followed(basic_project, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(f"---\n{FRONT}---\n\n私人文件。\n", encoding="utf-8")
    os.symlink(secret, basic_project / ISSUE / "004-secret.md")
    os.symlink(tmp_path, basic_project / "content" / "elsewhere")
    assert sorted(errors(basic_project)) == [
        f"{SHOWN}/004-secret.md: a symbolic link that leads out of content/: not read",
        "content/elsewhere: a symbolic link that leads out of content/: not read",
    ]


def test_a_symlink_inside_content_is_read(basic_project):
    source = article(basic_project, "004-linked.md")
    shared = basic_project / "content" / "_shared"
    shared.mkdir()
    source.rename(shared / "004-linked.md")
    os.symlink(shared / "004-linked.md", basic_project / ISSUE / "004-linked.md")
    site, found = load_site(load_config(basic_project))
    assert [str(p) for p in found if p.is_error] == []
    assert any(a.slug == "linked" for a in site.articles)


def test_a_content_file_over_the_size_limit_is_refused(basic_project):
    article(basic_project, "004-huge.md", body="字" * (MAX_FILE_BYTES // 3 + 10))
    assert errors(basic_project) == [f"{SHOWN}/004-huge.md: larger than 16 MB: not read (is it really one article?)"]


def test_an_alias_bomb_in_an_import_sidecar_is_refused(tmp_path):
    sidecar = tmp_path / "000.yaml"
    sidecar.write_text("publication: 巴音郭楞日报\n" + bomb(), encoding="utf-8")
    script = ("import sys; from pathlib import Path; from generator.ingest.sidecar import read_sidecar; "
              "print(*read_sidecar(Path(sys.argv[1]))[1], sep='\\n')")
    done = subprocess.run([sys.executable, "-c", script, str(sidecar)], capture_output=True, text=True,
                          timeout=SECONDS, preexec_fn=_limit_memory)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.stdout.startswith(f"{sidecar}:2: YAML anchors and aliases (&l0) are not allowed")
    assert len(done.stdout) < 1000
