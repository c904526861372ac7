"""`gazette import` on inputs it was not tuned on: the four seeds, mutated.

"More issues, from other publications and other layouts, will come." Every
mutation below must either import into a content folder that the build
loads and `gazette check` passes, keeping (nearly) all of the text, or stop
with a one-line message that names the file (and the line where there is
one) and writes nothing. Never a traceback, never text silently dropped.
"""
from __future__ import annotations

import codecs
import datetime as dt
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import opencc
import pytest
import yaml

from generator.check import check_content
from generator.cli import main
from generator.config import load_config
from generator.content.site import load_site
from generator.content.load import load_content
from generator.ingest.furniture import furniture_lines, read_toc
from generator.ingest.metadata import read_issue_facts
from generator.ingest.read import read_raw

REPO = Path(__file__).resolve().parent.parent.parent
RAW = REPO / "raw"
EXPECTED = REPO / "tests" / "fixtures" / "expected"
SEEDS = ["000_4b068101b9df753c", "001_f2234381d2a682df", "002_f298dd8e9d14375d", "004_4081e1e09752621e"]
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
COVERAGE = 0.95  # share of the input's Han characters (furniture aside) that must reach some article

UYGHUR = "ئۇيغۇر تىلىدىكى خەۋەر: شىنجاڭ ئۇيغۇر ئاپتونوم رايونى بويىچە"
KAZAKH = "Қазақ тіліндегі жаңалықтар: Алтай аймағы, Іле Қазақ автономиялық облысы"
KAZAKH_ARABIC = "قازاق تىلىندەگى جاڭالىقتار: التاي ايماعى"
JUNK_LINES = ["……", "2023 08 11 0001", "Lorem ipsum dolor sit amet", "!!!???", "——————", "12345",
              "ABC-123/xyz", "。。。", "#", "*", "---", "|||", "(1)", "www.example.com"]


# --- mutations: text → text -------------------------------------------------------------------

def _wrap(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        out += [line[i:i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(out)


def _sprinkle(text: str, extra: list[str], every: int) -> str:
    out = []
    for i, line in enumerate(text.split("\n")):
        out.append(line)
        if i % every == every // 2:
            out.append(extra[(i // every) % len(extra)])
    return "\n".join(out)


def _half_width(text: str) -> str:
    """Chinese punctuation typed half-width, and every third digit or Latin letter full-width."""
    text = text.translate(str.maketrans("，。：；！？（）", ",.:;!?()"))
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() and i % 3 == 0 else c
                   for i, c in enumerate(text))


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _one_paragraph(text: str) -> str:
    body = "".join(line.strip() for line in text.split("\n"))
    return (body * (200_000 // len(body) + 1))[:200_000]


def _headlines_only(seed: str) -> str:
    labels = yaml.safe_load((EXPECTED / f"{seed[:3]}.yaml").read_text(encoding="utf-8"))
    return "\n\n".join(a["title"] for a in labels["articles"] if a.get("title"))


def _masthead_only(seed: str) -> str:
    sidecar = yaml.safe_load((RAW / f"{seed}.yaml").read_text(encoding="utf-8"))
    date = sidecar.get("date") or dt.date(2023, 5, 30)
    return (f"{sidecar['publication']}\n\n{date.year}年{date.month}月{date.day}日\n\n星期二\n\n总第10246期\n\n"
            "今日4版\n\n新闻热线：0906-2125551\n\n扫码看新闻\n")


TEXT_MUTATIONS = {
    "unchanged": lambda t, s: t,
    "no-blank-lines": lambda t, s: "\n".join(line for line in t.split("\n") if line.strip()),
    "wrapped-at-12": lambda t, s: _wrap(t, 12),
    "wrapped-at-25": lambda t, s: _wrap(t, 25),
    "trailing-garbage": lambda t, s: t + "\n~~~@@@###$$$%%%^^^&&&***\n" + "ÿþý" * 20 + "\n<<<>>>\n",
    "masthead-only": lambda t, s: _masthead_only(s),
    "headlines-only": lambda t, s: _headlines_only(s),
    "one-200k-paragraph": lambda t, s: _one_paragraph(t),
    "junk-lines": lambda t, s: _sprinkle(t, JUNK_LINES, 7),
    "half-width-punctuation": lambda t, s: _half_width(t),
    "full-width-ascii": lambda t, s: _full_width(t),
    "markdown-heading-on-every-line": lambda t, s: "\n".join("# " + line if line.strip() else line
                                                             for line in t.split("\n")),
    "markdown-heading-on-short-lines": lambda t, s: "\n".join("## " + line if 0 < len(line.strip()) < 30 else line
                                                              for line in t.split("\n")),
    "traditional-characters": lambda t, s: opencc.OpenCC("s2t").convert(t),
    "uyghur-and-kazakh-lines": lambda t, s: _sprinkle(t, [UYGHUR, KAZAKH, KAZAKH_ARABIC], 5),
    "truncated-mid-sentence": lambda t, s: t[: len(t) // 2].rstrip("。！？\n") + "，而且",
    "tabs-for-spaces": lambda t, s: t.replace(" ", "\t"),
    "letter-spaced": lambda t, s: " ".join(t),
    "printed-twice": lambda t, s: t + "\n\n" + t,
    "stray-control-characters": lambda t, s: t.replace("。", "。\x1f", 2),
}

# --- mutations: text → bytes -------------------------------------------------------------------

BYTE_MUTATIONS = {
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "utf8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf16-bom": lambda t: t.encode("utf-16"),
    "utf16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "nul-byte": lambda t: t[: len(t) // 3].encode() + b"\x00" + t[len(t) // 3:].encode(),
    "zero-filled-tail": lambda t: t.encode()[: len(t.encode()) // 2] + b"\x00" * 4096,
    "random-binary": lambda t: random.Random(1).randbytes(5000),
    "cut-inside-a-character": lambda t: t.encode()[: t.encode().index("。".encode(), len(t.encode()) // 2) + 1],
    "one-bad-byte": lambda t: (lambda b: b[: len(b) // 2] + b"\xff" + b[len(b) // 2:])(t.replace("。", "。\n").encode()),
    "trailing-binary-garbage": lambda t: t.encode() + random.Random(2).randbytes(200).replace(b"\x00", b"?"),
}

# Mutations that cannot be imported: the message must say why, and where when a line is known.
REFUSED = {
    "masthead-only": (None, "no article text"),
    "nul-byte": (True, "NUL byte"),
    "zero-filled-tail": (True, "NUL byte"),
    "random-binary": (False, "not text"),
    "cut-inside-a-character": (True, "cut short"),
    "one-bad-byte": (True, "not UTF-8"),
    "trailing-binary-garbage": (True, "not UTF-8"),
}


def _project(tmp_path: Path, seed: str, data: bytes) -> Path:
    raw = tmp_path / "issue.txt"
    raw.write_bytes(data)
    shutil.copy(RAW / f"{seed}.yaml", tmp_path / "issue.yaml")  # the sidecar: publication, date, region
    return raw


def _import(tmp_path: Path, raw: Path, capsys) -> tuple[int, str, str]:
    code = main(["-C", str(tmp_path), "import", str(raw)])  # an exception here fails the test with its traceback
    out, err = capsys.readouterr()
    return code, out, err


def _without_furniture(seed: str) -> str:
    """The seed with its furniture lines blanked, furniture as the importer judges the seed itself:
    a mutation applied to this gives the text the import of the mutated seed must keep. (Judging
    furniture on the mutated text instead would excuse a furniture rule that eats body lines.)"""
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    publication = yaml.safe_load((RAW / f"{seed}.yaml").read_text(encoding="utf-8"))["publication"]
    lines = text.split("\n")
    facts = read_issue_facts(lines)
    skip = furniture_lines(lines, publication, (facts.name[0],) if facts.name else ()) | set(read_toc(lines).lines)
    return "\n".join("" if i in skip else line for i, line in enumerate(lines))


def _han_of_articles(articles) -> Counter:
    found = Counter()
    for a in articles:
        for value in (a.title, a.subtitle, a.column, a.editor, a.source, a.body, *a.authors, *a.photographers):
            found.update(HAN.findall(value or ""))
    return found


def coverage(want: Counter, got: Counter) -> float:
    total = sum(want.values())
    return sum(min(n, got[c]) for c, n in want.items()) / total if total else 1.0


def _assert_outcome(tmp_path: Path, raw: Path, name: str, seed: str, capsys, want: Counter) -> None:
    """`want`: the Han characters of the mutated input that are not furniture."""
    code, out, err = _import(tmp_path, raw, capsys)
    assert "Traceback" not in out + err
    content = tmp_path / "content"
    if code != 0 or name in REFUSED:
        assert code == 1, f"{name}: expected a refusal, got exit {code}: {out}{err}"
        messages = [line for line in err.splitlines() if line and not line.startswith("gazette import:")]
        first = next(line for line in messages if ": warning: " not in line)
        assert first.split(":")[0].endswith("issue.txt"), err  # names the file…
        located, words = REFUSED.get(name, (None, ""))
        if located:
            assert re.match(r"^[^:]*issue\.txt:\d+: ", first), err  # …and the line
        assert words in first, err
        assert not any(content.rglob("*.md")), "nothing may be written when the import stops"
        return
    pubs, issues, articles, problems = load_content(content, tmp_path)
    assert problems == [] and len(issues) == 1 and articles
    if name == "printed-twice":  # the second copy of each article is written once (with a warning)
        want = Counter({c: n // 2 for c, n in want.items()})
        assert "warning: the same article as at line" in err
    share = coverage(want, _han_of_articles(articles))
    assert share >= COVERAGE, f"{name}: only {share:.1%} of the text reached an article"
    # what `gazette check` finds in content; the site is built and checked once for all of them below
    site, problems = load_site(load_config(tmp_path))
    assert [str(p) for p in problems + check_content(site) if p.is_error] == []


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", list(TEXT_MUTATIONS))
def test_mutated_text_imports_cleanly_or_is_refused_clearly(tmp_path, capsys, seed, name):
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    raw = _project(tmp_path, seed, TEXT_MUTATIONS[name](text, seed).encode("utf-8"))
    mutate = TEXT_MUTATIONS[name]
    # furniture blanked before the mutation; `&` keeps what both have (one-200k-paragraph repeats
    # the text to a length, so the blanked version holds more repeats of the body)
    want = Counter(HAN.findall(mutate(_without_furniture(seed), seed))) & Counter(HAN.findall(mutate(text, seed)))
    _assert_outcome(tmp_path, raw, name, seed, capsys, want)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", list(BYTE_MUTATIONS))
def test_mutated_bytes_import_cleanly_or_are_refused_clearly(tmp_path, capsys, seed, name):
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    raw = _project(tmp_path, seed, BYTE_MUTATIONS[name](text))
    _assert_outcome(tmp_path, raw, name, seed, capsys, Counter(HAN.findall(_without_furniture(seed))))


@pytest.mark.parametrize("name", ["crlf", "cr", "gb18030", "utf8-bom", "utf16-bom", "utf16-be-bom"])
def test_encodings_and_line_ends_import_the_very_same_articles(tmp_path, capsys, name):
    seed = SEEDS[1]
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    plain, mutated = tmp_path / "plain", tmp_path / "mutated"
    for folder, data in ((plain, text.encode("utf-8")), (mutated, BYTE_MUTATIONS[name](text))):
        folder.mkdir()
        raw = _project(folder, seed, data)
        assert _import(folder, raw, capsys)[0] == 0
    bodies = [[(a.title, a.body) for a in load_content(f / "content", f)[2]] for f in (plain, mutated)]
    assert bodies[0] == bodies[1]


def test_a_refused_import_leaves_an_existing_issue_untouched(tmp_path, capsys):
    seed = SEEDS[0]
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    raw = _project(tmp_path, seed, text.encode("utf-8"))
    assert _import(tmp_path, raw, capsys)[0] == 0
    before = {p: p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()}
    raw.write_bytes(BYTE_MUTATIONS["cut-inside-a-character"](text))
    assert _import(tmp_path, raw, capsys)[0] == 1
    assert {p: p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()} == before


def test_an_archive_of_every_mutated_import_builds_and_passes_gazette_check(tmp_path, capsys):
    """Each mutation of two newspaper issues as a publication of its own, in one archive:
    `gazette check` (which builds the whole site) finds no error in any of them."""
    imported = 0
    for seed in (SEEDS[0], SEEDS[3]):
        text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
        inputs = [(n, m(text, seed).encode("utf-8")) for n, m in TEXT_MUTATIONS.items()]
        inputs += [(n, m(text)) for n, m in BYTE_MUTATIONS.items() if n not in REFUSED]
        for n, (name, data) in enumerate(inputs):
            raw = tmp_path / f"{seed[:3]}-{name}.txt"
            raw.write_bytes(data)
            sidecar = yaml.safe_load((RAW / f"{seed}.yaml").read_text(encoding="utf-8"))
            sidecar.update(publication=f"{sidecar['publication']}{seed[:3]}{n:02d}", slug=f"p{seed[:3]}-{name}")
            raw.with_suffix(".yaml").write_text(yaml.safe_dump(sidecar, allow_unicode=True), encoding="utf-8")
            imported += main(["-C", str(tmp_path), "import", str(raw)]) == 0  # refusals: tested above
    capsys.readouterr()
    assert imported >= 40
    assert main(["-C", str(tmp_path), "check"]) == 0, capsys.readouterr().err


def test_text_in_no_article_is_reported_by_line_never_dropped_silently(tmp_path, capsys):
    raw = tmp_path / "issue.txt"
    body = "本报库尔勒8月10日讯（记者 李明）今年香梨种植面积稳定，产量预计增长，果农们正忙着采摘。" * 6
    raw.write_text(f"库尔勒香梨喜获丰收\n\n{body}\n\n[责任编辑:王芳]\n\n博湖县举办渔业节\n", encoding="utf-8")
    args = ["-C", str(tmp_path), "import", str(raw), "--publication", "巴音郭楞日报", "--date", "2023-08-11"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "left out" not in err  # a headline with no text under it ends the nearest article instead
    [article] = (tmp_path / "content").rglob("001-*.md")
    assert article.read_text(encoding="utf-8").rstrip().endswith("博湖县举办渔业节")
    raw.write_text("库尔勒香梨喜获丰收\n\n博湖县举办渔业节\n\n焉耆县葡萄迎来采摘季\n", encoding="utf-8")
    assert main(args + ["--force"]) == 1
    [message, summary] = capsys.readouterr().err.splitlines()
    assert message.startswith(f"{raw}:1: 100% of the text would be in no article (")  # the file as it can be found from here
    assert summary.startswith("gazette import: stopped, 1 error, 0 warnings;")
