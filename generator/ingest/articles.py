"""Drafts → finished articles: titles for headless pieces, kinds, Markdown bodies, regions."""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..content.line_ranges import ranges_of
from ..model import ArticleFacts
from . import metadata as md
from .clean import CJK, ends_sentence
from .literal import literal_markdown
from .segment import Draft, LeftOut

from .confidence import CERTAIN, Confidence, confidence
from .kind import classify
from .regions import tag_regions

_TITLE_MAX = 50  # characters: a caption's whole first sentence usually fits


@dataclass(frozen=True)
class ImportedArticle(ArticleFacts):
    """One article as it will be written: front-matter values and a Markdown body."""

    order: int
    title: str
    body: str
    line: int  # first line in the raw file, for the outline and problems
    title_inferred: bool = False
    confidence: Confidence = CERTAIN  # how sure the boundaries and headline are (confidence.py)


def infer_title(first_paragraph: str) -> str:
    """A title for a piece printed without one: its first sentence, dateline and time words removed."""
    text = first_paragraph
    if md.DATELINE.match(text.replace(" ", "")):  # not 新疆喀什华电…: only a real dateline ends in 电/讯
        text = re.sub(r"^[^（(]{0,20}?(?:讯|电)\s*(?:[（(][^）)]*[）)])?\s*", "", text)
    reported = md.REPORTED.match(text)  # 通讯员刘颖红报道：… names the reporter, not the story
    text = md.TIME_LEAD.sub("", text[reported.end():].strip() if reported else text.strip())
    sentence = re.split("[。！？；]", text, maxsplit=1)[0]
    if len(sentence) > _TITLE_MAX:
        sentence = re.split("[，,：:]", sentence, maxsplit=1)[0]
    title = sentence[:_TITLE_MAX].strip("，、：")
    for left, right in ("“”", "‘’", "（）", "《》"):  # a quote or bracket the cut left open or closed alone
        if title.count(left) != title.count(right):
            title = title.strip(left + right)
    return title or first_paragraph[:_TITLE_MAX]


def _captions_after_lead(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Captions printed before an article's first paragraph follow that paragraph instead."""
    lead = 0
    while lead < len(blocks) and blocks[lead][0] == "caption":
        lead += 1
    if lead == 0 or lead == len(blocks) or blocks[lead][0] not in ("para", "note"):
        return blocks
    return [blocks[lead]] + blocks[:lead] + blocks[lead + 1:]


def render_body(draft: Draft) -> str:
    """Markdown: paragraphs, `##` subheadings, captions as their own paragraphs."""
    parts = []
    previous = None
    for kind, text in _captions_after_lead(draft.blocks):
        text = literal_markdown(text)  # imported text is text, never markup
        joins = kind == previous == "caption" and not ends_sentence(parts[-1])
        previous = kind
        if joins:  # a caption the layout split in two (…服务设施 / 购置项目。)
            parts[-1] += text
        elif kind == "sub":
            parts.append(f"## {text}")
        else:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


def _authors(draft: Draft) -> tuple[str, ...]:
    """Bylines and datelines first (or a lead's 记者X报道：); else the credit printed at the article's end, and, in a column
    of news in brief whose every item ends with its own credit (●…。（记者 王敏）), each item's."""
    names = list(draft.authors) or list(md.reported_by(_first_text(draft)))
    if not names:
        credited = [md.trailing_authors(text) for kind, text in draft.blocks if kind == "para"]
        if len(credited) > 1 and all(credited):
            names = [name for found in credited for name in found]
        else:
            names = list(md.trailing_authors(_last_text(draft)))
    return tuple(dict.fromkeys(a for a in names if re.search(f"[{CJK}A-Za-z]", a)))


def _left_out_before(starts: list[int], index: int, left_out: Sequence[LeftOut]) -> bool:
    """Was text left out between the previous article's first line and this one's?"""
    low = starts[index - 1] if index else 0
    return any(low <= piece.line < starts[index] for piece in left_out)


def _first_text(draft: Draft) -> str:
    return next((text for kind, text in draft.blocks if kind == "para"), "")


def _last_text(draft: Draft) -> str:
    return next((text for kind, text in reversed(draft.blocks) if kind in ("para", "note")), "")


def _source(draft: Draft) -> str | None:
    """The source line; else one printed at the end of the last paragraph; else, for a photo
    printed alone (no byline, no dateline), the agency its credit names (新华社记者　贝　赫摄)."""
    return draft.source or md.trailing_source(_last_text(draft)) or _photo_source(draft)


def _photo_source(draft: Draft) -> str | None:
    """The agency a photo item came from: its credit's (新华社发, 新华社记者…摄), where the item has
    no writer of its own; a story with a byline or dateline took the photo but wrote the text."""
    if draft.authors or draft.dateline is not None or draft.role:
        return None
    return draft.credit_outlet


def _blank_within(blank: Collection[int], lines: Collection[int]) -> list[int]:
    """The blank lines between an article's first line and its last: the only ones that can join its
    runs of lines (ranges_of copies what it is given: the issue's every blank line, per article, grew
    with the square of the issue)."""
    return [n for n in range(min(lines), max(lines)) if n in blank] if lines else []


def finish(drafts: list[Draft], home_region: str | None, left_out: Sequence[LeftOut] = (),
           blank: Collection[int] = ()) -> list[ImportedArticle]:
    """`left_out`: pieces segmentation kept out of every article; an article right after one is less certain.
    `blank`: the raw text's blank lines, which do not break an article's run of lines."""
    articles = []
    starts = [d.title_line or d.line for d in drafts]
    for order, draft in enumerate(drafts, 1):
        first = next(text for kind, text in draft.blocks if kind != "sub")
        title = draft.title or infer_title(first)
        body = render_body(draft)
        place = draft.dateline.place if draft.dateline else None
        regions, places = tag_regions(title, body, place, home_region)
        kind = classify(draft, title)
        articles.append(ImportedArticle(
            order=order, title=title, body=body, line=draft.title_line or draft.line,
            subtitle=draft.subtitle, column=draft.column, page=draft.page, kind=kind,
            authors=_authors(draft),
            photographers=tuple(draft.photographers), dateline=place, source=_source(draft),
            editor=draft.editor, regions=tuple(regions), places=tuple(places),
            continued=draft.continued, title_inferred=draft.title is None,
            lines=ranges_of(draft.lines, _blank_within(blank, draft.lines)),
            confidence=confidence(draft, kind, _left_out_before(starts, order - 1, left_out)),
        ))
    return articles
