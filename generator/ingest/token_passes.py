"""Passes over the finished token list that read more than one block at a time: a headline
wrapped to its page's headline measure, a caption set into a paragraph read as a headline, a
headline's first part under a photo, a line between a story and the next headline, a photo
story's headline. The assembler decides a block at a time; these look at the tokens on both
sides of one (and at the page: `head_measure`).
"""
from __future__ import annotations

from ..text.han import han_pairs
from ..text.words import cuts_word, splits_word
from .clean import NO_LINE_START, ends_sentence
from .lines import em_indented, page_width, pushed_on
from .titles import COMMA, HEAD_END_OK, HEAD_TAIL_MAX, MID_MARKS, is_byline_name, is_comma_title, is_heading_text
from .assembler import CAPTION_MAX
from .tokens import Token, lead_under, page_spans


_MEASURE_MIN = 8  # characters of a headline line: shorter ones are labels, not a measure


def head_measure(page: list[Token]) -> int:
    """The width a page's headlines are wrapped at (set in a narrow column, a headline fills its
    first line and goes on under it): a measure no wider than the body's column that the first
    lines of two different headline runs fill (`_fills_measure`), no run's first line set wider,
    with one of them wrapped inside a word (…促进区域发 / 展) or a third run filling it too; 0 when
    no such width shows (headlines set across the columns are not wrapped at a measure)."""
    runs = {(page[k].lines[0], page[k].lines[1] if len(page[k].lines) > 1 else page[k + 1].lines[0])
            for k in range(len(page) - 1) if page[k].kind == "head" and (k == 0 or page[k - 1].kind != "head")
            and (len(page[k].lines) > 1 or page[k + 1].kind == "head" or _is_stub(page[k + 1]))
            and len(page[k].lines[0]) >= _MEASURE_MIN}
    column = page_width([line for token in page if token.kind == "para" for line in token.lines])
    for measure in sorted({len(first) for first, _ in runs if not column or len(first) <= column + 1}, reverse=True):
        filling = [(first, second) for first, second in runs if _fills_measure(first, second, measure)]
        if len({first for first, _ in filling}) < 2:
            continue
        if any(len(first) > measure + 1 for first, _ in runs):
            return 0  # (a headline set wider than the measure: the page's headlines are not wrapped at it)
        cut = any(splits_word(first, second, common=True) for first, second in filling)
        return measure if cut or len({first for first, _ in filling}) >= 3 else 0
    return 0


def _fills_measure(line: str, after: str, measure: int) -> bool:
    """Is a headline line set to the measure: as wide, one wider where a mark hangs at its end
    (写好区域协调发展“大文章”), or one short where 避头尾 pushed its last character on
    (社区“小食堂”撬动居民 / “大民生”)?"""
    return len(line) == measure or len(line) == measure + 1 and line[-1] in NO_LINE_START \
        or len(line) == measure - 1 and pushed_on(after)


def _is_plain_line(text: str) -> bool:
    """A headline line with no mark of another role: not a deck (——…), a kicker (…：) or a name."""
    return not (text.startswith("——") or text.endswith(HEAD_END_OK) or is_byline_name(text))


def wrapped_headlines(tokens: list[Token], raw: list[str]) -> list[Token]:
    """Two plain headline lines are one headline wrapped (not a kicker and a title) when the upper
    fills its page's headline measure and the lower is no wider (…培训班在 / 闽开班; and so on while
    the lines fill it), or when the lead under them prints their break unbroken (巴州辣椒产业创新绿色
    发展 / 合作座谈会召开 over 5日，巴州辣椒产业创新绿色发展合作座谈会召开…): a lead retells its headline,
    never a kicker run on into it. (A line set in from the margin, or in headline type under a
    lighter one, is no wrap's rest.)"""
    out: list[Token] = []
    for start, end in page_spans(tokens):
        page = tokens[start:end]
        measure = head_measure(page)
        for k, token in enumerate(page):
            last = out[-1] if out else None
            if last is not None and last.kind == token.kind == "head" and last.lines[-1].endswith(MID_MARKS) \
                    and all(map(_is_plain_line, last.lines + token.lines[:1])):
                last.lines.append(token.lines[0])
                if len(token.lines) == 1:
                    continue
                token.drop_first(_next_line(raw, token.line, token.lines[1]))
            elif last is not None and last.kind == token.kind == "head" and len(token.lines) == 1 \
                    and all(map(_is_plain_line, last.lines + token.lines)) \
                    and (_fills_to(measure, last.lines[-1], token.lines[0])
                         or _seamed(last.lines[-1], token, raw, lead_under(page, k + 1))):
                last.lines.append(token.lines[0])
                continue
            elif last is not None and last.kind == "head" and _wrap_stub(token, last.lines[-1], measure):
                last.lines.append(token.lines[0])
                continue
            out.append(token)
    return out


def _next_line(raw: list[str], line: int, text: str) -> int:
    """The raw line after `line` (1-based) that prints `text`: a token's next line, past blank ones."""
    return next((n for n in range(line + 1, len(raw) + 1) if raw[n - 1].strip() == text.strip()), line + 1)


def _is_stub(token: Token) -> bool:
    """A paragraph of one line of a character or two with no sentence end: a wrapped headline's last."""
    return token.kind == "para" and len(token.lines) == 1 and len(token.text) <= HEAD_TAIL_MAX \
        and not token.dateline and not ends_sentence(token.text)


def _wrap_stub(token: Token, line: str, measure: int) -> bool:
    """A stub under a headline line that fills the page's headline measure and ends inside a
    word the stub finishes (…促进区域发 / 展): the headline's last characters, pushed onto a line
    of their own."""
    return _is_stub(token) and _fills_to(measure, line, token.text) and cuts_word(line, token.text)


def _fills_to(measure: int, line: str, after: str) -> bool:
    return bool(measure) and _fills_measure(line, after, measure) and len(after) <= measure + 1


_SEAM = 4  # characters each side of a break that the lead must print unbroken (fewer where a line is shorter)


def _seamed(line: str, token: Token, raw: list[str], lead: str) -> bool:
    after = token.lines[0]
    return not token.heavy and not raw[token.line - 1][:1].isspace() and min(len(line), len(after)) >= 2 \
        and line[-_SEAM:] + after[:_SEAM] in lead


_AFTER_PHOTO_MAX = 3  # lines of a headline's first part read as a paragraph under a photo's credit


def captions_set_into_heads(tokens: list[Token]) -> list[Token]:
    """A caption set where a paragraph breaks off inside a word, the paragraph's part before it
    short enough to read as a headline (坚持“一把手”强力推动、“一盘棋”统筹实 / 图为活动现场。 /
    施、“一股劲”全力攻坚…): the paragraph reads whole, the caption after it (`_cut_by_caption`)."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        if k + 2 < len(tokens) and _cut_by_caption(out[-1] if out else None, *tokens[k:k + 3]):
            head, caption, rest = tokens[k:k + 3]
            head.kind, head.numbers = "para", list(range(head.line, head.line + len(head.lines)))
            head.take(rest)
            caption.kind = "caption"
            out += [head, caption]
            k += 3
            continue
        out.append(tokens[k])
        k += 1
    return out


def _cut_by_caption(before: Token | None, head: Token, caption: Token, rest: Token) -> bool:
    """Is `head` a paragraph's opening read as a headline line, `caption` a photo's caption set into
    the paragraph (no credit under it), `rest` the paragraph going on? Over it a finished
    paragraph; `head` as printed once (its lines a block's: one after another), finishing no
    sentence; `caption` a short whole
    sentence (or more); and the text after the caption finishes the common word `head` breaks
    off in, its opening no word of its own: a crosshead ends on a whole word."""
    return before is not None and before.kind == "para" and ends_sentence(before.text) \
        and head.kind == "head" and not head.heavy and not ends_sentence(head.text) \
        and caption.kind == "para" and not caption.dateline and len(caption.text) <= CAPTION_MAX \
        and ends_sentence(caption.text) and rest.kind == "para" and not rest.dateline \
        and cuts_word(head.text, rest.text)


def headlines_after_photos(tokens: list[Token], raw: list[str]) -> list[Token]:
    """Under a photo's credit, a short run of title-like lines (commas and all) that breaks off into
    a headline line is that headline's first part (a story set in its column under the photo would
    finish a sentence before another headline), not running text; unless its first line is set in
    by ideographic spaces, as a paragraph's opening is (a story broken off after it)."""
    for k in range(1, len(tokens) - 1):
        token = tokens[k]
        if token.kind == "para" and tokens[k - 1].kind == "credit" and tokens[k + 1].kind == "head" \
                and not em_indented(raw[token.line - 1]) \
                and len(token.lines) <= _AFTER_PHOTO_MAX and not token.dateline \
                and is_heading_text(COMMA.sub(" ", token.text)):
            token.kind = "head"
    return tokens


def text_over_headlines(tokens: list[Token]) -> list[Token]:
    """A sentence-like line (a comma in it, no sentence end) standing between a paragraph and
    another story's headline is told by its words: sharing the paragraph's more than the lead's,
    it is that paragraph's story going on (a column cut off mid-sentence), not the next story's
    kicker: a kicker speaks of its own story. A line of headline length ending on a comma after a
    finished paragraph, sharing the paragraph's words no more than the lead's, is the first line
    of the headline below (no paragraph breaks off at its first line's comma, no headline ends on one)."""
    for k in range(1, len(tokens) - 1):
        token, above = tokens[k], tokens[k - 1]
        if len(token.lines) != 1 or token.heavy or above.kind != "para" or tokens[k + 1].kind != "head" \
                or "，" not in token.text or ends_sentence(token.text):
            continue
        lead = lead_under(tokens, k + 1)
        pairs = han_pairs(token.text)
        if not (lead and pairs):
            continue
        mine, theirs = len(pairs & han_pairs(above.text)), len(pairs & han_pairs(lead))
        if token.kind == "head" and mine > 2 * theirs:
            token.kind = "para"
        elif token.kind == "para" and not token.dateline and token.text.endswith(MID_MARKS) \
                and len(token.text) <= _COMMA_HEAD_MAX and ends_sentence(above.text) and mine <= theirs:
            token.kind = "head"
    return tokens


_COMMA_HEAD_MAX = 30  # characters of a headline line: a longer line ending on a comma is running text


def _retold(line: str, caption: str) -> bool:
    """Does the caption open by retelling the line whole (a photo story's headline, …赶制订单, over
    its caption, …赶制订单。)? Running text does not repeat itself so."""
    return len(line) >= _MEASURE_MIN and not ends_sentence(line) and caption.startswith(line)


def headed_photos(tokens: list[Token]) -> list[Token]:
    """A paragraph of one title-like line, commas and all (…激励党员奋战一线，助力生产), standing over
    a photo's caption and its credit is that photo story's headline: a comma kept it from
    reading as one where no lead or byline follows. (One whose last word the caption finishes,
    …我将时刻保 / 持“医”心向党…, is a paragraph the photo was set into.) So is a line of any
    length that the caption under it retells whole."""
    for k, token in enumerate(tokens[:-2]):
        if token.kind == "para" and len(token.lines) == 1 and not token.dateline \
                and tokens[k + 1].kind == "caption" and tokens[k + 2].kind == "credit" \
                and (is_comma_title(token.text) and not cuts_word(token.tail, tokens[k + 1].head, frequent=False)
                     or _retold(token.text, tokens[k + 1].text)):
            token.kind = "head"
    return tokens


_PAGE_NAME_MAX = 8  # characters of a page's name (体育, 教育·青春)


def page_names_by_folios(tokens: list[Token]) -> list[Token]:
    """A folio that prints the date and the page number but no name (2025年6月10日　星期二　15), with a
    short label on the line right over or under it (体育 / 教育·青春): that label is the page's name,
    set in the page's header, not a story's headline, kicker or first words. It joins the folio."""
    out: list[Token] = []
    for k, token in enumerate(tokens):
        if _names_page(token, out[-1] if out else None) or _names_page(token, tokens[k + 1] if k + 1 < len(tokens) else None):
            continue
        out.append(token)
    return out


def _names_page(token: Token, folio: Token | None) -> bool:
    """Is the token a page's name printed beside its nameless folio (then the folio takes it)?"""
    if folio is None or folio.kind != "page" or not isinstance(folio.value, tuple) or folio.value[1] is not None \
            or token.kind != "head" or len(token.lines) != 1 or abs(token.line - folio.line) != 1 \
            or len(token.text) > _PAGE_NAME_MAX or not is_heading_text(token.text):
        return False
    folio.value = (folio.value[0], token.text)
    return True
