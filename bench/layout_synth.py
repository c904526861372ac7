"""Synthesized newspaper issues with their true segmentation, for the segmentation benchmark.

Real issues come with hand labels for a handful of files only; to measure the importer on
layouts it was never tuned on, this module lays out known articles (content/, or any Markdown
with front matter) the way PDF-extracted pages look, one layout feature at a time, and keeps
the answer: every article's title, kicker, deck, column, authors, source, kind, regions and
exact body, and which raw lines are page furniture.

Everything is a pure function of (layout, seed, sources): a seeded `random.Random` picks the
articles, names and pool phrases, so a layout and a seed always give the same bytes. Features
added after the benchmark's first figures (DRAWN_APART) draw from a generator of their own, so
every earlier layout still gives the bytes it gave, and turning one on leaves the rest of the
issue as it was without it.

    from bench.layout_synth import Layout, load_sources, synthesize
    issue = synthesize(Layout(width=16, paragraphs="indent"), seed=3, sources=load_sources())
"""
from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field, fields, replace
from itertools import accumulate
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.ingest.regions import tag_regions  # noqa: E402  (truth regions: see TruthArticle)
from generator.text.words import cuts_word  # noqa: E402  (where a break falls inside a word)

CONTENT = ROOT / "content"

# --- sources: articles to lay out ------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One article to lay out: its headline, body blocks (("para" | "sub", text)) and facts."""

    title: str
    blocks: tuple[tuple[str, str], ...]
    kind: str | None = None
    subtitle: str | None = None
    source: str | None = None
    place: str | None = None  # of its original dateline (本报库尔勒…讯 → 库尔勒)
    name: str = ""  # where it came from, for messages

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "para"]


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_DATELINE = re.compile(r"^(?:本报|本刊)(?P<place>[^\d讯电，。（(]{0,8}?)(?:\d{1,2}月\d{1,2}日)?(?:讯|电)\s*"
                       r"(?:[（(][^）)]*[）)]|(?:本报)?(?:记者|通讯员)[^，。：:（）()]{1,30}?报道\s*[:：])?\s*"
                       r"|^(?:新华社|中新社)[^\d，。]{2,8}\d{1,2}月\d{1,2}日电\s*(?:[（(][^）)]*[）)])?\s*")
_CLOSER = re.compile(r"\s*[（(](?:(?:本报)?(?:记者|通讯员|实习生|作者)|均?摘自|据|来源)[^（）()]{1,120}[）)]$")
_NAME_CLOSER = re.compile(r"(?:^|(?<=[。！？”]))\s*[（(][\u4e00-\u9fff·、 ]{2,20}[）)]$")  # …。（刘小兵）
_NOTE = re.compile(r"^[（(](?:均)?(?:作者单位|作者|摘自|据|来源|转自|原载|上接|下转|接)")
_JUMP = re.compile(r"[（(](?:下转|转|上接|接)第?[0-9一二三四五六七八九十]{1,3}[版页面][）)]")
_ESCAPED = re.compile(r"^\\(#+|[-*+>]|\d+\.)")
_MIN_TEXT = 60  # characters of text: less is a fragment, not an article to lay out
_MIN_CAPTION = 10  # characters of a photo's caption


def read_markdown(text: str, name: str = "") -> Source | None:
    """A Source from Markdown with YAML front matter; None when it has no title or no text.
    Datelines, trailing credits, notes and jump markers are taken out of the text: the layout
    prints its own, so the truth says exactly what was printed."""
    match = _FRONT.match(text)
    if not match:
        return None
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        return None
    title = meta.get("title") if isinstance(meta, dict) else None
    if not isinstance(title, str) or not title.strip():
        return None
    blocks: list[tuple[str, str]] = []
    place = None
    for chunk in re.split(r"\n\s*\n", text[match.end():]):
        chunk = " ".join(line.strip() for line in chunk.strip().splitlines())
        if not chunk:
            continue
        if chunk.startswith("## "):
            blocks.append(("sub", chunk[3:].strip()))
            continue
        chunk = _ESCAPED.sub(r"\1", chunk)
        if not blocks or all(kind == "sub" for kind, _ in blocks):
            lead = _DATELINE.match(chunk)
            if lead:
                place = (lead.groupdict().get("place") or "").strip() or place
                chunk = chunk[lead.end():].strip()
        chunk = _JUMP.sub("", _NAME_CLOSER.sub("", _CLOSER.sub("", chunk))).strip()
        if chunk and not _NOTE.match(chunk) and re.search("[\u4e00-\u9fff]", chunk):
            blocks.append(("para", chunk))
    # a last "paragraph" with no sentence in it (labels printed beside a story, 天和 问天 梦天 揽月
    # 探索) reads as a kicker once set over the next story: no reader could tell, so no truth says
    while blocks and (blocks[-1][0] == "sub" or not re.search("[，。！？；,.!?;]", blocks[-1][1])):
        blocks.pop()
    if sum(len(text) for kind, text in blocks if kind == "para") < (_MIN_CAPTION if meta.get("kind") == "photo" else _MIN_TEXT):
        return None
    source = meta.get("source") if isinstance(meta.get("source"), str) and not str(meta.get("source")).startswith("raw/") else None
    return Source(title=title.strip(), blocks=tuple(blocks), kind=meta.get("kind"), subtitle=meta.get("subtitle"),
                  source=source, place=place, name=name)


def load_sources(root: Path = CONTENT) -> tuple[Source, ...]:
    """Every article under `root` (content/ by default), in path order."""
    found = []
    for path in sorted(root.rglob("*.md")):
        source = read_markdown(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
        if source is not None:
            found.append(source)
    return tuple(found)


# --- layouts ---------------------------------------------------------------------------

BYLINES = ("dateline", "lead", "boxed", "plain", "correspondent", "closer", "outlet", "unit", "none")
CAPTIONS = ("", "before", "lead", "inside", "after", "between")


@dataclass(frozen=True)
class Layout:
    """How an issue is printed: each field is one layout feature (the base layout is the commonest
    shape: headline over its text, a dateline lead, blank lines between unwrapped paragraphs)."""

    headline: str = "before"  # before | after (the headline printed under its text, as in 000)
    banner: bool = False  # a slogan banner over the first story of each page (furniture)
    kicker: bool = False  # 引题 above the headline
    deck: bool = False  # 副题 under the headline
    column_label: bool = False  # a 栏目 label line above the headline group
    column_tag: bool = False  # …（今日谈）: the column named in brackets after the headline
    head_wrap: int = 0  # headline lines of at most this many characters (0: one line)
    doubled: str = ""  # "chars" (巴巴州州) or "line" (十四运促巴州十四运促巴州): headline type doubled
    spaced: bool = False  # letter-spaced headline (巴 州 被 命 名)
    byline: str = "dateline"  # one of BYLINES, or "mixed" (a form per article)
    paragraphs: str = "blank"  # blank | indent (U+3000 indent, no blank lines) | none
    width: int = 0  # hard wrap at this many characters (0: a paragraph per line)
    kinsoku: bool = True  # 避头尾: no line starts with 。，、）」 and the like
    halfwidth: bool = False  # ，：；（）！？ extracted as ASCII ,:;()!? (as in 003 and 004); 。、“” stay
    column_breaks: bool = False  # blank lines where a column ends, mid-paragraph
    crossheads: bool = False  # subheadings inside long articles
    captions: str = ""  # one of CAPTIONS: where photo captions (with credits) are printed
    photo_stories: bool = False  # headed photo items (headline, caption, credit)
    masthead: bool = False
    folio: bool = False  # a page header on every page (date, page, page name, editor)
    editor: bool = False  # [责任编辑：X] at every page end
    qr: bool = False  # 扫码关注… prompts
    jumps: bool = False  # a story broken off (下转第2版) and continued (上接第1版) on the next page
    interleave: bool = False  # a story's column printed after the next story's
    pages: int = 1
    articles: int = 6  # text articles per page
    photo_in_sentence: str = ""  # a photo set into a paragraph mid-sentence: "caption" (and credit) | "credit" alone
    # | "caption in a word" (a caption alone, no credit, where the paragraph breaks inside a word: sample 002's)
    swapped_columns: str = ""  # a paragraph's later column printed before its first (PDF text order): "whole"
    # (the paragraph ends in the later column) | "broken off" (the story breaks off there, as sample 004's)
    tight_head: bool = False  # the headline group (label, kicker, headline, deck, byline) one block: no blank line inside
    national: bool = False  # a national daily's folio (要闻 2023年6月14日 星期三 2) and editor line (（本版责编：…）)

    def varied(self, **changes) -> Layout:
        return replace(self, **changes)


# Features whose random numbers come from their own generator (see the module docstring).
DRAWN_APART = ("photo_in_sentence", "swapped_columns")
# Features that change only how the same draws are printed (no random number): left out of the seed too.
PRINTED_ONLY = ("tight_head", "national")


def _layout_key(layout: Layout, leave_out: tuple[str, ...]) -> str:
    """The layout as a generator is seeded with it: its repr without the fields `leave_out` names,
    which is the repr it had before those features existed (so earlier layouts' issues stay as
    they were). The issue's main generator leaves out DRAWN_APART and PRINTED_ONLY, the
    DRAWN_APART features' own generator PRINTED_ONLY."""
    shown = ", ".join(f"{f.name}={getattr(layout, f.name)!r}" for f in fields(layout) if f.name not in leave_out)
    return f"{type(layout).__qualname__}({shown})"


# --- truth -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TruthArticle:
    """What an editor reading the page would archive. `body` is Markdown as the importer writes it
    (paragraphs, `## ` crossheads, captions as paragraphs; the lead paragraph first). `regions`
    are what the importer's own tagger gives the true title and body: the benchmark measures what
    the layout does to the fields, not the tagger."""

    title: str | None
    body: str
    kind: str | None = None
    kicker: str | None = None
    deck: str | None = None
    column: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    photographers: tuple[str, ...] = ()
    regions: tuple[str, ...] | None = ()  # None: not scored (a photo without headline)
    continued: str | None = None
    line: int = 0  # first raw line of the article (1-based)

    def label(self, ends: int = 12) -> dict:
        """The article as a label of tests/fixtures/expected (title, first, last and fields)."""
        text = re.sub(r"\s+", "", re.sub(r"^#+ ", "", self.body, flags=re.M))
        label = {"title": self.title, "first": text[:ends], "last": text[-ends:], "kind": self.kind,
                 "authors": list(self.authors), "source": self.source}
        if self.regions is not None:
            label["regions"] = list(self.regions)
        return label


@dataclass(frozen=True)
class Issue:
    text: str
    articles: tuple[TruthArticle, ...]
    furniture: frozenset[int]  # 1-based raw lines that are page furniture
    publication: str
    home_region: str
    layout: Layout
    seed: int


# --- pools -----------------------------------------------------------------------------

PAPERS = (("昌吉日报", "昌吉回族自治州", "CHANGJI RIBAO"), ("巴音郭楞日报", "巴音郭楞蒙古自治州", "BAYINGUOLENG RIBAO"),
          ("阿勒泰日报", "阿勒泰地区", "ALETAI RIBAO"), ("伊犁日报", "伊犁哈萨克自治州", "YILI RIBAO"),
          ("喀什日报", "喀什地区", "KASHI RIBAO"), ("哈密日报", "哈密市", "HAMI RIBAO"))
BANNERS = ("新时代新征程新伟业", "奋进新征程 建功新时代", "学习贯彻党的二十大精神", "铸牢中华民族共同体意识")
KICKERS = ("学习贯彻党的二十大精神", "在习近平新时代中国特色社会主义思想指引下——", "深入学习贯彻自治区党委十届八次全会精神",
           "奋力谱写中国式现代化新疆篇章", "聚焦高质量发展", "新春走基层")
DECKS = ("——记扎根基层的优秀共产党员", "全州已建成示范点109个", "——论贯彻落实全会精神", "一线调研察实情 真抓实干解难题",
         "各族群众共享发展成果", "项目建设跑出加速度", "今年以来累计接待游客超过百万人次", "——访自治区人大代表",
         "让群众办事更便捷", "三年行动计划全面启动")
COLUMNS = ("铸牢中华民族共同体意识", "基层一线", "一线传真", "民生关注", "党建园地", "新春走基层", "法治在线")
TAGS = ("今日谈", "礼赞70年", "新论", "评论员观察", "一线视角", "天山时评")
CROSSHEADS = ("把握新方位——", "聚焦主责主业", "强化组织保障", "坚持问题导向", "激发内生动力", "筑牢发展根基",
              "凝聚奋进力量", "答好时代答卷")
CAPTION_TEXTS = ("图为活动现场。", "图为工作人员向群众讲解相关知识。", "图为参会人员认真听取报告。",
                 "图为志愿者为居民提供服务。", "图为项目施工现场一角。", "图为学员在课堂上交流学习体会。")
OUTLETS = ("工人日报", "人民日报", "光明日报", "经济日报", "法治日报")
UNITS = ("新疆于田县委", "新疆温泉县委组织部", "新疆伊吾县委组织部", "新疆塔城市委党校", "新疆昌吉市委宣传部")
PAGE_NAMES = ("要闻", "综合", "时政", "经济", "民生", "专版")
EDITORS = ("杨佩佩", "朱振陆", "齐桂帆", "李晓燕", "王建新")
DESK_EDITORS = ("刘伟", "王芳", "张华", "吴刚", "李明")  # a national page's second editor, set letter-spaced
QR = ("扫码关注{pub}微信公众号", "扫描二维码 看更多精彩内容", "扫码下载{pub}客户端")
NAMES = ("陈彦强", "谢晓艳", "袁海军", "杨菊萍", "李东泽", "刘颖红", "熊鹰", "胡俊秀", "王宽", "董世菊", "张云梅",
         "马伊宁", "盖有军", "托亚", "韩沁言", "阿依古丽·买买提", "艾力·吐尔逊", "周文杰", "赵富强", "刘宇博", "程勇",
         "孙丽娜", "吴泽思", "徐新星", "盛雪", "陈新")
WEEKDAYS = "一二三四五六日"

# Characters a line may not start with (避头尾): closing marks and sentence punctuation.
NO_LINE_START = frozenset("。，、；：？！）》」』”’…—·%,.;:?!)]")
NO_LINE_END = frozenset("（《「『“‘([")  # nor ends with an opening mark


# --- text shaping ----------------------------------------------------------------------


def wrap(text: str, width: int, kinsoku: bool = True, indent: str = "") -> list[str]:
    """Hard-wrap `text` at `width` characters (the indent counts); with 避头尾 a mark that would
    start a line hangs at the end of the line before, and an opening mark that would end one
    moves to the next, as typesetters do."""
    if width <= 0:
        return [indent + text]
    lines, i, first = [], 0, True
    while i < len(text):
        room = width - (len(indent) if first else 0)
        j = min(i + max(room, 1), len(text))
        while kinsoku and j < len(text) and text[j] in NO_LINE_START:
            j += 1
        while kinsoku and j < len(text) and j - 1 > i and text[j - 1] in NO_LINE_END:
            j -= 1
        lines.append((indent if first else "") + text[i:j])
        i, first = j, False
    return lines


def doubled_chars(text: str) -> str:
    return "".join(ch * 2 if not ch.isspace() else ch for ch in text)


def letter_spaced(text: str) -> str:
    return " ".join(ch for ch in text if not ch.isspace())


# --- the page writer ---------------------------------------------------------------------


@dataclass
class _Page:
    """Lines being written, with the furniture among them."""

    blank: bool = True  # blank lines between blocks (False: the extraction has none)
    lines: list[str] = field(default_factory=list)
    furniture: set[int] = field(default_factory=set)

    def put(self, text: str, furniture: bool = False) -> int:
        self.lines.append(text)
        if furniture:
            self.furniture.add(len(self.lines))
        return len(self.lines)

    def gap(self, force: bool = False) -> None:
        if (self.blank or force) and self.lines and self.lines[-1] != "":
            self.lines.append("")

    @property
    def next_line(self) -> int:
        return len(self.lines) + 1


@dataclass
class _Piece:
    """One article being laid out: its printed parts and its truth, before line numbers."""

    head: list[tuple[str, str]]  # (role, text) lines above the text: column, kicker, title, deck, byline
    blocks: list[tuple[str, str]]  # (para | sub | caption | credit | source, text) in printed order
    truth: TruthArticle


HALFWIDTH = str.maketrans("，：；（）！？", ",:;()!?")


def _as_printed(piece: _Piece, layout: Layout) -> _Piece:
    """The piece in the punctuation the extraction gives; its truth is the text as printed."""
    if not layout.halfwidth:
        return piece
    def half(text):
        return text.translate(HALFWIDTH) if text else text
    truth = replace(piece.truth, title=half(piece.truth.title), body=half(piece.truth.body),
                    kicker=half(piece.truth.kicker), deck=half(piece.truth.deck), column=half(piece.truth.column))
    return _Piece([(role, half(text)) for role, text in piece.head],
                  [(kind, half(text)) for kind, text in piece.blocks], truth)


def _names(rng: random.Random, count: int) -> tuple[str, ...]:
    return tuple(rng.sample(NAMES, count))


def _credit(rng: random.Random, name: str) -> str:
    return rng.choice((f"本报记者 {name} 摄", f"{name} 摄", f"□{name}/摄"))


def _byline(form: str, rng: random.Random, source: Source, place: str | None):
    """(head lines, lead prefix, closing suffix, extra last block, authors, outlet, dateline place, kind)."""
    head: list[tuple[str, str]] = []
    prefix = suffix = ""
    tail = None
    outlet, kind = None, None
    if form == "dateline":
        authors = _names(rng, rng.choice((1, 2)))
        people = f"记者 {authors[0]}" + (f" 通讯员 {authors[1]}" if len(authors) > 1 else "")
        prefix = f"本报{place or ''}6月13日讯（{people}）"
        kind = "news"
    elif form == "lead":
        authors = _names(rng, 1)
        prefix = f"本报讯 通讯员{authors[0]}报道："
        kind = "news"
    elif form == "boxed":
        authors = _names(rng, rng.choice((1, 2)))
        head.append(("byline", f"□本报记者/{' '.join(authors)}"))
    elif form == "plain":
        authors = _names(rng, 1)
        head.append(("byline", f"本报记者 {authors[0]}"))
    elif form == "correspondent":
        authors = _names(rng, 1)
        head.append(("byline", f"本报通讯员 {authors[0]}"))
    elif form == "closer":
        authors = _names(rng, 2)
        suffix = f"（记者 {authors[0]} 通讯员 {authors[1]}）"
    elif form == "outlet":
        authors = _names(rng, 1)
        outlet = source.source if source.source and not source.source.startswith("raw/") else rng.choice(OUTLETS)
        if rng.random() < 0.5:
            head.append(("byline", f"□{outlet}记者/{authors[0]}"))
        else:  # a reprint: the writer's name under the headline, the outlet at the end
            head.append(("byline", authors[0]))
            tail = ("source", f"（摘自《{outlet}》）")  # a line of its own: not the article's text
    elif form == "unit":
        authors = _names(rng, 1)
        head.append(("byline", authors[0]))
        tail = ("para", f"（作者单位：{rng.choice(UNITS)}）")
    else:
        authors = ()
    return head, prefix, suffix, tail, authors, outlet, (place if form == "dateline" else None), kind


def _text_piece(source: Source, layout: Layout, rng: random.Random, home: str, caption: str,
                used_decks: set[str] = frozenset(), apart: random.Random | None = None) -> _Piece:
    """A text article's printed parts and truth; `apart` draws for the DRAWN_APART features."""
    form = rng.choice(BYLINES[:-1]) if layout.byline == "mixed" else layout.byline
    head, prefix, suffix, tail, authors, outlet, place, kind = _byline(form, rng, source, source.place)
    blocks = [(k, t) for k, t in source.blocks if layout.crossheads or k != "sub"]
    if layout.crossheads and sum(k == "sub" for k, _ in blocks) == 0 and len(blocks) >= 4:
        at = rng.randrange(1, len(blocks) - 1)
        blocks.insert(at, ("sub", rng.choice(CROSSHEADS)))
    first = next(i for i, (k, _) in enumerate(blocks) if k == "para")
    blocks = blocks[first:]  # the text starts with a paragraph (a crosshead only inside)
    blocks[0] = ("para", prefix + blocks[0][1])
    last = max(i for i, (k, _) in enumerate(blocks) if k == "para")
    blocks[last] = ("para", blocks[last][1] + suffix)
    if tail:
        blocks.append(tail)
    printed = list(blocks)
    truth_blocks = [(k, t) for k, t in blocks if k != "source"]
    photographers: tuple[str, ...] = ()
    if caption in ("before", "lead", "inside", "after"):
        photographer = _names(rng, 1)[0]
        photographers = (photographer,)
        text = rng.choice(CAPTION_TEXTS)
        photo = [("caption", text), ("credit", _credit(rng, photographer))]
        at = {"before": 0, "lead": 0, "after": len(printed), "inside": max(1, len(printed) // 2)}[caption]
        printed[at:at] = photo
        truth_blocks.insert(len(truth_blocks) if caption == "after" else max(1, at), ("caption", text))
    if layout.swapped_columns == "whole" and apart is not None \
            or layout.swapped_columns == "broken off" and apart is not None and not (suffix or tail or photographers):
        _swap_columns(printed, truth_blocks, layout, apart)  # (a story that ends in a credit, note or photo
        # cannot break off before it: the truth would name what is not printed)
    if layout.photo_in_sentence and apart is not None:
        photographers += _photo_in_sentence(printed, truth_blocks, apart, layout.photo_in_sentence != "credit",
                                            credited=layout.photo_in_sentence != "caption in a word")
    title = source.title
    column = None
    kicker = rng.choice(KICKERS) if layout.kicker else None
    deck = None
    if layout.deck:
        fresh = [d for d in DECKS if d not in used_decks] or list(DECKS)  # a deck is the story's own
        deck = source.subtitle if source.subtitle and not source.subtitle.endswith("——") else rng.choice(fresh)
    group: list[tuple[str, str]] = []
    if layout.column_label:
        column = rng.choice(COLUMNS)
        group.append(("column", column))
    if kicker:
        group.append(("kicker", kicker))
    if layout.column_tag:
        column = rng.choice(TAGS)
        group.append(("title", f"{title}（{column}）"))
    else:
        group.append(("title", title))
    if deck:
        group.append(("deck", deck))
    kind = _kind_truth(kind, source, deck, layout.column_tag)
    body = "\n\n".join(f"## {t}" if k == "sub" else t for k, t in truth_blocks) + "\n"
    regions, _ = tag_regions(title, body, place, home)
    truth = TruthArticle(title=title, body=body, kind=kind, kicker=kicker, deck=deck, column=column,
                         authors=authors, source=outlet, photographers=photographers, regions=tuple(regions))
    return _Piece(head=group + head, blocks=printed, truth=truth)


def _kind_truth(kind: str | None, source: Source, deck: str | None, tagged: bool) -> str | None:
    """The kind a layout's cues agree on, or no truth where they conflict. A lead says news, and
    makes a long undated story (a feature) a report; but a brief, a profile or a commentary keeps
    its own cues under it (a 150-character blurb, a first-person 我是… story, an argument), and a
    ——论…, ——记… or ——访… deck drawn at random, or a commentary column's tag (今日谈), says
    commentary, profile or interview."""
    if tagged:
        return None
    if kind == "news" and source.kind not in (None, "news", "feature"):
        return None
    if deck and deck.startswith(("——论", "——记", "——访")):
        return None
    return kind


def _later_paragraphs(printed: list[tuple[str, str]], shortest: int) -> list[int]:
    """Printed paragraphs after the lead (whose dateline opens the story) of at least `shortest` characters."""
    first = next(i for i, (k, _) in enumerate(printed) if k == "para")
    return [i for i, (k, t) in enumerate(printed) if k == "para" and i > first and len(t) >= shortest]


def _midsentence_cuts(text: str) -> list[int]:
    """Where a paragraph can break off inside a sentence: not after a sentence's end, nor before a
    mark no line starts with, nor within 12 characters of either end."""
    return [c for c in range(12, len(text) - 12) if text[c - 1] not in "。！？；：”" and text[c] not in NO_LINE_START]


def _photo_in_sentence(printed: list[tuple[str, str]], truth_blocks: list[tuple[str, str]],
                       rng: random.Random, caption: bool = True, credited: bool = True) -> tuple[str, ...]:
    """Set a photo into a paragraph mid-sentence: the paragraph's first part, the caption (unless
    `caption` is false: a credit alone, as in sample 002), its credit, then the rest ("rest": it goes
    on, so no indent). Not `credited`: the caption alone, where the paragraph breaks inside a
    common word (…重点实 / caption / 验室…, as sample 002's 丝路明珠 prints one): nothing but the word
    says the paragraph goes on. The truth reads the paragraph whole with the caption after it, as
    a caption printed above the lead follows the lead. Returns the photographer, or nothing where
    no paragraph after the lead can break off so (or the photo has no credit)."""
    candidates = [(i, cuts) for i in _later_paragraphs(printed, 40) if (cuts := _midsentence_cuts(printed[i][1]))]
    if not credited:
        candidates = [(i, inside) for i, cuts in candidates
                      if (inside := [c for c in cuts if cuts_word(printed[i][1][:c], printed[i][1][c:])])]
    if not candidates:
        return ()
    i, cuts = rng.choice(candidates)
    text, cut = printed[i][1], rng.choice(cuts)
    if not credited:
        words = rng.choice(CAPTION_TEXTS)
        truth_blocks.insert(truth_blocks.index(("para", text)) + 1, ("caption", words))
        printed[i:i + 1] = [("para", text[:cut]), ("caption", words), ("rest", text[cut:])]
        return ()
    photographer = _names(rng, 1)[0]
    photo = [("credit", _credit(rng, photographer))]
    if caption:
        words = rng.choice(CAPTION_TEXTS)
        photo.insert(0, ("caption", words))
        truth_blocks.insert(truth_blocks.index(("para", text)) + 1, ("caption", words))
    printed[i:i + 1] = [("para", text[:cut]), *photo, ("rest", text[cut:])]
    return (photographer,)


def _swap_columns(printed: list[tuple[str, str]], truth_blocks: list[tuple[str, str]], layout: Layout,
                  rng: random.Random) -> None:
    """Print a paragraph after the lead the way PDF text can give a paragraph set in two columns:
    the later column's lines ("later", no indent: they go on mid-sentence), a column break, then the
    first column's ("earlier"). The columns part inside a sentence (at a line end on a wrapped page):
    one that ends a sentence gives no reader a sign of their order. With "broken off" the story
    stops at the later column's end, inside a sentence, and its truth ends there too (as sample
    004's label does). The truth keeps the paragraph in order."""
    indent = "\u3000\u3000" if layout.paragraphs == "indent" else ""

    def column_ends(text: str) -> list[int]:
        cuts = _midsentence_cuts(text)
        if layout.width:
            ends = set(accumulate(len(line) for line in wrap(text, layout.width, layout.kinsoku, indent)))
            cuts = [c for c in cuts if c + len(indent) in ends]
        return cuts

    candidates = [(i, cuts) for i in _later_paragraphs(printed, 60) if (cuts := column_ends(printed[i][1]))]
    if not candidates:
        return
    i, cuts = rng.choice(candidates)
    text = printed[i][1]
    if layout.swapped_columns == "broken off":
        stops = [stop for stop in cuts if column_ends(text[:stop])]
        if not stops:
            return
        stop = rng.choice(stops)
        truth_blocks[truth_blocks.index(("para", text)):] = [("para", text[:stop])]
        del printed[i + 1:]
        text = text[:stop]
        cuts = column_ends(text)
    cut = rng.choice(cuts)
    printed[i:i + 1] = [("later", text[cut:]), ("earlier", text[:cut])]


def _photo_piece(source: Source, rng: random.Random, home: str, headed: bool) -> _Piece:
    """A photo item: its caption and credit, with or without a headline of its own."""
    photographer = _names(rng, 1)[0]
    paragraphs = source.paragraphs[:2]
    body = "\n\n".join(paragraphs) + "\n"
    title = source.title if headed else None
    regions = tuple(tag_regions(title, body, None, home)[0]) if headed else None
    truth = TruthArticle(title=title, body=body, kind="photo", photographers=(photographer,), regions=regions)
    blocks = [("caption", p) for p in paragraphs] + [("credit", _credit(rng, photographer))]
    return _Piece(head=[("title", source.title)] if headed else [], blocks=blocks, truth=truth)


# --- printing ------------------------------------------------------------------------------


def _headline_lines(text: str, layout: Layout) -> list[str]:
    parts = wrap(text, layout.head_wrap, kinsoku=True) if layout.head_wrap and len(text) > layout.head_wrap else [text]
    if layout.doubled == "chars":
        parts = [doubled_chars(p) for p in parts]
    elif layout.doubled == "line":
        parts = [p + p for p in parts]
    if layout.spaced:
        parts = [letter_spaced(p) for p in parts]
    return parts


def _block_lines(kind: str, text: str, layout: Layout, rng: random.Random) -> list[str]:
    """The raw lines of one body block; a blank line inside marks a column break. A "rest" or
    "later" block goes on mid-sentence (no indent); "earlier" opens its paragraph."""
    if kind == "sub":  # a crosshead is set in its column: a long one wraps there
        return wrap(text, layout.width, layout.kinsoku, "")
    if kind in ("credit", "source"):
        return [text]
    indent = "\u3000\u3000" if layout.paragraphs == "indent" and kind in ("para", "earlier") else ""
    lines = wrap(text, layout.width, layout.kinsoku, indent)
    if layout.column_breaks and kind == "para":
        if layout.width and len(lines) > 3 and rng.random() < 0.4:
            cut = rng.randrange(1, len(lines) - 1)
            lines[cut:cut] = [""]
        elif not layout.width and len(text) > 120 and rng.random() < 0.4:
            cut = rng.randrange(40, len(text) - 40)
            lines = [indent + text[:cut], "", text[cut:]]
    return lines


def _print_head(page: _Page, piece: _Piece, layout: Layout) -> None:
    for role, text in piece.head:
        lines = _headline_lines(text, layout) if role == "title" else [text]
        for line in lines:
            page.put(line)
        if not layout.tight_head:
            page.gap()
    if layout.tight_head and piece.head:
        page.gap()


def _print_blocks(page: _Page, blocks: list[tuple[str, str]], layout: Layout, rng: random.Random) -> None:
    for kind, text in blocks:
        for line in _block_lines(kind, text, layout, rng):
            if line == "":
                page.gap(force=True)  # a column break shows even where paragraphs have no blank lines
            else:
                page.put(line)
        page.gap(force=kind == "later")  # the later column printed first ends where a column does


def _print_piece(page: _Page, piece: _Piece, layout: Layout, rng: random.Random) -> TruthArticle:
    """Print a piece; returns its truth with its first line."""
    start = page.next_line
    heads = [h for h in piece.head if h[0] != "byline"]
    bylines = [h for h in piece.head if h[0] == "byline"]
    if layout.headline == "after" and heads and piece.truth.kind != "photo":
        _print_head(page, _Piece(bylines, [], piece.truth), layout)
        _print_blocks(page, piece.blocks, layout, rng)
        page.gap()
        _print_head(page, _Piece(heads, [], piece.truth), layout)
    else:
        _print_head(page, piece, layout)
        _print_blocks(page, piece.blocks, layout, rng)
    page.gap()
    return replace(piece.truth, line=start)


def _cut_midsentence(piece: _Piece, rng: random.Random) -> tuple[_Piece, list[tuple[str, str]]] | None:
    """Split a piece inside one of its paragraphs (not the last), away from a sentence end: the
    first part, and the rest to print later (a column out of order, or a jump to the next page)."""
    paras = [i for i, (k, t) in enumerate(piece.blocks[:-1]) if k == "para" and len(t) >= 40]
    if not paras:
        return None
    i = rng.choice(paras)
    text = piece.blocks[i][1]
    cuts = _midsentence_cuts(text)
    if not cuts:
        return None
    cut = rng.choice(cuts)
    head = piece.blocks[:i] + [("para", text[:cut])]
    rest = [("para", text[cut:])] + piece.blocks[i + 1:]
    return _Piece(piece.head, head, piece.truth), rest


def _print_rest(page: _Page, rest: list[tuple[str, str]], layout: Layout, rng: random.Random) -> None:
    """The remainder of a cut piece: it goes on mid-sentence, so with indents its first line has none."""
    kind, text = rest[0]
    for line in wrap(text, layout.width, layout.kinsoku):
        page.put(line)
    page.gap()
    _print_blocks(page, rest[1:], layout, rng)
    page.gap()


def _masthead(page: _Page, rng: random.Random, pub: str, latin: str, pages: int) -> None:
    for line in (pub, latin, "2023年6月14日", "星期三", "农历癸卯年四月廿七", f"总第{rng.randint(9000, 13000)}期",
                 f"今日{max(pages, 4)}版", f"国内统一连续出版物号 CN65-00{rng.randint(10, 99)}"):
        page.put(line, furniture=True)
    page.gap()


def _folio(page: _Page, rng: random.Random, number: int, national: bool = False) -> None:
    name, editor = rng.choice(PAGE_NAMES), rng.choice(EDITORS)
    split = rng.random() >= 0.5
    if national:  # the number alone, no 第…版 (the same draws: the issue is otherwise the same)
        page.put(f"{name} 2023年6月14日 星期三 {number}" if split else f"2023年6月14日 星期三 {name} {number:02d}",
                 furniture=True)
    elif not split:
        page.put(f"2023年6月14日 星期三 第{number}版 {name} 责任编辑：{editor}", furniture=True)
    else:
        for line in (f"第{number}版", name, "2023年6月14日 星期三", f"责任编辑：{editor}"):
            page.put(line, furniture=True)
    page.gap()


class _Printer:
    """Prints the pages of one issue, story by story, keeping each story's truth."""

    def __init__(self, layout: Layout, rng: random.Random, pub: str, home: str, photos: list[Source],
                 apart: random.Random | None = None):
        self.layout, self.rng, self.pub, self.home, self.photos = layout, rng, pub, home, photos
        self.apart = apart  # draws for the DRAWN_APART features
        self.page = _Page(blank=layout.paragraphs == "blank")
        self.truths: list[TruthArticle] = []
        self.jump: list[tuple[str, str]] | None = None  # the rest of a story continued on the next page
        self.pending: list[tuple[str, str]] | None = None  # the rest of a story whose column comes later

    def furniture(self, line: str) -> None:
        self.page.put(line, furniture=True)
        self.page.gap()

    def story(self, piece: _Piece, continued: str | None = None) -> None:
        self.truths.append(replace(_print_piece(self.page, piece, self.layout, self.rng), continued=continued))

    def rest(self, blocks: list[tuple[str, str]]) -> None:
        _print_rest(self.page, blocks, self.layout, self.rng)

    def page_top(self, number: int) -> None:
        """Folio, the story continued from the page before, banner."""
        if self.layout.folio:
            _folio(self.page, self.rng, number, self.layout.national)
        if self.jump is not None:
            self.page.put(f"（上接第{number - 1}版）", furniture=True)
            self.rest(self.jump)
            self.jump = None
        if self.layout.banner:
            self.furniture(self.rng.choice(BANNERS))

    def text_story(self, source: Source, number: int, position: int, count: int) -> None:
        """One text article, with its photo where the layout puts one, cut where it jumps or interleaves."""
        layout = self.layout
        caption = layout.captions
        if caption == "before" and position != 0 or caption == "after" and position != count - 1:
            caption = ""
        piece = _as_printed(_text_piece(source, layout, self.rng, self.home, caption,
                                        {t.deck for t in self.truths if t.deck}, self.apart), layout)
        if caption == "before":  # the photo stands above its story's headline
            photo, piece = piece.blocks[:2], _Piece(piece.head, piece.blocks[2:], piece.truth)
            _print_blocks(self.page, photo, layout, self.rng)
            self.page.gap()
        if layout.jumps and number < layout.pages and position == 0 and self.jump is None:
            cut = _cut_midsentence(piece, self.rng)
            if cut is not None:
                self.story(cut[0], continued=f"{number + 1}版")
                self.furniture(f"（下转第{number + 1}版）")
                self.jump = cut[1]
                return
        if layout.interleave and self.pending is None and position < count - 1:
            cut = _cut_midsentence(piece, self.rng)
            if cut is not None:
                self.story(cut[0])
                self.pending = cut[1]
                return
        self.story(piece)
        if self.pending is not None:
            self.rest(self.pending)
            self.pending = None

    def photos_after(self, position: int, count: int) -> None:
        """A photo between this story and the next; a headed photo story mid-page."""
        if self.layout.captions == "between" and position < count - 1 and self.photos:
            self.story(_as_printed(_photo_piece(self.photos.pop(), self.rng, self.home, headed=False), self.layout))
        if self.layout.photo_stories and position == count // 2 and self.photos:
            self.story(_as_printed(_photo_piece(self.photos.pop(), self.rng, self.home, headed=True), self.layout))

    def page_bottom(self, number: int) -> None:
        """A column still waiting, the last QR prompt, the editor line."""
        if self.pending is not None:
            self.rest(self.pending)
            self.pending = None
        if self.layout.qr and number == self.layout.pages:
            self.page.put(self.rng.choice(QR).format(pub=self.pub), furniture=True)
        if self.layout.editor:
            editor = self.rng.choice(EDITORS)
            if self.layout.national:  # (the desk's second editor follows from the first: no draw of its own)
                desk = "\u3000".join(DESK_EDITORS[EDITORS.index(editor)])
                self.page.put(f"（本版责编：{editor}　{desk}）", furniture=True)
            else:
                self.page.put(f"[责任编辑：{editor}]", furniture=True)
        self.page.gap()


def synthesize(layout: Layout, seed: int, sources: tuple[Source, ...]) -> Issue:
    """One issue printed in `layout`, with its truth. The same arguments give the same issue."""
    rng = random.Random(f"{seed}:{_layout_key(layout, DRAWN_APART + PRINTED_ONLY)}")
    pub, home, latin = PAPERS[seed % len(PAPERS)]
    texts = [s for s in sources if s.kind != "photo"]
    photos = [s for s in sources if s.kind == "photo"]
    chosen = rng.sample(texts, min(layout.articles * layout.pages, len(texts)))
    apart = random.Random(f"{seed}:{_layout_key(layout, PRINTED_ONLY)}:apart")  # draws for DRAWN_APART: none unless one is on
    printer = _Printer(layout, rng, pub, home, rng.sample(photos, len(photos)), apart)
    if layout.masthead:
        _masthead(printer.page, rng, pub, latin, layout.pages)
    if layout.qr:
        printer.furniture(rng.choice(QR).format(pub=pub))
    for number in range(1, layout.pages + 1):
        stories = chosen[number - 1::layout.pages]
        printer.page_top(number)
        for position, source in enumerate(stories):
            printer.text_story(source, number, position, len(stories))
            printer.photos_after(position, len(stories))
        printer.page_bottom(number)
    lines = printer.page.lines
    while lines and lines[-1] == "":
        lines.pop()
    return Issue(text="\n".join(lines) + "\n", articles=tuple(printer.truths),
                 furniture=frozenset(printer.page.furniture), publication=pub, home_region=home, layout=layout,
                 seed=seed)


# --- the benchmark's layouts ---------------------------------------------------------------

BASE = Layout()

# One feature varied at a time from BASE (name → layout), then a few mixes of many at once.
FEATURES: dict[str, Layout] = {
    "base": BASE,
    "headline after text": BASE.varied(headline="after"),
    "banner": BASE.varied(banner=True),
    "kicker": BASE.varied(kicker=True),
    "deck": BASE.varied(deck=True),
    "kicker + deck": BASE.varied(kicker=True, deck=True),
    "column label": BASE.varied(column_label=True),
    "column tag （今日谈）": BASE.varied(column_tag=True),
    "headline wrapped at 12": BASE.varied(head_wrap=12),
    "headline chars doubled": BASE.varied(doubled="chars"),
    "headline line doubled": BASE.varied(doubled="line"),
    "headline letter-spaced": BASE.varied(spaced=True),
    **{f"byline {form}": BASE.varied(byline=form) for form in BYLINES if form != "dateline"},
    "byline mixed": BASE.varied(byline="mixed"),
    "no blank lines": BASE.varied(paragraphs="none"),
    "U+3000 indents": BASE.varied(paragraphs="indent"),
    **{f"width {w}": BASE.varied(width=w) for w in (12, 16, 20, 24)},
    "width 16 no 避头尾": BASE.varied(width=16, kinsoku=False),
    "half-width ,:()": BASE.varied(halfwidth=True),
    "width 16 no blank lines": BASE.varied(width=16, paragraphs="none"),
    "width 16 indents": BASE.varied(width=16, paragraphs="indent"),
    "column breaks": BASE.varied(column_breaks=True),
    "width 16 column breaks": BASE.varied(width=16, column_breaks=True),
    "crossheads": BASE.varied(crossheads=True),
    **{f"captions {where}": BASE.varied(captions=where) for where in CAPTIONS if where},
    "photo stories": BASE.varied(photo_stories=True),
    "masthead": BASE.varied(masthead=True),
    "folios, 3 pages": BASE.varied(folio=True, pages=3, articles=3),
    "editor lines": BASE.varied(editor=True),
    "QR prompts": BASE.varied(qr=True),
    "jumps (下转/上接), 2 pages": BASE.varied(jumps=True, pages=2, articles=3),
    "interleaved columns": BASE.varied(interleave=True),
    "3 pages": BASE.varied(pages=3, articles=3),
    "photo in a sentence": BASE.varied(photo_in_sentence="caption"),
    "width 16 photo in a sentence": BASE.varied(width=16, photo_in_sentence="caption"),
    "photo credit alone in a sentence": BASE.varied(photo_in_sentence="credit"),
    "width 16 photo credit alone in a sentence": BASE.varied(width=16, photo_in_sentence="credit"),
    "caption alone in a word": BASE.varied(photo_in_sentence="caption in a word"),
    "width 16 caption alone in a word": BASE.varied(width=16, photo_in_sentence="caption in a word"),
    "columns swapped": BASE.varied(swapped_columns="whole"),
    "width 16 columns swapped": BASE.varied(width=16, swapped_columns="whole"),
    "columns swapped, story broken off": BASE.varied(swapped_columns="broken off"),
    "width 16 columns swapped, story broken off": BASE.varied(width=16, swapped_columns="broken off"),
    "headline group in one block": BASE.varied(tight_head=True, kicker=True, deck=True, byline="mixed"),
    "national daily's folios and editor lines, 3 pages": BASE.varied(national=True, folio=True, editor=True, pages=3,
                                                                       articles=3),
}

MIXES: dict[str, Layout] = {
    "mix: broadsheet": Layout(masthead=True, folio=True, editor=True, qr=True, banner=True, kicker=True, deck=True,
                              byline="mixed", crossheads=True, captions="lead", photo_stories=True, pages=3, articles=3),
    "mix: narrow columns": Layout(width=14, paragraphs="indent", column_breaks=True, byline="mixed", deck=True,
                                  head_wrap=12, folio=True, editor=True, captions="between", pages=2, articles=4),
    "mix: no blank lines": Layout(width=18, paragraphs="none", halfwidth=True, kicker=True, column_tag=True, byline="mixed",
                                  crossheads=True, editor=True, folio=True, pages=2, articles=4),
    "mix: national daily": Layout(width=17, paragraphs="indent", deck=True, column_tag=True, crossheads=True,
                                  byline="boxed", folio=True, editor=True, pages=2, articles=4),
    "mix: everything": Layout(headline="before", banner=True, kicker=True, deck=True, column_label=True,
                              doubled="line", byline="mixed", paragraphs="indent", width=16, kinsoku=False,
                              column_breaks=True, crossheads=True, captions="inside", photo_stories=True,
                              masthead=True, folio=True, editor=True, qr=True, jumps=True, interleave=True,
                              pages=3, articles=3),
}

# Mixes with the DRAWN_APART features, apart from MIXES: the issues other benchmarks build from
# MIXES (bench/run.py's import, segmentation_eval's throughput) stay the ones they measured.
LATER_MIXES: dict[str, Layout] = {
    "mix: PDF columns out of order": Layout(width=17, paragraphs="indent", byline="mixed", deck=True, crossheads=True,
                                            folio=True, editor=True, photo_in_sentence="caption", swapped_columns="whole",
                                            pages=2, articles=4),
}

# PDF pages of a national daily: headlines set across columns on one line (long ones, commas and
# column tags in them), bodies hard-wrapped at 13-22 characters, paragraphs separated by blank
# lines, by U+3000 indents or by nothing; every other width with decks, column tags and crossheads.
PDF_PAGES: dict[str, Layout] = {
    f"pdf: width {width}, {label}{', deck + tag + crossheads' if extras else ''}": Layout(
        width=width, paragraphs=paragraphs, byline="mixed", folio=True, editor=True, pages=2, articles=4,
        deck=extras, column_tag=extras, crossheads=extras)
    for paragraphs, label in (("blank", "blank lines"), ("indent", "indents"), ("none", "neither"))
    for width in (13, 17, 22) for extras in (False, True)
}
PDF_PAGES["pdf: width 17, indents, deck + tag + crossheads, national folios and editor lines"] = \
    PDF_PAGES["pdf: width 17, indents, deck + tag + crossheads"].varied(national=True)
PDF_PAGES["pdf: width 17, blank lines, deck + tag + crossheads, headline group in one block"] = \
    PDF_PAGES["pdf: width 17, blank lines, deck + tag + crossheads"].varied(tight_head=True, national=True)

