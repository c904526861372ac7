"""Tokens → articles in reading order.

Two page layouts are recognised from the text itself, page by page: headlines
printed above their bodies (the usual case), and headlines printed after them
(PDF text of some front pages, where every body comes first). Within the usual
layout a headline left over between two articles closes the one before it
when that one had none (a byline opened it). Headline groups are split into
kicker (引题), title, subtitle (副题), column and magazine author lines;
a headline inside a running article is a subheading unless a byline, a
dateline, an author line or a photo credit shows that a new article starts.
A captioned photo printed between two articles stands alone as a photo item.

Magazines whose articles close with editor lines ([责任编辑:…]) give one more
certainty, used after the walk: every real article ends with closing lines.
So a piece with closing lines set before a headed piece that breaks off
mid-sentence is one article (columns out of order), a short section that
breaks off mid-sentence after an article's closing lines belongs to it, and
short pieces after the last closing line are back matter (covers, ads), kept
as items of their own.

A story that breaks off mid-sentence before a headed story takes back its
rest from the end of that story when the words say so (interleave.py).

No text is left behind: a headline line its group has no field for goes to the
nearest article (a caption of the closed article before it, or the kicker,
column or first subheading of the article it heads), and a headline with no
text under it opens the next article or ends the last.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..i18n import N_
from ..text.han import han_pairs
from ..text.words import cuts_word
from . import metadata as md
from .clean import CJK, clean_body, clean_heading, ends_sentence
from .furniture import Toc, toc_key
from .headline import split_headline, told_share
from .interleave import Opening, rejoin_interleaved
from .likeness import Rarity, rarity, share
from .titles import BRIEF_WORDS, DOCUMENT_NUMBER, HEAD_END_OK, NOTICE_TITLE, is_byline_name, is_wide_title, split_column_tag
from .lines import page_width
from .tokens import Token, lead_under, page_spans

PHOTO_MAX = 320  # characters of caption text for a photo to stand as its own article
_SECTION_MAX = 12  # characters of a subheading-sized headline
_BACK_MATTER_MAX = 800  # characters: a back cover or an advertisement is short
_TITLE_MIN = 6  # characters of a headline long enough to stand over an author line


@dataclass(frozen=True)
class LeftOut:
    """A piece of the text that is in no article, and why: segmentation may decide that a
    headline has nothing under it or that a magazine's last pages are back matter, but the
    import must say so (naming the line), never drop text silently."""

    line: int
    text: str  # its headline and text, as printed (cleaned)
    why: str


@dataclass
class Draft:
    """An article being put together (mutable only inside this module)."""

    line: int
    title: str | None = None
    subtitle: str | None = None
    column: str | None = None
    page: int | None = None
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): para, sub, caption, note
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    dateline: md.Dateline | None = None
    source: str | None = None
    editor: str | None = None
    continued: str | None = None
    role: str | None = None
    closed: bool = False
    credited: bool = False  # a photo credit was printed in it
    credit_outlet: str | None = None  # the agency a photo credit in it names (新华社记者…摄)
    resumed: bool = False  # its 下转 jump has been followed to the 上接 text
    opened_by: str = "body"  # heads, byline, dateline, body
    title_line: int | None = None
    kicker: str | None = None  # a kicker or page banner over the title, when a deck took the subtitle
    page_name: str | None = None  # the name its page's folio prints (要闻, 综合): its column until a label says more
    unplaced: bool = False  # text no article claims (a magazine's back matter), kept as an item of its own
    photo_above: list[tuple[str, str]] = field(default_factory=list)  # a photo printed over its headline
    lines: set[int] = field(default_factory=set)  # raw lines (1-based) of the tokens it took: its 原文

    def absorb(self, other: Draft) -> None:
        """Take the raw lines of a draft merged into this one."""
        self.lines |= other.lines

    @property
    def has_body(self) -> bool:
        return any(kind in ("para", "caption", "note") for kind, _ in self.blocks)

    @property
    def paragraphs(self) -> str:
        """Its paragraphs' text, one a line: what the story says (likeness.py compares it)."""
        return "\n".join(text for kind, text in self.blocks if kind == "para")

    @property
    def is_photo(self) -> bool:
        """Is it a photo and nothing else (its caption all its text)?"""
        return bool(self.blocks) and all(kind == "caption" for kind, _ in self.blocks)

    @property
    def has_note(self) -> bool:
        return any(kind == "note" for kind, _ in self.blocks)

    def take_photo_above(self) -> bool:
        """Set the photo printed over the headline into the text (after the lead, as a photo beside
        the lead would be); whether there was one."""
        photo, self.photo_above = self.photo_above, []
        self.blocks.extend(photo)
        return bool(photo)

    def body_chars(self) -> int:
        return sum(len(text) for kind, text in self.blocks if kind != "sub")


_GROUP_MIN = 3  # headline lines standing together: a story's head group (a crosshead stands alone, or two set in parallel)
_GROUP_LINE_MIN = 4  # characters of each of them
_CROSSHEAD_MAX = 17  # characters: a crosshead inside a story is short; a line longer is a headline
_COHERENT = 0.04  # likeness of a crosshead's section to its story's text above it (likeness.py)
_UNSEEN = 20  # paragraphs of other stories assumed around a short issue when weighing pairs
_STORIES_BEFORE = 3  # stories before the running one that a crosshead's section must lean away from
_LEANS = 1.5  # … by this factor of likeness
_EDITOR_CLOSED_MIN = 3  # editor lines in a text whose articles each close with one (a magazine)


def _is_headline_length(text: str) -> bool:
    """Is a headline line too long for a crosshead (which ends a section's lead-in with —— or a
    colon, or names it in a few words)? Then it opens an article even with no byline under it."""
    return len(text.replace(" ", "")) > _CROSSHEAD_MAX and not text.endswith(HEAD_END_OK)


def _split_toc_author(title: str, entry: str) -> tuple[str, tuple[str, ...]]:
    """A headline printed run together with its author (奏响乡村振兴新乐章蒲巧英) is split as
    the table of contents prints it (奏响乡村振兴新乐章 蒲巧英)."""
    words = entry.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if toc_key(head + tail) == toc_key(title) and md.is_author_line(tail):
            return head, md.split_names(tail)
    return title, ()


def _is_deck(text: str) -> bool:
    """A line that reads as a headline's deck (副题), not a wrapped fragment or an author."""
    text = text.strip()
    return not md.is_author_line(text) and (text.startswith("——") or " " in text or len(text) >= 16)


def _banner(text: str) -> str | None:
    """「一线传真」 → 一线传真: a column's name set in brackets as a banner."""
    match = re.fullmatch(r"[「【〖\[](.{2,12})[」】〗\]]", text)
    return match.group(1) if match else None

_SIGNED_MIN = 0.25  # share of an issue's headlines (crossheads counted) with a byline or lead under them in a signed issue
_SIGNED_ANY = 2  # stories signed under their headline: enough to call the issue signed, crossheads however many
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])")


def _is_signed_issue(tokens: list[Token]) -> bool:
    """Do most of this issue's headlines have a byline or a lead (本报讯, a dateline) under them?
    Then a short headline with neither, inside a story, is a crosshead; in an issue whose stories
    carry no byline (commentary pages, reprints, news in brief) that says nothing by itself."""
    signed = headed = 0
    for before, token in zip(tokens, tokens[1:]):
        if before.kind == "head" and token.kind != "head":
            headed += 1
            signed += token.kind in ("byline", "author") or bool(token.dateline)
    return not headed or signed >= min(_SIGNED_ANY, _SIGNED_MIN * headed)


_MARKS = "■□◆◇●○▲△★☆•"  # typographic marks set before a crosshead or a list's items


def _mark(text: str) -> str | None:
    """The typographic mark a line opens with (■生态有了“价格标签”), if any."""
    text = text.lstrip()
    return text[0] if text[:1] and text[0] in _MARKS else None


def _marked_headline(text: str) -> bool:
    """A marked line of a headline's length (◆新疆阿克苏地区加强融合发展打造区域人才高地) heads an
    item of its own, as a compilation of short reports marks each one. A short marked line
    (■生态有了“价格标签”) is how a feature marks its crossheads: it is read as any short
    headline line is, its mark shared with the story's other crossheads (`_marked_alike`)."""
    return _mark(text) is not None and len(text.lstrip()[1:].replace(" ", "")) > _CROSSHEAD_MAX


def _parallel(a: str, b: str) -> bool:
    """Two crossheads of one story are set in parallel (对仗): the same numbering (一、/（二）),
    the same spaced halves (强信心 为…作贡献 / 抓落实 推动…见效) or the same ending (…起来).
    Neighbouring headlines of different stories rarely match so."""
    if _NUMBERED.match(a) and _NUMBERED.match(b):
        return True
    halves_a, halves_b = a.split(), b.split()
    if len(halves_a) >= 2 and len(halves_a) == len(halves_b) \
            and all(abs(len(x) - len(y)) <= 1 for x, y in zip(halves_a, halves_b)):
        return True
    return len(a) >= 4 and a[-2:] == b[-2:]


def _same_length(a: str, b: str) -> bool:
    """Crossheads are often set to one length, give or take a character; but so, by chance, are
    the headlines of two short stories, so this match needs the words to agree (`_Builder._coheres`)."""
    return len(a) >= 4 and abs(len(a.replace(" ", "")) - len(b.replace(" ", ""))) <= 1


def _recurring_heads(tokens: list[Token]) -> frozenset[str]:
    """Headline lines printed two or more times in one issue: a headline names one story, so a
    line over several (铸牢中华民族共同体意识, 民生关注) is a column label, whatever its length,
    never the headline of the story under it."""
    counts: dict[str, int] = {}
    for token in tokens:
        if token.kind == "head":
            text = clean_heading(token.text)
            counts[text] = counts.get(text, 0) + 1
    return frozenset(text for text, count in counts.items() if count >= 2)


def _refers_back(caption: str) -> bool:
    """A caption opening with 图为 (pictured: …) names what the photo shows and leans on the story
    around it for the rest: it illustrates the story it is printed after. A photo printed on its
    own between stories carries a caption that tells its news whole (3月17日，…)."""
    return caption.lstrip().startswith(("图为", "上图为", "下图为"))



@dataclass
class _Unit:
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None
    lines: tuple[str, ...] = ()  # a whole group of plain lines, for the headline evidence to split


_RETOLD_SHORT = 0.5  # share of a short headline's character pairs its lead retells (阿克陶 of 春回阿克陶)
_LABEL_MIN = 4  # characters of a banner or kicker line (神舟 / 天宫 / 嫦娥 are labels beside a story)
_NAMED_TITLE = re.compile(f"^[{CJK}·]{{2,10}}[：:]\\S")


def _main_unit(units: list[_Unit], heavy: frozenset[str] = frozenset()) -> _Unit:
    """The article's headline among several: a 姓名：… title, else the one title set in headline
    type (printed doubled), else the one over a dash deck (——…), else the one a kicker (…——)
    leads into, else the first that is not a short label."""
    named = [u for u in units if u.title and _NAMED_TITLE.match(u.title)]
    if named:
        main = named[0]
        if main is not units[0] and not main.column:
            main.column = units[0].title
        return main
    typed = [u for u in units if u.title in heavy]
    if len(typed) == 1:
        return typed[0]
    decked = [u for u in units if u.title and u.subtitle and u.subtitle.startswith("——")]
    if len(decked) == 1:
        return decked[0]
    kicked = [u for u in units if u.title and u.kicker and u.kicker.endswith(HEAD_END_OK)]
    if len(kicked) == 1 and units[0].title != kicked[0].kicker:
        return kicked[0]  # (a kicker leads into the headline: a title over it is the page's banner)
    return next((u for u in units if u.title and (len(u.title) > 6 or _quoted(u.title))), units[0])


def _quoted(title: str) -> bool:
    """“守艺人”: a line wholly in quotation marks is a headline (a feature's), never a column's label."""
    return len(title) > 2 and title[0] == "“" and title[-1] == "”" and title.count("“") == 1


def _is_plain_head(text: str) -> bool:
    """A headline line with no mark of its role: not a kicker (…——, …：), a deck (——…), a
    bracketed banner, a 姓名：… title or a title with its column tag (…（今日谈）)."""
    return not (text.startswith("——") or text.endswith(HEAD_END_OK) or _banner(text) or _NAMED_TITLE.match(text)
                or split_column_tag(text)[1])


def _units(heads: list[str], page_top: bool = False, group_max: int = 4, ends_story: bool = False,
           heavy: frozenset[str] = frozenset(), lead: str = "", labelled: bool = False) -> list[_Unit]:
    """Split a run of headline texts into headline units (kicker → title → subtitle). Which line of
    one unit's group is its headline is decided by the headline evidence (`headline.split_headline`,
    the one owner of that choice): three or four plain lines are one group (banner, kicker, title, deck).
    `ends_story`: the run may first end the story above (a page that prints headlines under their
    stories, or an untitled story waiting for its headline), then open the next one. `heavy`: the
    lines set in headline type (printed doubled by the PDF text); `lead`: the paragraph under the run;
    `labelled`: the run's column label (a recurring one) was printed over it and taken already."""
    if (len(heads) == 3 or 3 < len(heads) <= group_max and min(map(len, heads)) >= _LABEL_MIN) \
            and all(map(_is_plain_head, heads)):
        units = [_Unit(lines=tuple(heads))]
    else:
        group = _HeadGroup(ends_story, heavy, lead, labelled)
        for text in heads:
            group.add(text)
        units = group.finish()
    return [_decided(unit, page_top and k == 0, heavy, lead if k == len(units) - 1 else "")
            for k, unit in enumerate(units)]


def _decided(unit: _Unit, page_top: bool = False, heavy: frozenset[str] = frozenset(), lead: str = "") -> _Unit:
    lines = list(unit.lines) or [line for line in (unit.kicker, unit.title, unit.subtitle) if line]
    if len(lines) < 2:
        return unit
    headline = split_headline(lines, page_top, heavy, lead)
    return _Unit(title=headline.title, kicker=headline.kicker, subtitle=headline.subtitle, column=unit.column)


# 世界气象组织：, 国家统计局：: a line that is only who speaks, printed over what they said. A
# 姓名：… headline wrapped after its colon (a kicker leads into its title with words of its own)
_SPEAKER = re.compile(f"[{CJK}·]{{2,10}}[：:]")


class _HeadGroup:
    """A run of headline lines read into headline units one line at a time: each line goes to the
    first rule that takes it (a bracketed column banner, a deck, a 姓名：… title, a kicker, a
    slogan banner, a short label, a deck under a title), else it is a new title."""

    def __init__(self, ends_story: bool = False, heavy: frozenset[str] = frozenset(), lead: str = "",
                 labelled: bool = False) -> None:
        self.ends_story = ends_story  # (kicker, title: then the line under them may open the next story)
        self.heavy = heavy  # lines set in headline type: never a line a lighter title stands for
        self.lead = lead  # the paragraph under the run: what it retells is a headline, not a label
        self.labelled = labelled  # its column label is taken: a short first title is no second label
        self.units: list[_Unit] = []
        self.kicker: str | None = None  # a kicker waiting for its title
        self.column: str | None = None  # a banner waiting for the first title
        self.after_title = False  # the line before was a title

    @property
    def last(self) -> _Unit | None:
        return self.units[-1] if self.units else None

    def add(self, text: str) -> None:
        if self._column_banner(text):
            return
        was_after_title, self.after_title = self.after_title, False
        if self._tagged_title(text, was_after_title) or self._deck(text) or self._named_title(text) \
                or self._kicker(text) or self._slogan_banner(text) \
                or self._short_label(text) or self._under_a_title(text, was_after_title):
            return
        if self.kicker and _SPEAKER.fullmatch(self.kicker) and _is_plain_head(text):
            text, self.kicker = self.kicker + text, None  # 世界气象组织： / 全球…新高: one 姓名：… title
        self.units.append(_Unit(title=text, kicker=self.kicker, column=self.column))
        self.after_title = True
        self.kicker = self.column = None

    def _column_banner(self, text: str) -> bool:
        """「一线传真」: a column's name printed as a banner, of the title before it or the next one."""
        bracketed = _banner(text)
        if bracketed and self.last:
            self.last.column = self.last.column or bracketed
        elif bracketed:
            self.column = bracketed
        return bool(bracketed)

    def _tagged_title(self, text: str, after_title: bool) -> bool:
        """…（评论员观察）: a headline printed with its column tag is the title; a plain line right
        above it, taken for a title so far, is its kicker."""
        if split_column_tag(text)[1] is None:
            return False
        last = self.last
        if after_title and last and last.title and not (last.subtitle or last.kicker) and not self.kicker:
            self.units[-1] = _Unit(title=text, kicker=last.title, column=last.column)
        else:
            self.units.append(_Unit(title=text, kicker=self.kicker, column=self.column))
            self.kicker = self.column = None
        self.after_title = True
        return True

    def _deck(self, text: str) -> bool:
        """——…: the deck of the title before it."""
        if not text.startswith("——"):
            return False
        last = self.last
        if last and not last.subtitle:
            last.subtitle = text
        elif last and last.title and not last.kicker:  # two plain lines, then the deck: the headline
            last.kicker, last.title, last.subtitle = last.title, last.subtitle, text  # evidence picks among them
        elif last and last.title and not last.subtitle.startswith("——"):  # kicker, title, line, deck: the
            self.units.append(_Unit(title=last.subtitle, subtitle=text))  # line is the next title, over its deck
            last.subtitle = None
        return True

    def _named_title(self, text: str) -> bool:
        """姓名：… after another headline: a title of its own (an interview's or a profile's)."""
        if not (_NAMED_TITLE.match(text) and self.units):
            return False
        self.units.append(_Unit(title=text, kicker=self.kicker))
        self.kicker = None
        self.after_title = True  # (a line right under it is its deck)
        return True

    def _kicker(self, text: str) -> bool:
        """…—— or …：: a kicker leading into the title below it."""
        if not text.endswith(HEAD_END_OK):
            return False
        self.kicker = text
        return True

    def _slogan_banner(self, text: str) -> bool:
        """在…指引下——新时代新作为新篇章: a long slogan with a dash inside, over the first title."""
        if not ("——" in text.strip("—") and len(text) >= 16 and not self.units and not self.kicker):
            return False
        self.column = text
        return True

    def _short_label(self, text: str) -> bool:
        """A label of six characters or fewer under a full title: that title's column — unless the
        headline evidence reads the line above as its kicker (学习贯彻…精神 over “守艺人”)."""
        last = self.last
        if not (last and last.title and len(text) <= 6 and not self.kicker and len(last.title) > 6):
            return False
        if split_headline([last.title, text]).title == text:
            return False
        last.column = last.column or text
        return True

    def _under_a_title(self, text: str, after_title: bool) -> bool:
        """A line under a full title with no deck yet: its deck when it follows the title directly
        (under a kicker too: kicker, headline, deck); else, under a title with no kicker, a line
        the title already stands for (taken, not a new title). A short title is full when the lead
        retells it and not the line under it (春回阿克陶 over 项目建设跑出加速度, a lead on 阿克陶县):
        a column's label is not what its story retells."""
        last = self.last
        if not (last and last.title and not last.subtitle and not self.kicker):
            return False
        if len(last.title) <= 6 and not (_quoted(last.title) or self.labelled and len(self.units) == 1) \
                and not self._retold_over(last.title, text):
            return False
        if text in self.heavy and last.title not in self.heavy:
            return False  # (a line in headline type under a lighter one is the headline: 新时代… over 筑牢…)
        if after_title and not (last.kicker and self.ends_story):
            last.subtitle = text
            return True
        return not last.kicker  # (kicker, title: a line further down is the next title)

    def _retold_over(self, title: str, text: str) -> bool:
        return told_share(title, self.lead) >= _RETOLD_SHORT and told_share(text, self.lead) <= _RETOLD_SHORT / 2

    def finish(self) -> list[_Unit]:
        """The units, once every line is read: a banner over no title is a title (of untitled
        pieces); a kicker left at the end is the last title's deck, or a title of its own."""
        if not self.units and self.column and not self.kicker:
            self.units.append(_Unit(title=self.column, column=self.column))
        if self.kicker and self.units and not self.units[-1].subtitle:
            self.units[-1].subtitle = self.kicker
        elif self.kicker:
            self.units.append(_Unit(title=self.kicker.rstrip("——…：:")))
        return self.units


# …已建成城市书房120余座。本报记者 / 申智林摄: a credit's role wrapped onto the caption's last line
_CAPTION_ROLE = re.compile(r"(?<=[。！？”])\s*(?:本报|新华社|中新社)?(?:特约)?记者$")


def _take_credit_role(draft: Draft) -> None:
    """A caption whose last words are a photographer's role (本报记者) over a credit line naming
    only the photographer (申智林摄) printed the credit across the line break: the role goes with
    the credit, out of the caption (a caption's sentence has ended before it)."""
    if draft.blocks and draft.blocks[-1][0] in ("caption", "para"):
        kind, text = draft.blocks[-1]
        cut = _CAPTION_ROLE.sub("", text)
        if cut != text and cut:
            draft.blocks[-1] = (kind, cut)


def _ends_with_credit(text: str) -> bool:
    """A paragraph closing with its reporters' credit (…质效。（记者 袁海军 通讯员 杨菊萍）) is the
    last paragraph of its story: papers print that credit once, at the story's end. So a
    title-like line after it opens the next story, not a crosshead, byline or no byline."""
    return bool(md.trailing_authors(text))


_LABEL_MAX = 8  # characters of a column's label (人民论坛, 评论员观察, 新春走基层)


def _is_label(text: str) -> bool:
    """A short line that finishes no sentence, printed alone over the next headline after a closed
    story: that headline's column label (人民论坛), not a caption ending the story above (several
    such lines are photo labels: 神舟 / 天宫 / 嫦娥 after a magazine article's editor line)."""
    return len(text.lstrip("■◆●□ ")) <= _LABEL_MAX and not re.search("[。！？，、；：]", text)


def _signed_by_another(cur: Draft, note: str) -> bool:
    """Does a closing note name a writer (（作者：何畅，系…）) the running story, signed under its
    headline (本报评论员, 作者：梁永泉), does not? Then the headline over the text it closes opens
    that writer's piece, not a section of the running one."""
    names = md.trailing_authors(note)
    return bool(names and (cur.authors or cur.role)) and not set(names) & set(cur.authors)


class _Builder:
    def __init__(self, tokens: list[Token], toc: Toc, trailing: bool, markdown: bool,
                 pages: dict[int, bool] | None = None):
        self.tokens = tokens
        self.toc = toc
        self.editor_closed = sum(1 for t in tokens if t.kind == "editor") >= _EDITOR_CLOSED_MIN
        self.signed = _is_signed_issue(tokens)
        self.width = page_width([line for t in tokens if t.kind == "para" for line in t.lines])  # its columns' wrap
        self.recurring = _recurring_heads(tokens)
        self.pages = pages or {}  # token index of a page header → does that page print headlines after bodies
        self.trailing = self.pages.get(0, trailing)
        self.markdown = markdown
        self.articles: list[Draft] = []
        self.heads: list[Token] = []
        self.group_start = 0  # index of the first token of the waiting headline group
        self.photo_above: list[tuple[str, str]] = []  # a 图为… photo printed over a page's first headline
        self.photo_above_by: list[str] = []  # and its photographers: the story under it gets both
        self.page: tuple[int, str | None] | None = None  # from the last page header
        self.turned_from: Draft | None = None  # the article a page header closed: the page before's
        self.resume: Draft | None = None  # the article a 上接 note continues, while its text runs
        self.banner: str | None = None  # a column banner (「一线传真」) over the pieces that follow it
        self.owner: dict[int, Draft] = {}  # id of a paragraph token → the draft that took it
        self.left_out: list[LeftOut] = []  # headlines that found no place in any article
        self.extent = token_extents(tokens)  # id of a token → the raw lines it spans
        self.rarity: Rarity | None = None  # how rare each Han pair is among the paragraphs (asked for once)
        self.signature: set[int] = set()  # indexes of the tokens signing the running text (office, date)

    @property
    def cur(self) -> Draft | None:
        return self.articles[-1] if self.articles else None

    def new(self, line: int, opened_by: str) -> Draft:
        draft = Draft(line=line, opened_by=opened_by)
        if self.page:
            draft.page, draft.column = self.page
            draft.page_name = self.page[1]
        draft.column = self.banner or draft.column
        if opened_by == "heads":
            self.banner = None  # the banner's run of untitled pieces ends at a headed article
            draft.photo_above, self.photo_above = self.photo_above, []
            draft.photographers.extend(self.photo_above_by)
            self.photo_above_by = []
        self.articles.append(draft)
        return draft

    # --- headline groups ------------------------------------------------
    def flush_heads(self, followed_by_byline: bool) -> Draft | None:
        """The headline group waiting in `heads` applied to the article it heads (a new one, or
        the current one in some layouts); any of its lines that ends up in no field is left out."""
        heads, cur, count = self.heads, self.cur, len(self.articles)
        draft = self._flush_heads(followed_by_byline)
        touched = [d for d in (cur, *self.articles[count:]) if d is not None]
        placed = [toc_key(f) for d in touched for f in (d.title, d.subtitle, d.kicker, d.column, "".join(d.authors)) if f]
        placed += [toc_key(self.banner)] if self.banner else []
        unplaced = [token for token in heads if _unplaced(clean_heading(token.text), placed)]
        if unplaced:
            leading = all(heads.index(t) < _title_index(heads, draft) for t in unplaced)  # all above the title
            self._place_loose_heads(unplaced, cur, draft, leading)
        return draft

    def _place_loose_heads(self, loose: list[Token], before: Draft | None, headed: Draft | None,
                           leading: bool) -> None:
        """Headline lines their group had no field for go to the nearest article, never nowhere:
        printed after a closed article on the same page, above the next headline (photo labels
        after its editor line), they end it as a caption; printed over the headline, they join the
        head of the article the group heads (its deck, column or kicker); else they open its text, as
        a subheading."""
        text = " ".join(clean_heading(t.text) for t in loose)
        if before is not None and before.closed and before.has_body and (headed is None or leading) \
                and before is not self.turned_from \
                and not (headed is not None and len(loose) == 1 and _is_label(text)):  # (a page's top lines are its)
            before.blocks.append(("caption", text))
        elif headed is not None and leading and not headed.subtitle:
            headed.subtitle = text  # a kicker over the title (新春走基层)
        elif headed is not None and leading and (not headed.column or self._page_named(headed)):
            headed.column = text  # (a label printed over the title beats the page's name)
        elif headed is not None and leading and (not headed.kicker or len(loose) == 1):
            headed.kicker = f"{text} {headed.kicker}" if headed.kicker else text  # a second label over the
            # title (一线传真 / 新春走基层 / title / deck) is part of its head; a run of several is more
            # likely text the group could not read, kept in the article as subheadings
        elif headed is not None:
            headed.blocks.insert(0, ("sub", text))
        elif before is not None:
            before.blocks.append(("sub", text))
        else:
            self.left_out.extend(LeftOut(t.line, clean_heading(t.text), N_("a headline its group of headlines had no place for"))
                                 for t in loose)

    def _flush_heads(self, followed_by_byline: bool) -> Draft | None:
        if not self.heads:
            return None
        heads, self.heads = self.heads, []
        texts = [clean_heading(t.text) for t in heads]
        banners = [_banner(t) for t in texts]
        if all(banners):  # 「一线传真」 alone: the column of the pieces below it
            self.banner = banners[-1]
            return None
        authors: tuple[str, ...] = ()
        if len(texts) >= 2 and md.is_author_line(heads[-1].text):
            authors = md.split_names(heads[-1].text) if not re.search("组$|部$", texts[-1]) else (texts[-1],)
            texts, heads = texts[:-1], heads[:-1]
            followed_by_byline = True
        numbers = [text for text in texts[1:] if DOCUMENT_NUMBER.match(text)]  # （2024年第128号）: the deck
        if numbers and len(numbers) < len(texts):
            heads = [t for t, text in zip(heads, texts) if text not in numbers]
            texts = [text for text in texts if text not in numbers]
        else:
            numbers = []
        label = texts[0] if len(texts) >= 2 and (texts[0] in self.recurring or self._photo_page_banner(len(texts))) \
            else None
        if label:
            texts, heads = texts[1:], heads[1:]
        cur = self.cur
        untitled = cur is not None and cur.title is None and cur.has_body
        heavy = frozenset(text for text, token in zip(texts, heads) if token.heavy)
        units = _units(texts, self._at_page_top() and not label, 3 if self.markdown else 4,  # (# marks each line)
                       self.trailing or untitled and not cur.closed, heavy, lead_under(self.tokens, self.group_start),
                       labelled=bool(label))
        if not units:
            return None
        if self.trailing and untitled:
            self._apply(cur, units[0], heads[0].line)
            cur.closed = True
            units = units[1:]
            if not units:
                return None
        elif untitled and len(units) >= 2 and not cur.closed:
            self._apply(cur, units[0], heads[0].line)
            units = units[1:]
        unit = units[-1] if followed_by_byline else _main_unit(units, heavy)
        if followed_by_byline and len(units) >= 2 and not unit.column:
            unit.column = units[0].title
        if authors and unit.subtitle and not unit.kicker and self._column_over_title(unit.title, unit.subtitle):
            unit.column, unit.title, unit.subtitle = unit.column or unit.title, unit.subtitle, None
        entry = next((self.toc.find(t) for t in texts if self.toc.find(t)), None)
        if entry and not authors:
            unit.title, authors = _split_toc_author(unit.title, entry.text)
        draft = self.new(heads[0].line, "heads")
        self._apply(draft, unit, heads[0].line)
        if label:
            self._label(draft, label)
        if entry and not draft.page:
            draft.page = entry.page
            draft.column = draft.column or entry.column
        draft.authors.extend(authors)
        if numbers:  # a notice prints title, number, text: a line read as a deck under the number is its
            draft.subtitle = numbers[0]  # text's opening (placed as a line its group had no field for)
        return draft

    def _column_over_title(self, upper: str, lower: str) -> bool:
        """Two headline lines over an author line: a column or series heading over its title in a
        magazine (a contents page, or articles each closed by an editor line: 统筹区域力量 推动协调发展
        / 深化区域联动 助力城乡融合 / 董燕军); a headline over its deck in a newspaper."""
        return bool(self.toc.entries or self.editor_closed) and not lower.startswith("——")

    def _page_named(self, draft: Draft) -> bool:
        """Is the draft's column only its page's name (要闻, 综合), which a printed label beats?"""
        return self.page is not None and draft.column == self.page[1]

    def _label(self, draft: Draft, label: str) -> None:
        """A recurring label over the headline is the story's column, unless the headline printed
        its own (…（新论）); then it stands over the headline as its kicker."""
        if draft.column is None or self._page_named(draft):
            draft.column = label
        elif not draft.subtitle:
            draft.subtitle = label
        elif not draft.kicker:
            draft.kicker = label

    def _apply(self, draft: Draft, unit: _Unit, line: int) -> None:
        title, tag = split_column_tag(unit.title) if unit.title else (unit.title, None)
        unit.title, unit.column = title, unit.column or tag
        draft.title = unit.title
        draft.subtitle = unit.subtitle or unit.kicker
        draft.kicker = unit.kicker if unit.subtitle else None
        draft.column = tag or draft.column or unit.column  # a tag printed with the headline beats the page's name
        draft.title_line = line

    def is_new_article(self, index: int, running: Draft | None = None) -> bool:
        """Does the headline at tokens[index] open a new article (rather than a subheading)? Asked
        of the current article, or of `running`, a story whose jumped text (上接) runs here."""
        head = self.tokens[index]
        cur = self.cur if running is None else running
        if cur is None or not cur.has_body or cur.closed or self.trailing or (
                cur.title is None and cur.opened_by == "body"):
            return True
        if _ends_with_credit(cur.blocks[-1][1]) or self._after_photo(index) and (cur.is_photo or self._decked(index)):
            return True  # (under a photo's credit: a photo standing alone has no crossheads, and a headline
            # over its deck is the next story's)
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is not None and following.kind == "head" and _is_deck(following.text):
            return True  # a headline with a deck is not a subheading
        if following is not None and following.kind == "head" and DOCUMENT_NUMBER.match(following.text.strip()):
            return True  # …公告 / 〔2025〕第8号: a document's number is printed under its title, never a crosshead
        if self._in_briefs_box(index):
            return True  # 科技速递 / 首个…上线 / … / 国产…示范: each headline in a briefs box is a brief's
        if NOTICE_TITLE.search(clean_heading(head.text)):
            return True  # …征文启事, …公告: a notice is printed on its own, never as a section of a story
        if self._group_size(index) >= _GROUP_MIN:
            return True  # kicker, headline and deck over text: a story's head, no crosshead is set so
        if split_column_tag(clean_heading(head.text))[1]:
            return True  # …（评论员观察）: a headline under its column's tag; no crosshead carries one
        if following is not None and following.kind == "head" and md.is_author_line(following.text) \
                and (len(clean_heading(head.text)) >= _TITLE_MIN or is_byline_name(following.text)):
            return True  # a headline over its author's name (崔春雷; under a short one, 鼠防先锋 / 赵富强, a
            # person's name by its surname) opens an article
        if head.level == 1 or _marked_headline(clean_heading(head.text)) or self.toc.find(head.text):
            return True
        if not (self.editor_closed or head.in_column) and _is_headline_length(clean_heading(head.text)) \
                and not self._has_parallel(index, cur) \
                and not (self.signed and self._signed_story(cur) and not is_wide_title(head.text, self.width)):
            return True  # (a magazine's long features have long subheadings; its articles end with editor lines;
            # long crossheads set in parallel, 一、…实践探索 / 二、…主要问题, are crossheads unless a byline follows;
            # on a hard-wrapped page a headline set across the columns is one line, a crosshead wraps in its column)
        body, paragraphs, previous_kind = 0, 0, None
        for token in self.tokens[index + 1:]:
            if token.kind == "head":
                if body:
                    break
                if is_byline_name(clean_heading(token.text)):
                    return True  # (a writer's name under the group: 新春走基层 / 凌格：… / deck / 阿依古丽·买买提)
                continue
            if token.kind == "byline" or (token.kind == "para" and token.dateline):
                return True
            if token.kind == "credit":
                if paragraphs and previous_kind == "caption":
                    return False  # text, then a captioned photo: a photo set into the running story
                return body <= PHOTO_MAX and self._ends_after(index + 1 + self.tokens[index + 1:].index(token))
            if token.kind == "note" and _signed_by_another(cur, token.text):
                return True  # (a story signed under its headline is not signed again at its end)
            paragraphs += token.kind == "para"
            previous_kind = token.kind
            if token.kind in ("editor", "source"):
                break
            body += len(token.text)
            if body > PHOTO_MAX:
                break
        return self._opens_unsigned_story(index, cur)

    def _in_briefs_box(self, index: int) -> bool:
        """Is the headline at tokens[index] a briefs box's label (科技速递, 经济短波) or printed under
        one, with no story signed by a byline or dateline and no page break since? Each headline in
        the box heads a brief of its own, never a section of the story above the box."""
        for token in reversed(self.tokens[:index + 1]):  # (the label itself opens the box's first brief)
            if token.kind in ("byline", "page", "editor") or token.dateline:
                return False
            if token.kind == "head" and len(clean_heading(token.text)) <= _LABEL_MAX \
                    and BRIEF_WORDS.search(token.text):
                return True
        return False

    def _group_size(self, index: int) -> int:
        """How many headline lines stand together from tokens[index] on, before the text under them
        (each of a headline's length: photo labels set over a story, 神舟 / 天宫 / 天舟, are no head)."""
        size = 0
        for token in self.tokens[index:]:
            if token.kind != "head" or len(clean_heading(token.text).replace(" ", "")) < _GROUP_LINE_MIN:
                break
            size += 1
        return size

    def _after_photo(self, index: int) -> bool:
        """Is the headline at tokens[index] printed right under a photo's credit?"""
        return index > 0 and self.tokens[index - 1].kind == "credit"

    def _decked(self, index: int) -> bool:
        """Is the headline at tokens[index] followed by one more headline line and then a story's
        opening (its byline, its lead, or a paragraph set in)? A crosshead stands alone over its
        section; two lines over an opening are a headline and its deck."""
        after = self.tokens[index + 1:index + 3]
        return len(after) == 2 and after[0].kind == "head" and (
            after[1].kind == "byline" or after[1].kind == "para" and (after[1].dateline or after[1].set_in))

    @staticmethod
    def _signed_story(draft: Draft) -> bool:
        """Was the running story signed at its start (a byline or a dateline lead)? In an issue whose
        stories are, a long headline line with neither under it, inside such a story, is a crosshead
        (unless it is set across the columns: a crosshead stands in its column)."""
        return bool(draft.dateline or draft.authors) and draft.opened_by in ("byline", "dateline", "heads")

    def _text_follows(self, index: int) -> bool:
        """Is the first thing under the headline at tokens[index] a paragraph of text? A story opens
        with text; a line followed by its story's closing note (（作者单位：…）) ends that story."""
        rest = (token for token in self.tokens[index + 1:] if token.kind != "head")
        token = next(rest, None)
        return token is not None and token.kind == "para"

    def _opens_unsigned_story(self, index: int, cur: Draft) -> bool:
        """In an issue whose stories carry no byline or lead (and do not close with editor lines,
        as a magazine's long features with their long subheadings do), a short headline after a
        story's text is the next story's headline unless it reads as a crosshead: it leads into
        its section (…——, …：), is set in parallel with another crosshead, or has no text under it."""
        text = clean_heading(self.tokens[index].text)
        return not (self.signed or self.editor_closed or text.endswith(HEAD_END_OK) or self._has_parallel(index, cur)
                    or self._wrapped_in_column(index)) and self._text_follows(index)

    def _wrapped_in_column(self, index: int) -> bool:
        """Is the headline at tokens[index] wrapped at the page's column width (…中国式现代化对区域
        协调发展提出更高 / 要求)? A story's headline on a hard-wrapped page is set across the columns
        on one line; a crosshead wraps in its column, inside its story."""
        return self.tokens[index].in_column

    def _has_parallel(self, index: int, cur: Draft) -> bool:
        """Is the headline at tokens[index] set in parallel with a crosshead of the running story
        (one before it, or the next headline, unless a byline, lead or closing line comes first)?
        In an unsigned issue that is what tells a crosshead from the next story's headline."""
        text = clean_heading(self.tokens[index].text)
        siblings = [sub for kind, sub in cur.blocks if kind == "sub"]
        for token in self.tokens[index + 1:]:
            if token.kind in ("byline", "author", "editor", "source", "page") or token.dateline:
                break
            if token.kind == "head":
                siblings.append(clean_heading(token.text))
                break
        return any(_parallel(text, sibling) for sibling in siblings) or self._marked_alike(index, cur) \
            or any(_same_length(text, sibling) for sibling in siblings) and self._coheres(index, cur)

    def _marked_alike(self, index: int, cur: Draft) -> bool:
        """Does the headline at tokens[index] open with the same mark (■) as a crosshead printed
        before it in the running story, or as the next headline (unless a byline, lead or closing
        line comes first)? A feature marks all its crossheads alike. (The mark is read off the
        printed line: a headline's cleaned text drops it.)"""
        mark = _mark(self.tokens[index].text)
        if mark is None:
            return False
        before = (t for t in self.tokens[:index] if t.kind == "head" and t.line > cur.line)
        after = None
        for token in self.tokens[index + 1:]:
            if token.kind in ("byline", "author", "editor", "source", "page") or token.dateline:
                break
            if token.kind == "head":
                after = token
                break
        return any(_mark(t.text) == mark for t in (*before, *([after] if after else [])))

    def _coheres(self, index: int, cur: Draft) -> bool:
        """Does the text under the headline at tokens[index] (up to the next headline) read as the
        running story's? A crosshead's section goes on with its story's names and themes; the
        next story's text shares only the paper's common words with it (likeness.py), and no
        more with the running story than with the stories before it (on a page of party news
        every story shares 干部, 党建, 高质量发展)."""
        section: list[str] = []
        for token in self.tokens[index + 1:]:
            if token.kind == "head" and section:
                break
            if token.kind == "para":
                section.append(token.text)
        if self.rarity is None:
            self.rarity = rarity((token.text for token in self.tokens if token.kind == "para"), _UNSEEN)
        words = han_pairs("".join(section))
        mine = share(words, han_pairs(cur.paragraphs), self.rarity)
        before = (share(words, han_pairs(draft.paragraphs), self.rarity)
                  for draft in self.articles[-1 - _STORIES_BEFORE:] if draft is not cur)
        return mine >= _COHERENT and all(mine > _LEANS * other for other in before)

    def _ends_after(self, index: int) -> bool:
        """Is the token at `index` the last of its piece (a headline, closer or the end follows)?"""
        rest = self.tokens[index + 1:]
        return not rest or rest[0].kind in ("head", "editor", "source", "byline") or rest[0].dateline

    # --- the walk ---------------------------------------------------------
    def run(self) -> list[Draft]:
        pending: list[Token] = []  # tokens no draft has taken yet (a headline group waiting)
        for index, token in enumerate(self.tokens):
            before = self._states()
            resume = self.resume
            if token.kind not in ("para", "note", "caption", "credit", "cont", "source", "head"):
                self.resume = None  # (a headline ends the jumped text unless it is its crosshead: on_head)
            if resume is not None and token.kind in ("editor", "source"):
                self._close_with(resume, token)  # (均摘自…) and the editor close the jumped text too
            getattr(self, f"on_{token.kind}")(index, token)
            if token.kind != "page":  # a page header is the page's, no article's
                pending.append(token)
            pending = self._give_lines(before, pending)
        before = self._states()
        self.flush_heads(False)
        self._give_lines(before, pending)
        for draft in self.articles:  # a photo over a headline with no text under it stays with it
            draft.take_photo_above()
        if self.photo_above:  # a photo over a headline that opened no story stands as its own item
            self.new(self.tokens[-1].line, "body").blocks.extend(self.photo_above)
            self.cur.photographers.extend(self.photo_above_by)
        return self.articles

    def _reach(self, since: int) -> list[Draft]:
        """The drafts a token can change, in reading order: the newest ones from before it (the
        current one, the one a headline printed after its body titles) and any made since, and
        the one a jump (上接) resumes. Watching only these keeps the walk linear in the issue."""
        near = self.articles[max(0, since - _REACH):]
        return ([self.resume] if self.resume is not None and all(d is not self.resume for d in near) else []) + near

    def _states(self) -> tuple[int, list[tuple[Draft, tuple]]]:
        """How many drafts there are, and what those a token can reach hold, to see which one it went to."""
        return len(self.articles), [(d, _state(d)) for d in self._reach(len(self.articles))]

    def _give_lines(self, before: tuple[int, list[tuple[Draft, tuple]]], pending: list[Token]) -> list[Token]:
        """The raw lines of the `pending` tokens go to the drafts that changed since `before`: headline
        lines to the one that took a title (the article before, where headlines follow their bodies),
        the rest to the newest; returns the tokens still waiting (all, if no draft changed)."""
        count, held = before
        reach = self._reach(count)
        drafts = [d for d, _ in held if all(d is not r for r in reach)] + reach  # (a jump's text this token closed)
        was = {id(d): state for d, state in held}
        changed = [(d, was.get(id(d)), now) for d in drafts if was.get(id(d)) != (now := _state(d))]
        if not changed:
            return pending
        headed = [d for d, was, now in changed if was is None or was[3:5] != now[3:5]]
        for token in pending:
            taker = _headed_by(token, headed) if token.kind == "head" and headed else changed[-1][0]
            taker.lines.update(self.extent[id(token)])
        return []

    def on_head(self, index: int, token: Token) -> None:
        if self._resumed_crosshead(index):
            self.resume.blocks.append(("sub", clean_heading(token.text)))
            return
        self.resume = None
        if index in self.signature or not self.heads and self._signature(index):
            self.cur.blocks.append(("para", clean_body(token.text)))
            return
        if not self.heads and not self.is_new_article(index):
            self.cur.blocks.append(("sub", clean_heading(token.text)))
            return
        if not self.heads:
            self.group_start = index
        self.heads.append(token)

    def _signature(self, index: int) -> bool:
        """Is the short line at tokens[index] a signature closing the running text (the office or
        person signing a notice or a letter, or the signing date under it): no sentence in it,
        after a finished sentence, with at most a date line more before the page's closing lines
        or the text's end? A crosshead has its section under it; a headline, its story. (Where
        headlines follow their bodies, such a line is the last story's headline.)"""
        cur = self.cur
        if self.trailing or self.heads or cur is None or cur.closed or not cur.blocks \
                or cur.blocks[-1][0] != "para" or not ends_sentence(cur.blocks[-1][1]) and not _is_date(cur.blocks[-1][1]):
            return False
        rest = self.tokens[index:]
        lines = 0
        while lines < len(rest) and lines < _SIGNATURE_LINES and rest[lines].kind in ("head", "para") \
                and _signs(clean_heading(rest[lines].text)):
            lines += 1
        if not (0 < lines and (lines == len(rest) or rest[lines].kind in _PAGE_CLOSERS)):
            return False
        self.signature.update(range(index, index + lines))
        return True

    def _resumed_crosshead(self, index: int) -> bool:
        """Is the headline at tokens[index] a crosshead of the story whose jumped text (上接) runs
        here? That text goes on the story a page before, not the one printed above the jump
        line: a headline inside it is read against that story, as it would be on its first page
        (a short line with its section under it and no byline, lead or deck is a crosshead)."""
        return self.resume is not None and not self.heads and self.resume.has_body \
            and not self.is_new_article(index, self.resume)

    def _photo_page_banner(self, size: int) -> bool:
        """Is the waiting group of two lines, at its page's top and over a photo's caption, the page's
        banner over the first photo's headline? On a page of photos each printed under a headline of
        one line (two or more of them), the first photo's headline is one line too: the line
        above it names the page."""
        if size != 2 or not self._at_page_top():
            return False
        end = self.group_start + size
        if end >= len(self.tokens) or self.tokens[end].kind != "caption":
            return False
        stop = next((k for k in range(end + 1, len(self.tokens)) if self.tokens[k].kind == "page"), len(self.tokens))
        later = [k for k in range(end + 1, stop) if self.tokens[k].kind == "head"]
        singles = [k for k in later if self.tokens[k - 1].kind != "head" and k + 1 < len(self.tokens)
                   and self.tokens[k + 1].kind == "caption"]
        return len(singles) >= _PHOTO_HEADS_MIN and len(singles) == len(later)

    def _at_page_top(self) -> bool:
        """Is the waiting headline group the first thing on its page (or in the text)?"""
        return self.group_start == 0 or self.tokens[self.group_start - 1].kind == "page"

    def _body_target(self, token: Token) -> Draft:
        if self.resume is not None and not self.heads and not token.dateline:
            return self.resume
        if self.heads:
            # a lead (本报…讯) under the group, like a byline, follows the title: the last headline line
            return self._label_under_byline() or self.flush_heads(bool(token.dateline)) or self.new(token.line, "body")
        cur = self.cur
        if token.kind == "note" and cur is not None and cur.has_body and not cur.has_note:
            return cur  # a closing note (作者单位：…) ends the text above it, closed or not: it opens nothing
        if cur is None or cur.closed or (token.dateline and cur.has_body and not _photo_under_headline(cur)
                                         and not _summary_box(cur) and not _broken_off(cur)):
            return self.new(token.line, "dateline" if token.dateline else "body")
        return cur

    def _label_under_byline(self) -> Draft | None:
        """One short headline line between an article's headline and byline and its first words is
        the article's column label (铸牢中华民族共同体意识), not an article of its own: the article
        it would open has no headline of its own above its byline."""
        cur = self.cur
        if cur is None or cur.has_body or cur.closed or not (cur.title and cur.authors) or len(self.heads) != 1:
            return None
        label = clean_heading(self.heads[0].text)
        if len(label) > _SECTION_MAX or not _is_plain_head(label):
            return None
        self.heads = []
        if cur.column:
            cur.blocks.append(("sub", label))
        else:
            cur.column = label
        return cur

    def on_para(self, index: int, token: Token) -> None:
        earlier = self.owner.get(id(token.follows)) if token.follows is not None else None
        draft = earlier if earlier is not None and not self.heads else self._body_target(token)
        self.owner[id(token)] = draft
        text = clean_body(token.text)
        if token.dateline and draft.dateline is None and (not draft.has_body or _photo_under_headline(draft)):
            draft.dateline = md.parse_dateline(token.text, token.lines[0] if len(token.lines) > 1 else "")
            if draft.dateline:
                draft.authors.extend(a for a in draft.dateline.authors if a not in draft.authors)
                if draft.dateline.outlet and not draft.source:
                    draft.source = draft.dateline.outlet
        draft.blocks.append((token.kind if token.kind == "note" else "para", text))
        if draft.take_photo_above():
            draft.credited = True
        if token.kind == "note" or (text.startswith(("本栏目", "本专栏")) and len(draft.blocks) == 1):
            draft.closed = True  # a column's introduction stands alone; its pieces follow

    def on_caption(self, index: int, token: Token) -> None:
        if self._photo_over_first_headline(index):
            self.photo_above.append(("caption", clean_body(token.text)))
            return
        cur = self.cur
        if not self.heads and cur is not None and cur.has_body and not cur.closed and not self.trailing \
                and (cur.body_chars() > PHOTO_MAX or cur.authors or cur.dateline or _ends_with_credit(cur.blocks[-1][1])) \
                and self._photo_between(index):
            cur.closed = True  # a photo printed between two articles illustrates neither
        if self._titled_before_photo(cur):
            cur.closed = True
        if self._banner_over_photos():
            self.banner, self.heads = " ".join(clean_heading(t.text) for t in self.heads), []
        draft = self._body_target(token)
        draft.blocks.append(("caption", clean_body(token.text)))

    def _titled_before_photo(self, cur: Draft | None) -> bool:
        """On a page that prints headlines after their bodies, is the running piece already titled
        (by the page's banner over its introduction) when a photo's caption follows its text? Its
        headline was printed, so no headline below is its: the photo is the next piece, waiting for
        the headline under its credit."""
        return self.trailing and not self.heads and cur is not None and cur.title is not None \
            and not cur.closed and bool(cur.blocks) and cur.blocks[-1][0] == "para"

    def _banner_over_photos(self) -> bool:
        """On a page that prints headlines after their bodies, are the headline lines waiting at
        the page's top, right over its first photo, the page's banner (and section name)? The
        photo's own headline is printed under its credit: these name the page's pictures, as
        their column."""
        return self.trailing and bool(self.heads) and self._at_page_top()

    def _past_photo(self, index: int, step: int) -> int:
        """The index of the first token from `index` (going by `step`) that is no caption or credit
        of the photo at `index`: -1 or len(tokens) when the photo reaches the text's end."""
        while 0 <= index < len(self.tokens) and self.tokens[index].kind in ("caption", "credit"):
            index += step
        return index

    def _head_after_photo(self, index: int) -> int | None:
        """The index of the headline right after the photo at tokens[index], if one follows it."""
        following = self._past_photo(index + 1, 1)
        return following if following < len(self.tokens) and self.tokens[following].kind == "head" else None

    def _photo_over_first_headline(self, index: int) -> bool:
        """A photo whose caption leans on a story (图为…) printed at the top of a page (nothing but the
        page header before it) over a headline illustrates the story under that headline."""
        before = self._past_photo(index - 1, -1)
        return not self.heads and not self.trailing and _refers_back(self.tokens[index].text) \
            and (before < 0 or self.tokens[before].kind == "page") and self._head_after_photo(index) is not None

    def _photo_between(self, index: int) -> bool:
        """Is the captioned photo at tokens[index] followed by a new article's headline, after an
        article whose text does not run on into the caption (no word cut across them)? A story
        broken off mid-sentence goes on elsewhere or nowhere, never in the photo under it."""
        last = next((text for kind, text in reversed(self.cur.blocks) if kind != "sub"), "")
        head = self._head_after_photo(index)
        return not cuts_word(last, self.tokens[index].text) and not _refers_back(self.tokens[index].text) \
            and (head is not None and self.is_new_article(head) or self._photo_at_foot(index) and ends_sentence(last))

    def _photo_at_foot(self, index: int) -> bool:
        """Is the captioned photo at tokens[index] the last thing on its page (the page's editor
        line or the next page's header under it)? A make-up editor fills a page's foot with a
        photo of its own; a story's photo stands beside its text, and a story whose text ended a
        sentence over the caption does not go on into it. (At the text's end, with no page closed,
        the text may have been joined across the photo, which then sits inside its story.)"""
        following = self._past_photo(index + 1, 1)
        return following < len(self.tokens) and self.tokens[following].kind in ("editor", "page")

    def on_note(self, index: int, token: Token) -> None:
        self.on_para(index, token)

    def on_credit(self, index: int, token: Token) -> None:
        if self.photo_above and not self.heads:
            self.photo_above_by.extend(n for n in token.value if n not in self.photo_above_by)
            return
        draft = self._body_target(token) if self.heads or self.cur is None or self.resume is not None else self.cur
        draft.photographers.extend(n for n in token.value if n not in draft.photographers)
        draft.credited = True
        _take_credit_role(draft)
        draft.credit_outlet = draft.credit_outlet or md.credit_outlet(token.text)
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if not self.trailing and _is_loose_photo(draft) and following is not None and following.kind == "caption":
            draft.closed = True  # one photo, one caption: the next caption is another photo

    def on_byline(self, index: int, token: Token) -> None:
        byline: md.Byline = token.value
        # The waiting headlines' article, if they make one (a group of only a deck or a banner
        # makes none): else the byline opens an article, unless the current one has no text yet.
        draft = self.flush_heads(True) if self.heads else None
        if draft is None and self._signs_off(index):
            draft = self.cur  # (文　刘志远 under the text, the next piece's label or headline below it)
            draft.closed = True
        if draft is None:
            draft = self.cur
            if draft is None or draft.has_body or draft.closed:
                draft = self.new(token.line, "byline")
        draft.authors.extend(a for a in byline.authors if a not in draft.authors)
        draft.source = draft.source or byline.source
        draft.role = byline.role

    def _signs_off(self, index: int) -> bool:
        """Is the byline at tokens[index] the running piece's signature, printed under its text (文
        刘志远), as magazines sign essays? It follows the text of a piece no byline or dateline
        signed, and no text follows it: the next piece's label or headline, the page's foot or the
        end. (A byline over text opens its story.)"""
        cur, rest = self.cur, self.tokens[index + 1:]
        return not self.trailing and cur is not None and cur.has_body and not cur.closed and not cur.authors \
            and cur.dateline is None and index > 0 and self.tokens[index - 1].kind == "para" \
            and (not rest or rest[0].kind in ("head", "page", "editor"))

    def _closing(self, token: Token) -> Draft | None:
        if self.heads:
            self.flush_heads(False)
        return self.cur

    @staticmethod
    def _close_with(draft: Draft, token: Token) -> None:
        if token.kind == "editor":
            draft.editor = draft.editor or token.value
        else:
            draft.source = draft.source or token.value
        draft.closed = True

    def on_editor(self, index: int, token: Token) -> None:
        draft = self._closing(token)
        if draft:
            self._close_with(draft, token)

    def on_source(self, index: int, token: Token) -> None:
        self.on_editor(index, token)

    def on_author(self, index: int, token: Token) -> None:
        draft = self._closing(token)
        if draft:
            draft.blocks.append(("para", clean_body(token.text)))
            names = [n for n in token.value if n not in draft.authors]
            draft.authors.extend(names)
            draft.closed = True

    def on_page(self, index: int, token: Token) -> None:
        if self.heads:
            self.flush_heads(False)
        if self.cur:
            self.cur.closed = True
            self.turned_from = self.cur
        self.page = token.value
        self.trailing = self.pages.get(index, self.trailing)

    def on_cont(self, index: int, token: Token) -> None:
        direction, target = token.value
        if direction in ("下转", "转") and self.cur:
            self.cur.continued = self.cur.continued or target
            self.cur.closed = True
        elif direction in ("上接", "接"):
            self.resume = self._jumped_from(target)
            if self.resume is not None:
                self.resume.closed = False  # (its 下转 closed it where it broke off; its text runs on here)

    def _jumped_from(self, page: str) -> Draft | None:
        """The article whose 下转 this 上接 answers: on that page if known, else the latest waiting."""
        waiting = [d for d in self.articles if d.continued and not d.resumed]
        number = int(re.sub(r"\D", "", page) or 0)
        match = next((d for d in reversed(waiting) if d.page == number), None) or (waiting[-1] if waiting else None)
        if match:
            match.resumed = True
        return match


_REACH = 3  # newest drafts a token can change besides those it makes


def _state(d: Draft) -> tuple:
    return (len(d.blocks), len(d.authors), len(d.photographers), d.title, d.subtitle, d.editor, d.source,
            d.continued, len(d.photo_above))


def _headed_by(token: Token, headed: list[Draft]) -> Draft:
    """Of the drafts a headline group just titled, the one whose headline fields hold this line."""
    key = toc_key(clean_heading(token.text))
    return next((d for d in headed if key and any(key in toc_key(f) for f in (d.title, d.subtitle, d.kicker, d.column) if f)),
                headed[0])


def token_extents(tokens: list[Token]) -> dict[int, range]:
    """Id of each token → its raw lines: from its first line to the line before the next token's
    (blank and furniture lines between them are dropped later, see line_ranges); the last token
    spans as many lines as it holds."""
    starts = sorted({t.line for t in tokens})
    following = dict(zip(starts, starts[1:]))
    return {id(t): range(t.line, following.get(t.line, t.line + len(t.lines))) for t in tokens}


def _merge_headless_prefixes(drafts: list[Draft]) -> list[Draft]:
    """A run of body with no headline, byline or dateline, not closed, printed just
    before a headed article (a magazine's lead-in above the title) joins that article."""
    out: list[Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if prev and prev.title is None and prev.opened_by == "body" and not prev.closed \
                and draft.opened_by == "heads" and (not prev.credited or _text_with_its_photo(prev)):
            draft.blocks[:0] = prev.blocks
            draft.absorb(prev)
            out[-1] = draft
            continue
        out.append(draft)
    return out


def _text_with_its_photo(draft: Draft) -> bool:
    """Is a headless piece running text with a photo set into it, not a photo standing alone: a
    paragraph, then a caption that leans on the story around it (图为…)? A photo printed alone
    tells its news in its caption whole."""
    return any(kind == "para" for kind, _ in draft.blocks) \
        and any(kind == "caption" and _refers_back(text) for kind, text in draft.blocks)


def _summary_box(draft: Draft) -> bool:
    """Is the text under the headline so far only a labelled box (核心阅读, 编者按: a label, then a
    short summary) with no lead yet? Then the lead that follows is the same story's."""
    return draft.title is not None and draft.dateline is None and bool(draft.blocks) \
        and draft.blocks[0][0] == "sub" and draft.body_chars() <= PHOTO_MAX


_SIGNATURE_LINES = 2  # lines of a signature: who signs, and the date
_SIGNER_MAX = 24  # characters of a signature line
_DATE_LINE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def _is_date(text: str) -> bool:
    return bool(_DATE_LINE.match(text.strip()))


def _signs(text: str) -> bool:
    """Can the line be a signature's: a name or a date, short, no sentence in it?"""
    return 0 < len(text) <= _SIGNER_MAX and not re.search("[，。；！？：:、]", text) and not text.endswith(HEAD_END_OK)


def _broken_off(draft: Draft) -> bool:
    """Does the running article's text break off mid-sentence in a paragraph (…稿件请发送至)? A
    story's lead (本报…) never opens in the middle of another's sentence: text that reads as one
    there (本报社会部电子邮箱：…) goes on with the sentence."""
    return bool(draft.blocks) and draft.blocks[-1][0] == "para" and not ends_sentence(draft.blocks[-1][1])


def _photo_under_headline(draft: Draft) -> bool:
    """A headed article whose only text so far is a photo's caption: the lead that follows (本报…讯)
    is its story's, printed under the photo, not a new article."""
    return draft.opened_by == "heads" and draft.is_photo


def _is_loose_photo(draft: Draft) -> bool:
    """A captioned photo printed with no headline, byline or dateline of its own: it stands
    alone as a photo item (a photo inside an article's running text stays in that article)."""
    return draft.title is None and draft.credited and draft.dateline is None and draft.opened_by == "body" \
        and draft.body_chars() <= PHOTO_MAX and all(kind in ("caption", "para") for kind, _ in draft.blocks)


def is_editor_closed(pieces: list) -> bool:
    """Do this publication's articles (drafts or finished) close with an editor line
    ([责任编辑:…]), as magazines' do?"""
    return sum(1 for d in pieces if d.editor) >= max(_EDITOR_CLOSED_MIN, len(pieces) // 3)


def _is_orphan_section(draft: Draft) -> bool:
    """A subheading-sized headline over text that breaks off mid-sentence, with nothing that makes
    it an article: no author, no closing line, no table-of-contents entry, no photo."""
    return bool(draft.title) and len(draft.title) <= _SECTION_MAX and _ends_unfinished(draft) and not (
        draft.authors or draft.editor or draft.source or draft.page or draft.credited or draft.subtitle
        or draft.has_note)


def _rejoin_orphan_sections(drafts: list[Draft]) -> list[Draft]:
    """In an editor-closed publication, such a section printed after an article's closing lines
    (photos between them aside) is a part of that article the PDF text put after its end: it
    rejoins it, before its closing notes."""
    out: list[Draft] = []
    for draft in drafts:
        host = next((d for d in reversed(out) if not _is_loose_photo(d)), None)
        if host is not None and host.editor and _is_orphan_section(draft):
            notes = len(host.blocks)
            while notes and host.blocks[notes - 1][0] == "note":
                notes -= 1
            host.blocks[notes:notes] = [("sub", draft.title)] + draft.blocks
            host.absorb(draft)
            continue
        out.append(draft)
    return out


def _ends_unfinished(draft: Draft) -> bool:
    last = next((text for kind, text in reversed(draft.blocks) if kind in ("para", "note")), "")
    return not ends_sentence(last)


def _rejoin_split_columns(drafts: list[Draft]) -> list[Draft]:
    """A headless piece with closing lines, printed just before a headed piece that has none and
    breaks off mid-sentence, is one article whose columns the PDF text put in the wrong order:
    the lead paragraph printed first stays first, the headed text follows, and the rest of the
    headless piece, with its closing lines, ends the article. (Sentences the columns split stay
    split; the article's text is all there and its ends are right.)"""
    out: list[Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if prev is not None and prev.title is None and prev.opened_by == "body" and prev.editor \
                and not prev.credited and draft.opened_by == "heads" and draft.title \
                and not (draft.editor or draft.source) and _ends_unfinished(draft) \
                and not draft.has_note:
            draft.blocks[:] = prev.blocks[:1] + draft.blocks + prev.blocks[1:]
            draft.editor, draft.closed = prev.editor, True
            draft.absorb(prev)
            out[-1] = draft
            continue
        out.append(draft)
    return out


def _split_twice_signed(draft: Draft, tokens: list[Token]) -> list[Draft]:
    """One story, one byline: a story signed at its start (a byline or a dateline lead) whose text
    ends with a reporters' credit (（记者 X 通讯员 Y）) holds two stories. The second begins at its
    last subheading, which was the next story's headline (a short one, taken for a crosshead)."""
    subs = [k for k, (kind, _) in enumerate(draft.blocks) if kind == "sub" and k > 0]
    paragraphs = [text for kind, text in draft.blocks if kind == "para"]
    closing = md.trailing_authors(paragraphs[-1]) if paragraphs else ()
    if not (draft.dateline or draft.authors) or not subs or not closing or set(closing) <= set(draft.authors):
        return [draft]  # (a credit naming the byline's reporters again closes the same story)
    at = subs[-1]
    if not any(kind == "para" for kind, _ in draft.blocks[at + 1:]) or not any(kind == "para" for kind, _ in draft.blocks[:at]):
        return [draft]
    title = draft.blocks[at][1]
    line = next((t.line for t in tokens if t.kind == "head" and t.line > draft.line and clean_heading(t.text) == title),
                draft.line)
    label = _label_over(draft.blocks, at)
    second = Draft(line=line, title=title, page=draft.page, column=label or draft.column, blocks=draft.blocks[at + 1:],
                   opened_by="heads", title_line=line, lines={n for n in draft.lines if n >= line})
    draft.blocks = draft.blocks[:at - 1] if label else draft.blocks[:at]
    draft.lines -= second.lines
    return [draft, second]


def _label_over(blocks: list[tuple[str, str]], at: int) -> str | None:
    """A column's label (一线传真) printed alone right over the headline at blocks[at], after the
    text above ended: it heads the next story's box, not a section of the story above (a
    crosshead has text under it, never another headline)."""
    if at >= 2 and blocks[at - 1][0] == "sub" and _is_label(blocks[at - 1][1]) and blocks[at - 2][0] != "sub":
        return blocks[at - 1][1]
    return None


def _drop_back_matter(drafts: list[Draft]) -> list[Draft]:
    """In an editor-closed publication, what follows the last article with an editor line and
    has no closing line of its own is back matter (back cover, advertisement)."""
    closed = [i for i, d in enumerate(drafts) if d.editor]
    tail = drafts[closed[-1] + 1:]
    if any(d.source or d.authors or d.editor for d in tail) or sum(d.body_chars() for d in tail) > _BACK_MATTER_MAX:
        return drafts  # an article after all, printed without an editor line
    return drafts[: closed[-1] + 1]


def trailing_pages(tokens: list[Token], markdown: bool) -> dict[int, bool]:
    """For the first token of each page (the text's start and every page header), whether that
    page prints its headlines after their bodies: each page is read from its own evidence."""
    return {start: is_trailing_layout(tokens[start:end], markdown) for start, end in page_spans(tokens)}


def is_trailing_layout(tokens: list[Token], markdown: bool) -> bool:
    """Headlines after bodies: the text opens with body text and closes with a headline. The
    page's editor line (本版责编) printed at its foot closes the page, not a story: the headline
    above it is the last thing the stories print. A page banner or section name over the page's
    first text does not defeat the layout where every headline after it is printed under a photo's
    credit (a photo page: each picture, its caption and credit, then its headline). (Where only the
    closing lines put a headline last, a page opening with a jumped story's rest is read as usual:
    the headline over its closing lines is more likely a signature than a headline printed after.)"""
    end = len(tokens)
    while end and tokens[end - 1].kind in _PAGE_CLOSERS:
        end -= 1
    tokens_given, tokens = tokens, tokens[:end]
    if markdown or not tokens or tokens[-1].kind != "head":
        return False
    for k, token in enumerate(tokens):
        if token.kind == "head":
            return _photo_heads_after_banner(tokens[k:])
        if token.kind == "cont" and end < len(tokens_given):
            return False  # (a jumped story's rest (上接…) opening the page had its headline on its first page)
        if token.kind in ("para", "caption") and len(token.text) >= 20:
            return True
    return False


_PAGE_CLOSERS = ("editor", "source", "page")  # lines that close a page (or the text), printed after its stories
_PHOTO_HEADS_MIN = 2  # headlines under photo credits that make a page of captioned photos


def _photo_heads_after_banner(tokens: list[Token]) -> bool:
    """Does a run of headline lines at the page's top (its banner, its section's name) stand over
    a page whose every later headline is printed right under a photo's credit, each closing its
    photo? Then those lines are the page's, and its pictures' headlines follow their captions."""
    first_text = next((k for k, t in enumerate(tokens) if t.kind != "head"), len(tokens))
    later = [k for k in range(first_text, len(tokens)) if tokens[k].kind == "head"]
    return len(later) >= _PHOTO_HEADS_MIN and all(tokens[k - 1].kind == "credit" for k in later)


_CAPTION_HEAD_MAX = 24  # characters of a photo's headline line


def _headlines_under_credits(tokens: list[Token]) -> list[Token]:
    """A short line right under a photo's credit, finishing no sentence, with another photo's
    caption (or the page's closing lines, or nothing) under it, is a headline, however the text
    typed it: a credit closes its caption, and text does not go on from it into the next photo.
    (Such a line read as a paragraph left open across the next photo, taking the line printed
    under that photo's credit too, is cut there: `_split_across_photo`.)"""
    tokens = list(tokens)
    for k, token in enumerate(tokens):
        if k and tokens[k - 1].kind == "credit":
            _split_across_photo(tokens, k)
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if k and tokens[k - 1].kind == "credit" and token.kind in ("para", "caption") and not token.dateline:
            first = token.lines[0].strip() if token.lines else ""
            if len(token.lines) == 1 and _headline_line(first) \
                    and (following is None or following.kind in ("caption", *_PAGE_CLOSERS)):
                token.kind = "head"
    return tokens


def _number_lines(tokens: list[Token]) -> list[Token]:
    """A line holding only a document's number (（2024年第128号）) right under a headline is that
    headline's deck, as a notice or a public document prints it: never its first paragraph (and,
    in the group, never its title: `_Builder._flush_heads`). The number ends the document's head:
    lines under it read as headlines (its salutation 各…：, a short first line) open its text."""
    returned: set[int] = set()
    for k in range(1, len(tokens)):
        token = tokens[k]
        if token.kind == "para" and tokens[k - 1].kind == "head" and len(token.lines) == 1 \
                and DOCUMENT_NUMBER.match(token.text.strip()):
            token.kind = "head"
            for below in tokens[k + 1:]:
                if below.kind != "head" or DOCUMENT_NUMBER.match(below.text.strip()):
                    break
                below.kind = "para"
                returned.add(id(below))
    return _rejoin_broken_lines(tokens, returned) if returned else tokens


def _rejoin_broken_lines(tokens: list[Token], returned: set[int]) -> list[Token]:
    """A line a headline run gave back to the text (`returned`: `_number_lines`) that finishes no
    sentence goes on into the paragraph under it (…现将 / 有关事项通知如下。): one paragraph, as printed."""
    out: list[Token] = []
    for token in tokens:
        above = out[-1] if out else None
        if above is not None and id(above) in returned and token.kind == "para" and not ends_sentence(above.text):
            below_numbers = token.numbers if len(token.numbers) == len(token.lines) \
                else list(range(token.line, token.line + len(token.lines)))
            token.lines[:0] = above.lines
            token.numbers[:] = list(range(above.line, above.line + len(above.lines))) + below_numbers
            token.line = above.line
            token.cut(len(token.lines))  # (forget what was read of its lines: they changed)
            returned.add(id(token))
            out[-1] = token
            continue
        out.append(token)
    return out


_LIST_MIN = 2  # marked lines one under another that make a list


def _bullet_lists(tokens: list[Token]) -> list[Token]:
    """Lines one under another that each open with the same mark (●全市森林覆盖率81.7% /
    ●地表水水质达标率100%) are a list's items: a box's text (数说…, 链接), each item a paragraph,
    however headline-like each line is. A headline group never marks each of its lines alike, and
    a story's marked crossheads each stand over their section's text."""
    k = 0
    while k < len(tokens):
        mark = _mark(tokens[k].text) if tokens[k].kind == "head" else None
        end = k + 1
        while mark and end < len(tokens) and tokens[end].kind == "head" and _mark(tokens[end].text) == mark:
            end += 1
        if mark and end - k >= _LIST_MIN:
            for token in tokens[k:end]:
                token.kind = "para"
        k = end
    return tokens


def _split_across_photo(tokens: list[Token], k: int) -> None:
    """A paragraph under a photo's credit whose first line is headline-like and whose next line was
    printed after another photo (its caption and credit between the two lines) is no paragraph:
    the line stands alone, and the rest goes back where it was printed, after that photo. (Text
    running on around a photo set into it finishes the word or sentence it broke off; a headline
    line breaks off none.)"""
    token = tokens[k]
    if token.kind != "para" or token.dateline or len(token.numbers) < 2 or len(token.numbers) != len(token.lines):
        return
    first, after = token.lines[0].strip(), token.numbers[1]
    between = [t for t in tokens[k + 1:] if token.numbers[0] < t.line < after]
    if not (between and any(t.kind == "caption" for t in between) and between[-1].kind == "credit") \
            or not _headline_line(first) or cuts_word(first, token.lines[1].strip(), frequent=True):
        return
    rest = token.split_off(1)
    tokens.insert(tokens.index(between[-1]) + 1, rest)


def _headline_line(text: str) -> bool:
    """Is a line headline-like: short, no sentence finished or running through it (a comma may
    part a headline's halves: 冰雪季开板，雪场迎客来)?"""
    return 2 <= len(text) <= _CAPTION_HEAD_MAX and not re.search("[。！？；：、“”（）()]", text) \
        and not ends_sentence(text)


def _place_empty_drafts(drafts: list[Draft]) -> list[Draft]:
    """A headline (or byline) with no text under it goes to the nearest article: it opens the next
    one as a subheading, or, at the end of the text, ends the one before it as a paragraph (a
    label over a list of phone numbers). Returns those with no article to go to."""
    homeless = []
    for k, draft in enumerate(drafts):
        if draft.has_body or not (draft.title or draft.authors):
            continue
        text = _left_out(draft, "").text
        following = next((d for d in drafts[k + 1:] if d.has_body), None)
        preceding = next((d for d in reversed(drafts[:k]) if d.has_body), None)
        if following is not None:
            following.blocks.insert(0, ("sub", text))
            following.absorb(draft)
        elif preceding is not None:
            preceding.blocks.append(("para", text))
            preceding.absorb(draft)
        else:
            homeless.append(draft)
    return homeless


def _title_index(heads: list[Token], draft: Draft | None) -> int:
    """Where in its group of headline lines the draft's title was printed (the end when unknown)."""
    key = toc_key(draft.title or "") if draft is not None else ""
    return next((i for i, t in enumerate(heads) if key and key.startswith(toc_key(clean_heading(t.text)) or "\0")),
                len(heads))


def _unplaced(text: str, placed: list[str]) -> bool:
    """Is a headline line in none of the fields its group filled (title, deck, column, authors…)?"""
    key = toc_key(text)
    return bool(key) and not any(key in f or (f in key and 2 * len(f) >= len(key)) for f in placed if f)


def _left_out(draft: Draft, why: str) -> LeftOut:
    parts = [draft.subtitle if draft.subtitle and draft.subtitle != draft.title else None, draft.title,
             "、".join(draft.authors) or None, *(text for _, text in draft.blocks)]
    return LeftOut(draft.title_line or draft.line, " ".join(p for p in parts if p), why)


def segment_drafts(tokens: list[Token], toc: Toc, markdown: bool) -> tuple[list[Draft], list[LeftOut]]:
    """Drafts of the articles in reading order, and what was left out of every article."""
    tokens = _number_lines(_bullet_lists(_headlines_under_credits(tokens)))
    trailing = is_trailing_layout(tokens, markdown)
    builder = _Builder(tokens, toc, trailing, markdown, trailing_pages(tokens, markdown))
    drafts = builder.run()
    left_out = builder.left_out + [_left_out(d, N_("a headline with no text under it") if d.title
                                             else N_("a byline with no text under it"))
                                   for d in _place_empty_drafts(drafts)]
    drafts = [d for d in drafts if d.has_body]
    if not trailing:
        drafts = rejoin_interleaved(_merge_headless_prefixes(drafts), _block_opening(tokens))
        if not is_editor_closed(drafts):
            drafts = [part for d in drafts for part in _split_twice_signed(d, tokens)]
        else:
            drafts = _rejoin_orphan_sections(_rejoin_split_columns(drafts))
            kept = _drop_back_matter(drafts)  # a prefix of the drafts
            for draft in drafts[len(kept):]:  # back matter: no article's, but text, kept as its own item
                draft.unplaced = True
    return [d for d in drafts if d.has_body], sorted(left_out, key=lambda piece: piece.line)


def _block_opening(tokens: list[Token]):
    """Where a draft's block k was printed: its first raw line, and whether that line was set in,
    from the paragraph tokens (found by their cleaned text, indexed on the first question)."""
    by_text: dict[str, list[Token]] = {}

    def opening(draft: Draft, k: int) -> Opening:
        if not by_text:
            for t in tokens:
                if t.kind == "para":
                    by_text.setdefault(clean_body(t.text), []).append(t)
        token = next((t for t in by_text.get(draft.blocks[k][1], ()) if t.line in draft.lines), None)
        return Opening(token.line, token.set_in) if token is not None \
            else Opening(max(draft.lines, default=draft.line) + 1, False)
    return opening


def build_drafts(tokens: list[Token], toc: Toc, markdown: bool) -> list[Draft]:
    return segment_drafts(tokens, toc, markdown)[0]
