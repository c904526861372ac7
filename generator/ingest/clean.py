"""Text-level cleaning rules for OCR/PDF text, each a small pure function.

Chinese text is set without spaces; PDF extraction inserts them (着 力 点 。),
wraps lines mid-word, doubles headline text, and mixes half-width punctuation
into Chinese sentences. These functions undo that without touching Latin
words, numbers or the middle dot of transliterated names.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache

from ..text.han import HAN_CLASS as CJK  # the Han characters, inside a [...] class

# Full-width punctuation and the typographic marks used in Chinese text.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·《》〈〉「」『』【】〔〕"
_HAS_CJK = re.compile(f"[{CJK}]")
_SPACE_AROUND_CJK = re.compile(f"(?<=[{CJK}{CJK_PUNCT}])[ \t]+(?=[{CJK}{CJK_PUNCT}0-9])"
                               f"|(?<=[{CJK}{CJK_PUNCT}0-9])[ \t]+(?=[{CJK}{CJK_PUNCT}])")
_STOPS = "，。、：；！？,.:;!?"  # in headlines, spaces at quotes and brackets may separate phrases
_SPACE_AROUND_PUNCT = re.compile(f"[ \t]+(?=[{_STOPS}])|(?<=[{_STOPS}])[ \t]+")
_SPACE_DIGIT_CJK = re.compile(f"(?<=[0-9])[ \t]+(?=[{CJK}])|(?<=[{CJK}])[ \t]+(?=[0-9])")
_SPACES = re.compile(r"[ \t]{2,}")
_ASCII_ALNUM = string.ascii_letters + string.digits
_LATIN_END = frozenset(_ASCII_ALNUM + "%.,;:!?)]'\"-")  # a line ending so may go on with a Latin word
_LATIN_START = frozenset(_ASCII_ALNUM + "(['\"")  # … and a line opening so may be that word
_TERMINAL = "。！？!?；;…"
_CLOSERS = "”’」』\"'"
_PARENS = "）)〕】]"
# 避头尾: marks a typesetter never sets at a line's start, and opening marks never at its end
NO_LINE_START = frozenset("。，、；：？！）》」』”’…—·%,.;:?!)]")
NO_LINE_END = frozenset("（《「『“‘([")
_MARKS = str.maketrans("?!", "？！")
_HALF_MARK = re.compile(r"[(,:;?!]")  # what to_fullwidth may change
_ADDRESS = re.compile(r"https?://|@[A-Za-z0-9]")
_INNER_PARENS = re.compile(r"\(([^()\n]*)\)")
_HALF_COMMA = re.compile(r"(?<![0-9]),|,(?![0-9])")
_HALF_COLON = re.compile(r"(?<![0-9]):|:(?![0-9])")
_HALF_STOPS = re.compile(f"(?<=[{CJK}{CJK_PUNCT}])[?!]+")


def has_cjk(text: str) -> bool:
    return bool(_HAS_CJK.search(text))


def remove_cjk_spaces(text: str) -> str:
    """Drop spaces that touch Chinese characters or full-width punctuation (body text)."""
    if " " not in text and "\t" not in text:
        return text  # the common case, without a regex scan
    return _SPACE_AROUND_CJK.sub("", text)


_ONE_MARK = re.compile(f"[{CJK_PUNCT}]")


def _is_single(token: str) -> bool:
    """One character of a letter-spaced run: a Han character, a full-width mark (（ 党 委 ）) or a
    digit (2 0 2 5 年)."""
    return len(token) == 1 and (has_cjk(token) or _ONE_MARK.fullmatch(token) is not None or token.isdigit())


def unspace_runs(text: str) -> str:
    """Join letter-spaced runs (3+ single characters) and spaces at punctuation and digits.

    For headlines, where a single space between phrases is meaningful
    (抓住机遇扬长补短 开创高质量发展新局面) and must stay; in a letter-spaced line the phrase
    break is the wider gap (机 关  以 高 质 量 → 机关 以高质量).
    """
    phrases = _SPACES.split(text.strip())
    if len(phrases) > 1 and all(len(p.split(" ")) >= 3 for p in phrases):
        return " ".join(unspace_runs(phrase) for phrase in phrases)
    tokens = _SPACES.sub(" ", text.strip()).split(" ")
    out: list[str] = []
    run: list[str] = []
    for token in tokens + [""]:
        if token and _is_single(token):
            run.append(token)
            continue
        if len(run) >= 3:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if token:
            out.append(token)
    joined = " ".join(out)
    joined = _SPACE_AROUND_PUNCT.sub("", joined)
    return _SPACE_DIGIT_CJK.sub("", joined)


def join_lines(lines) -> str:
    """Join hard-wrapped lines: no space inside Chinese, one space between Latin words.

    A number the wrap split inside Chinese text (电话：09 / 96-1234567, 20 / 23年) is one
    number again: between digits, a line break in a Chinese line is no word boundary."""
    text, last = "", ""
    for line in lines:
        text, last = join_more(text, last, line)
    return text


def join_more(text: str, last: str, line: str) -> tuple[str, str]:
    """(text, last line) after one more hard-wrapped line: only the ends of the text are read, so
    a paragraph of many lines is joined in linear time."""
    line = line.strip()
    if not line:
        return text, last
    end = text[-1:]  # (sets, not regexes: asked of every line of every paragraph)
    if end in _LATIN_END and line[0] in _LATIN_START and not (
            end in ".,;:!?" and has_cjk(text[-3:])) and not (
            end.isdigit() and line[0].isdigit() and has_cjk(last)):
        return f"{text} {line}", line
    return text + line, line


def _fullwidth_parens(match: re.Match) -> str:
    inner = match.group(1)
    before = match.string[max(0, match.start() - 1):match.start()]
    if has_cjk(inner) or has_cjk(before):
        return f"（{inner}）"
    return match.group(0)


def to_fullwidth(text: str) -> str:
    """Half-width punctuation inside Chinese text → full-width (, → ，, ( → （…).

    Commas and colons between digits (1,000 / 10:30), URLs and e-mail addresses
    are left alone; lines without Chinese are not touched.
    """
    if not _HALF_MARK.search(text) or not has_cjk(text) or _ADDRESS.search(text):
        return text  # most Chinese lines have no half-width mark: nothing to change
    inner = None
    while inner != text:  # nested brackets, innermost first: cleaning cleaned text changes nothing
        inner, text = text, _INNER_PARENS.sub(_fullwidth_parens, text)
    text = _HALF_COMMA.sub("，", text)
    text = _HALF_COLON.sub("：", text)
    text = text.replace(";", "；")
    # a run of marks after Chinese (？? or ?!), all at once: one by one would leave the second
    return _HALF_STOPS.sub(lambda m: m.group(0).translate(_MARKS), text)


_PAIRED_MIN = 6  # characters of a headline before every character printed twice is taken for a doubled layer


def _paired(word: str) -> bool:
    return len(word) >= 2 and len(word) % 2 == 0 and word[0::2] == word[1::2]


def collapse_doubled(text: str) -> str:
    """十四运促巴州十四运促巴州 → 十四运促巴州 (a PDF layer printed twice, or more: a layer
    doubled again is halved again, so a cleaned headline cleans to itself); 凌凌格格：：做做 → 凌格：做
    (each character printed twice)."""
    n = len(text)
    if n < 4 or text[0] != text[1] and (n % 2 or text[0] != text[n // 2]):
        return text  # (most lines: neither a first character printed twice nor a first half repeated)
    while len(text.replace(" ", "")) >= _PAIRED_MIN and all(_paired(part) for part in text.split(" ")):
        text = " ".join(part[0::2] for part in text.split(" "))
    n = len(text)
    while n >= 4 and n % 2 == 0 and text[: n // 2] == text[n // 2:]:
        text = text[: n // 2]
        n = len(text)
    return text


def ends_sentence(text: str) -> bool:
    """Does the text end a sentence (so a line break after it may be a paragraph break)?"""
    text = text.rstrip()
    if not text:
        return True
    if text[-1] in _PARENS or text[-1] in _TERMINAL:
        return True
    if text[-1] not in _CLOSERS:
        return False
    text = text.rstrip(_CLOSERS)
    return bool(text) and text[-1] in _TERMINAL


def clean_body(text: str) -> str:
    """A joined body paragraph in its final form."""
    return remove_cjk_spaces(to_fullwidth(_SPACES.sub(" ", text.strip())))


@lru_cache(maxsize=1 << 12)
def clean_heading(text: str) -> str:
    """A headline in its final form: letter-spacing and doubling undone, phrases kept apart.
    (Cached: the segmenter asks it of each headline line again at every step of its group.)"""
    text = to_fullwidth(unspace_runs(text.lstrip("#◆■●◇□ ").strip()))
    return collapse_doubled(text)


BRACKET_SPAN = 80  # characters before a line break searched for an open bracket: one left open longer was never closed
MARK_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("(", ")"), ("《", "》"))  # quotation marks and brackets


def continues_across(before: str, after: str) -> bool:
    """Does `after` finish a quotation or bracket left open at the end of `before`?
    (…通过“月 / 调季评”严控… — the text between them was set into the column from elsewhere.)"""
    before = before[-BRACKET_SPAN:]
    for left, right in MARK_PAIRS:
        if before.count(left) > before.count(right) and right in after \
                and (left not in after or after.index(right) < after.index(left)):
            return True
    return False


def seen_joined(before: str, after: str, text: str) -> bool:
    """Do the two characters a break joins (…高质量 | 发展…: 量发) stand side by side elsewhere in
    the issue's `text`? Then the break reads as running text, not as the end of one piece."""
    return bool(before) and bool(after) and before[-1] + after[0] in text
