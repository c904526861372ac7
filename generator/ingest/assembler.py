"""Blocks → tokens: the assembler reads the blocks one at a time, in order, and decides what
each is (a headline, a caption, a typed line, or lines of a paragraph that may go on from the
block before), keeping the state that needs (the open paragraph, the width of recent lines,
a story cut off by the next headline and taken up again after it).

A blank line ends a paragraph only when the text before it ends a sentence:
PDF extraction also leaves blank lines mid-sentence (依据 / 《自治区…》). A
short block with no sentence punctuation after a finished sentence is a
headline; in narrow newspaper columns such a block can also be a wrapped
fragment, so it only breaks an unfinished paragraph when it is clearly
shorter than the lines of that paragraph.
"""
from __future__ import annotations

import re
from typing import Callable

from ..text.words import cuts_word, is_common_word, splits_word
from . import metadata as md
from .clean import BRACKET_SPAN, CJK, collapse_doubled, continues_across, ends_sentence, join_lines, seen_joined
from .lines import closing_editor, is_bare_dateline, is_onward_jump, runs_on, word_wrapped_on
from .titles import (HEAD_END_OK, HEAD_TAIL_MAX, MID_SENTENCE, PHONE, balanced, has_sentence_inside, is_byline_name,
                     is_closed_title, is_couplet, is_deck_line, is_decked_title, is_doubled, is_heading_text, is_kicked_title,
                     is_led_title, is_wide_title, leads_follow, md_heading, split_column_tag)
from .tokens import Token
from .typed_lines import line_type


_FRAGMENT_MAX = 80  # characters of a caption set into a column mid-sentence
_DANGLING_BLOCKS = 12  # blocks after which a cut-off paragraph is no longer taken up
CAPTION_MAX = 160  # characters of a photo caption


def _is_heading_block(block: list[tuple[int, str]]) -> bool:
    if len(block) > 5:
        return False
    texts = [t for _, t in block]
    if not balanced("".join(texts)):
        return False  # a title or quotation the line break cut: part of a paragraph
    if texts[0].startswith("——"):
        return len("".join(texts)) <= 90 and not re.search("[。！？]", "".join(texts))
    if len(block) > 3:  # a long headline wrapped in a narrow column: lines of one width, then the rest;
        # or one set vertically or scattered: short pieces, one or two characters each
        joined = "".join(texts)
        if len({len(t) for t in texts[:-1]}) == 1 and len(texts[-1]) <= len(texts[0]):
            return is_heading_text(join_lines(texts))
        return all(len(t) <= 6 for t in texts) and 4 <= len(joined) <= 24 and is_heading_text(joined)
    if len(texts) > 1 and len(texts[-1]) <= HEAD_TAIL_MAX and re.fullmatch(f"[{CJK}]+", texts[-1]):
        # 助力城乡融 / 合: a headline's last character or two, carried over by the wrap
        return all(is_heading_text(t) for t in texts[:-1]) and is_heading_text(join_lines(texts))
    return all(is_heading_text(t) for t in texts)


def _heading_tokens(block: list[tuple[int, str]]) -> list[Token]:
    """One headline per block, split at kickers (…——) and before subtitles (——…)."""
    out: list[Token] = []
    for number, raw in block:
        text = collapse_doubled(raw.strip())
        if out and not text.startswith("——") and not out[-1].text.endswith(HEAD_END_OK) \
                and not out[-1].text.startswith("——") \
                and not (is_byline_name(text) and not splits_word(out[-1].lines[-1], text)
                         and not word_wrapped_on(out[-1].lines[-1], text)) \
                and not _tagged_under(out[-1].lines[-1], text) \
                and not _name_under_couplet(out[-1].lines[-1], text):
            out[-1].lines.append(text)
        elif out and out[-1].text.startswith("——") and not text.startswith("——"):
            out[-1].lines.append(text)
        else:
            out.append(Token("head", number, [text]))
        out[-1].heavy = out[-1].heavy or text != raw.strip()
    return out


def _name_under_couplet(above: str, text: str) -> bool:
    """Is `text` a writer's name (托亚, a name no surname list knows) under a headline of two
    phrases set apart (…稳步向好 助力区域协调均衡发展)? Under such a whole headline, a short line that
    is no word of its own and finishes none with the line above is no wrap's rest (…区域 经济一体化
    发展 / 战略 is)."""
    return is_couplet(above) and md.is_author_line(text) and not is_common_word(text) \
        and not splits_word(above, text)


_TAGGED_MIN = 8  # characters of a headline with its column tag, and of the line over it, each whole


def _tagged_under(above: str, text: str) -> bool:
    """Is `text` a whole headline with its column tag (“靶向”发力建强人才队伍（新论）) under a whole line
    (深入学习贯彻自治区党委十届八次全会精神)? Then that line is its kicker, not its first half (a wrap
    leaves a short rest: 写好区域协调发展 / “大文章”（新论）)."""
    title, tag = split_column_tag(text)
    return tag is not None and len(title) >= _TAGGED_MIN and len(above) >= _TAGGED_MIN


def _typed(number: int, text: str) -> Token | None:
    """A whole line or block that is one of the small typed lines, else None."""
    stripped = text.strip()
    found = line_type(stripped)
    return None if found is None else Token(found[0], number, [stripped], value=found[1])


def _read_by_line(token: Token | None) -> bool:
    """Is the token a paragraph whose raw lines are all known (one line number per line), so that
    lines at its end can be cut off as something else?"""
    return token is not None and token.kind == "para" and len(token.numbers) == len(token.lines)


def _sentence_starts(lines: list[str]):
    """Indexes of the lines that open a sentence after a line that ended one, last first: where a
    caption run on into a paragraph can start."""
    return (k for k in range(len(lines) - 1, 0, -1) if ends_sentence(lines[k - 1]))


_TEXT_OVER_CAPTION_MIN = 2  # lines of a paragraph a dated caption ran on from (fewer may be the caption's own)


def _dated_caption_start(block: list[tuple[int, str]]) -> int:
    """Where, in a block that ends in a photo's credit, the caption starts when the story's last
    paragraph ran on into it (no blank line, no indent: …用得好。 filled its line, 11月10日，参加… /
    …跑步健身。 / （本报记者 X摄）): the line that opens with a date after a line that ended a sentence,
    as a news photo's caption opens, at least two lines down; 0 when none does."""
    lines = [text for _, text in block]
    return next((k for k in _sentence_starts(lines) if k >= _TEXT_OVER_CAPTION_MIN and md.TIME_LEAD.match(lines[k])
                 and "，" in lines[k][:12] and md.split_trailing_credit(join_lines(lines[k:])) is not None), 0)


def _jumps_on(following: list[tuple[int, str]] | None) -> bool:
    """Is the next block a jump line sending the text on to another page (`is_onward_jump`)?"""
    return bool(following) and is_onward_jump(following[0][1])


class Assembler:
    def __init__(self, markdown: bool, line_paragraphs: bool = False, column_lines: frozenset[int] = frozenset(),
                 width: int = 0, issue_text: Callable[[], str] = str, grouped: frozenset[int] = frozenset()):
        self.markdown = markdown
        self.grouped = grouped  # line numbers of a headline group's lines (`split_block`): headline lines
        self.issue_text = issue_text  # the issue's text lines joined (asked for rarely: made on first use)
        self.width = width  # the page's wrap width (0: not hard-wrapped)
        self.column_lines = column_lines  # line numbers set as wide as the column under them: never a headline
        self.line_paragraphs = line_paragraphs  # every line that ends a sentence ends its paragraph
        self.tokens: list[Token] = []
        self.open: Token | None = None  # the paragraph still waiting for its sentence end
        self.widths: list[int] = []  # lengths of recent body lines: the column width
        # Columns interleaved: an article's unfinished last paragraph, cut off by the next headline
        # (dangling), is taken up again by a block inside the next article (its text runs as
        # `stream` up to a photo or headline), while that article's own open paragraph waits
        # (suspended) and picks up after the photo.
        self.dangling: Token | None = None
        self.dangling_age = 0
        self.stream: Token | None = None
        self.suspended: Token | None = None
        self.resume_suspended = False
        self.headed = False  # a headline was printed since the last closing line

    def close(self) -> None:
        self.open = None

    def emit(self, token: Token) -> None:
        if token.kind == "credit":
            self._caption_above()
        if token.kind == "caption":
            self._dated_caption_above()
        if token.kind in ("caption", "credit", "head") and (self.stream or self.suspended):
            self.stream = None
            self.resume_suspended = token.kind != "head" and self.suspended is not None
            if token.kind == "head":
                self.suspended = None
        if token.kind in ("head", "editor", "source", "author", "cont", "page"):
            self.headed = token.kind == "head"
        self.tokens.append(token)
        if token.kind == "caption":
            self._dated_opening_above()

    def _caption_above(self) -> None:
        """A photo credit (本报记者 X 摄) under a short finished paragraph makes that paragraph the
        photo's caption, blank lines around it or not."""
        last = self._short_paragraph_above()
        if last is not None:
            last.kind = "caption"
            self._dated_opening_above()
        else:
            self._caption_run_on_above()

    def _caption_run_on_above(self) -> None:
        """A credit under a long paragraph: where the paragraph's last sentence starts a line of its
        own after a line that ended one (nothing else set it apart: no blank line, no indent), and
        is short enough for a caption, that sentence is the photo's caption the flush lines ran on
        into the story (…增进民生福祉。 / 新疆喀什华电266万千瓦热电 / 联产项目。 / 本报记者 X 摄)."""
        before = self.tokens[-1] if self.tokens else None
        if not _read_by_line(before) or before.dateline or not ends_sentence(before.lines[-1]):
            return
        k = next(_sentence_starts(before.lines), 0)
        moved = before.lines[k:]
        if k and len(join_lines(moved)) <= CAPTION_MAX and not has_sentence_inside(join_lines(moved)[:-1]) \
                and not moved[0].startswith("图为"):  # (图为… leans on the story it is set in: it stays there)
            numbers = before.numbers[k:]
            before.cut(k)
            self.tokens.append(Token("caption", numbers[0], moved, numbers=numbers))

    def _dated_opening_above(self) -> None:
        """A news photo's caption opens with its date (日前，…) and may go on in a second paragraph:
        where the flush lines of the first ran on from the story's last paragraph (its last line
        ending a sentence, nothing set them apart), the lines from that date on are the caption's."""
        before, caption = self.tokens[-2:] if len(self.tokens) > 1 else (None, None)
        if not _read_by_line(before):
            return
        for k in _sentence_starts(before.lines):
            if md.TIME_LEAD.match(before.lines[k]) and "，" in before.lines[k][:12]:
                moved = before.lines[k:]
                if len(join_lines(moved)) + len(caption.text) <= CAPTION_MAX and ends_sentence(moved[-1]):
                    line = before.numbers[k]
                    before.cut(k)
                    self.tokens[-1] = Token("caption", line, moved + caption.lines)
                return

    def _dated_caption_above(self) -> None:
        """A news photo's caption opens with its date (8月7日，游客在…。) and may go on in a second
        paragraph over the credit: a short finished paragraph opening with a time, right above a
        caption, is that caption's first paragraph, not the end of the story above the photo."""
        last = self._short_paragraph_above()
        if last is not None and md.TIME_LEAD.match(last.text) and last is not self.open:
            last.kind = "caption"

    def _short_paragraph_above(self) -> Token | None:
        """The token just emitted, if it is a finished paragraph short enough for a caption."""
        last = self.tokens[-1] if self.tokens else None
        if last is not None and last.kind == "para" and not last.dateline and len(last.text) <= CAPTION_MAX \
                and ends_sentence(last.text):
            return last
        return None

    def add_text(self, number: int, text: str, dateline: bool) -> None:
        self.widths = (self.widths + [len(text)])[-8:]
        if self.open is not None and not dateline:
            self.open.lines.append(text)
            self.open.numbers.append(number)
            return
        token = Token("para", number, [text], dateline=dateline, follows=self.stream, numbers=[number])
        self.emit(token)
        self.open = token

    def _take_up(self, first: str) -> None:
        """Before a text block: does it continue the dangling paragraph rather than the open one
        (the break splits a word there and not here)? Or does a suspended paragraph resume?"""
        self.dangling_age += 1
        if self.open is not None and self.tokens and self.tokens[-1].kind in ("caption", "credit") \
                and is_heading_text(first) and not cuts_word(self.open.tail, first, frequent=False):
            self.close()  # (a title-like line under a photo set into a column cuts no word with it: it opens something else)
        if self.dangling is not None and self.dangling_age > _DANGLING_BLOCKS:
            self.dangling = None
        if self.resume_suspended and self.open is None:
            self.open, self.suspended, self.resume_suspended = self.suspended, None, False
            return
        if self.open is None and self._caption_runs_on(first):
            self.open = self.tokens[-2]
            self.open.kind, self.open.numbers = "para", self.open.numbers or [self.open.line]
            return
        dangling = self.dangling
        if dangling is None or not cuts_word(dangling.tail, first, frequent=self.open is None) \
                or self.open is not None and splits_word(self.open.tail, first):
            return  # (after a finished paragraph, only a frequent cut word says the block is the dangling one's)
        self.suspended, self.open, self.stream, self.dangling = self.open, dangling, dangling, None

    def _caption_runs_on(self, first: str) -> bool:
        """Was the block over the photo credit just printed a paragraph the photo was set into, not
        its caption? It breaks off mid-sentence (…精心绘制高质量 / □X/摄 / 发展新图景。…), and the
        text after the credit goes on with it: the break cuts a word, or its two characters stand
        side by side elsewhere in the issue (量发: 高质量发展), or it finished a sentence before the
        one it breaks off in (…结出累累硕果。展望 / 摄 / 未来，…), or it ends on a comma (…部门、 /
        摄 / 企业…). A caption is whole above its credit."""
        if len(self.tokens) < 2 or self.tokens[-1].kind != "credit" or self.tokens[-2].kind != "caption":
            return False
        caption = self.tokens[-2].text
        return not ends_sentence(caption) and bool(first) and (
            cuts_word(caption, first) or seen_joined(caption, first, self.issue_text()) or has_sentence_inside(caption)
            or caption.endswith(MID_SENTENCE))

    def line(self, number: int, text: str) -> None:
        """One body line, with typed lines and inline notes split off."""
        text = text.strip()
        typed = None if self._in_brackets() else _typed(number, text)
        if typed:
            if typed.kind in ("editor", "source", "author", "byline") \
                    or typed.kind == "credit" and self.open is not None and ends_sentence(self.open.tail):
                self.close()  # (a credit under a finished caption ends it; one set mid-sentence does not)
            self.emit(typed)
            return
        editor = closing_editor(text)
        if editor:
            before = text[: editor.start()].strip()
            if before:
                self.line(number, before)
            self.close()
            self.emit(Token("editor", number, [editor.group(0)], value=md.parse_editor(editor.group(0))))
            return
        cont = md.CONTINUED.search(text)
        if cont and (cont.end() >= len(text.rstrip()) or cont.start() == 0):
            rest = (text[: cont.start()] + text[cont.end():]).strip()
            if cont.start() == 0:
                self.emit(Token("cont", number, [cont.group(0)], value=md.parse_continued(cont.group(0))))
                self.close()
            if rest:
                self.line(number, rest)
            if cont.start() != 0:
                self.emit(Token("cont", number, [cont.group(0)], value=md.parse_continued(cont.group(0))))
                self.close()  # the text goes on elsewhere: what follows is not its continuation
            return
        dateline = bool(md.DATELINE.match(text.replace(" ", "")))
        if dateline and self.open is not None:
            self.close()
        self.add_text(number, text, dateline)
        if (md.AUTHOR_NOTE.match(self.open.head) or md.is_supplied_note(self.open.tail)) and not self._in_brackets():
            self.open.kind = "note"  # once its bracket closes (（作者单位：新疆昌吉市委宣 / 传部）)
            self.close()

    def block(self, block: list[tuple[int, str]], following: list[tuple[int, str]] | None,
              ahead: list[tuple[int, str]] | None = None) -> None:
        """One block of lines; `following` is the next block, `ahead` the lines of the next two."""
        first_number, first = block[0]
        if self._names_page(block):
            return
        joined = join_lines(t for _, t in block)
        heading = md_heading(first) if self.markdown else None
        if heading and len(block) == 1:
            self.close()
            self.emit(Token("head", first_number, [heading[1]], level=heading[0]))
            return
        typed = None if self._in_brackets() else _typed(first_number, joined)
        if typed:
            if typed.kind != "credit":
                self.close()
            self.emit(typed)
            return
        if following and self._is_caption(joined, following):
            rest = self._rest_before_caption(block)
            if rest:
                for number, text in block[:rest]:
                    self.line(number, text)
                self.close()
                first_number, joined = block[rest][0], join_lines(t for _, t in block[rest:])
            self.emit(Token("caption", first_number, [joined]))
            return
        trailing = md.split_trailing_credit(joined)
        opening = _dated_caption_start(block) if trailing else 0
        if opening:
            for number, text in block[:opening]:
                self.line(number, text)
            self.close()
            first_number, joined = block[opening][0], join_lines(t for _, t in block[opening:])
            trailing = md.split_trailing_credit(joined)
        if trailing and len(trailing[0]) <= CAPTION_MAX:
            self.emit(Token("caption", first_number, [trailing[0]]))
            self.emit(Token("credit", first_number, [joined], value=trailing[1]))
            return
        if self.open is not None and following and len(joined) <= _FRAGMENT_MAX \
                and self._set_into(joined, join_lines(t for _, t in following)):
            self.emit(Token("caption", first_number, [joined]))  # set into the column mid-sentence: a caption
            return
        wide = len(block) == 1 and is_wide_title(first, self.width)
        last = self.tokens[-1] if self.tokens and self.open is None else None
        heading = _is_heading_block(block) or len(block) <= 3 and is_led_title(joined, ahead or following) or wide \
            or all(number in self.grouped for number, _ in block) \
            or len(block) == 1 and last is not None and last.kind == "para" and is_closed_title(joined, last.text) \
            or len(block) == 1 and last is not None and is_kicked_title(joined, last) \
            or len(block) == 1 and self.open is None and bool(following) and is_decked_title(joined, following[0][1])
        heading = heading and not _jumps_on(following)
        if not self.markdown and heading \
                and (self._breaks_open(block) or wide or self._stands_out(block, following, ahead)) \
                and not any(number in self.column_lines for number, _ in block):
            if self.open is not None and self.headed and not ends_sentence(self.open.text):
                self.dangling, self.dangling_age = self.open, 0  # a headed article cut off mid-sentence
            self.close()
            for token in _heading_tokens(block):
                token.in_column = len(token.lines) > 1 and runs_on(token.lines[0], self.width)
                self.emit(token)
            return
        self._take_up(first)
        width = max(len(t) for _, t in block)
        for number, text in block:
            self.line(number, text)
            if self.open is not None and ends_sentence(text) and (self.line_paragraphs or len(text) < 0.9 * width) \
                    and not is_bare_dateline(self.open.text):
                self.close()  # a short line ending a sentence ends its paragraph, blank line or not
        if self.open is not None and (ends_sentence(self.open.text) or PHONE.match(block[-1][1])):
            self.close()  # (a list of phone numbers ends with its last number, no full stop)

    def _stands_out(self, block: list[tuple[int, str]], following: list[tuple[int, str]] | None,
                    ahead: list[tuple[int, str]] | None) -> bool:
        """Does a headline block stand over a lead or byline (past a deck), or is it set in headline
        type? Then it breaks off the open paragraph above it. (Asked of headline blocks only: most
        blocks are not, and it reads the blocks after them.)"""
        column = self.width or max(self.widths or [0])
        under_deck = bool(following) and is_deck_line(following[0][1])  # (a dash deck under it: a headline,
        # however the paragraph above breaks off)
        over_lead = self._over_lead(following) or (under_deck or not (self.open and runs_on(self.open.lines[-1], column))) \
            and self._over_lead(ahead)
        heavy = all(is_doubled(text) for _, text in block)  # (headline type: never a column's running text)
        return over_lead or heavy

    def _set_into(self, text: str, following: str) -> bool:
        """Is a short block a caption set into the open paragraph's column mid-sentence? The block
        after it goes on with the paragraph, closing a quotation or bracket it left open (…通过“月 /
        caption / 调季评”…), or finishing a word it broke off in (…重点实 / 吐鲁番市…示范园。 / 验室…)
        as running text (not a headline) where the block itself, a whole sentence, goes on from it
        by no sign (no word cut, its two characters at the seam seen side by side nowhere else)."""
        tail = self.open.tail
        return continues_across(tail, following) or ends_sentence(text) and cuts_word(tail, following) \
            and not cuts_word(tail, text) and not seen_joined(tail, text, self.issue_text()) \
            and not is_heading_text(following)

    def _names_page(self, block: list[tuple[int, str]]) -> bool:
        """第1版 / 经济: a short name on the line under a page number is that page's name (its section),
        not a headline; it joins the page token."""
        last = self.tokens[-1] if self.tokens else None
        if last is None or last.kind != "page" or last.value[1] is not None or len(block) != 1 \
                or not re.fullmatch(f"[{CJK}]{{2,6}}", block[0][1]):
            return False
        last.value = (last.value[0], block[0][1])
        last.lines.append(block[0][1])
        return True

    def _in_brackets(self) -> bool:
        """Does the open paragraph break off inside brackets (本报库尔勒1月10日讯（ / 记者 阿不都…)?
        Then the next line goes on with it: a wrapped line that happens to read like a byline or a
        credit is never one there, and taking it for one would cut the sentence."""
        text = self.open.tail[-BRACKET_SPAN:] if self.open is not None else ""
        if "（" not in text and "(" not in text:
            return False  # (most lines: no bracket opened, none can be open)
        return any(text.count(left) > text.count(right) for left, right in (("（", "）"), ("(", ")")))

    def _rest_before_caption(self, block: list[tuple[int, str]]) -> int:
        """How many of a caption block's lines are the rest of the paragraph above: one that opens
        by finishing the word that paragraph broke off in (…我将时刻保 / 持“医”心向党…) runs on up
        to its first line ending a sentence (a line of running text seldom ends with its
        sentence); the caption is what follows. 0 when it opens otherwise or no line ends so."""
        if self.open is None or ends_sentence(self.open.tail) or not cuts_word(self.open.tail, block[0][1]):
            return 0
        return next((k for k, (_, line) in enumerate(block[:-1], 1) if ends_sentence(line)), 0)

    def _is_caption(self, joined: str, following: list[tuple[int, str]]) -> bool:
        if len(joined) > CAPTION_MAX:
            return False  # (asked first: a paragraph's next block is not joined and parsed for nothing)
        credit = md.parse_credit(join_lines(t for _, t in following))
        return credit is not None and not md.DATELINE.match(joined.replace(" ", "")) \
            and md.parse_credit(joined) is None and not is_heading_text(joined)

    @staticmethod
    def _over_lead(following: list[tuple[int, str]] | None) -> bool:
        """Is the next block (or the one after a deck) a lead (本报…讯) or a byline? Then a headline block before it breaks off
        the open paragraph above it, however narrow the column (the story before it jumps on)."""
        return following is not None and leads_follow([t for _, t in following[:2]])

    def _breaks_open(self, block: list[tuple[int, str]]) -> bool:
        if self.open is None:
            return True
        width = max(self.widths or [0])
        return width >= 30 and width >= 2 * max(len(t) for _, t in block)
