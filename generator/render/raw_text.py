"""原文 pages: an issue's raw text as the import read it, every line numbered and linkable (#L22),
each article's lines marked and linked to the article; and what the pages of its issue and
articles say of that provenance.

The raw text is outside data: the template escapes every line (autoescape); nothing of it is
markup. A large issue stays one plain page: a list of lines grouped by the article they belong to.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .. import urls
from ..config import Config
from ..content.raw_sources import RawSource
from ..i18n import translations
from ..ingest.doubts import DOUBTS
from ..model import Article, Issue
from .archive import Archive
from .pages import Page

LEVELS_SAID = {"high": "高", "medium": "中", "low": "低"}


@dataclass(frozen=True)
class Block:
    """A run of raw lines: one article's (a range of its `lines`), or lines in no article (None)."""

    article: Article | None
    first: int  # 1-based number of its first line
    lines: tuple[str, ...]

    @property
    def numbered(self) -> list[tuple[int, str, str]]:
        """(number, anchor, text) of each line: the anchors made here, not once per line in the template."""
        return [(number, urls.line_anchor(number), text) for number, text in enumerate(self.lines, self.first)]


def blocks_of(issue: Issue, source: RawSource) -> list[Block]:
    """The raw lines in order, cut where an article's range starts or ends (ranges past the end
    of the text are cut to it; a line claimed twice goes to the first article in reading order)."""
    owner: dict[int, Article] = {}
    for article in issue.articles:
        for first, last in article.lines:
            for number in range(first, min(last, len(source.lines)) + 1):
                owner.setdefault(number, article)
    blocks: list[Block] = []
    start = 1
    for number in range(2, len(source.lines) + 2):
        if number > len(source.lines) or owner.get(number) is not owner.get(number - 1):
            blocks.append(Block(owner.get(start), start, source.lines[start - 1:number - 1]))
            start = number
    return blocks


def line_label(ranges: tuple[tuple[int, int], ...]) -> str:
    """原文第22–42行 (第260–272、288–292行 for a continued piece)."""
    return "原文第" + "、".join(f"{a}–{b}" if b != a else str(a) for a, b in ranges) + "行"


def date_source_said(date_source: str | None) -> str | None:
    """Where an issue's date comes from, as the issue page says it."""
    if not date_source:
        return None
    kind, _, reason = date_source.partition(":")
    said = {"stated": "据报刊所印", "given": "由整理者提供", "inferred": "推断"}.get(kind.strip(), date_source)
    return f"{said}（{reason.strip()}）" if reason.strip() else said


def confidence_said(article: Article) -> str | None:
    """导入可信度：中（标题为推断）, or None when the import's record does not speak for the file."""
    if article.confidence not in LEVELS_SAID:
        return None
    said = translations("zh").gettext  # (the site speaks Chinese, whatever language the command speaks)
    doubts = "；".join(said(DOUBTS[d]) if d in DOUBTS else d for d in article.doubts)
    return LEVELS_SAID[article.confidence] + (f"（{doubts}）" if doubts else "")


def raw_page_url(archive: Archive, issue: Issue) -> str | None:
    """The issue's 原文 page, if the build has its raw text."""
    return urls.raw_text(issue.publication_slug, issue.folder) if issue.key in archive.raw_sources else None


def raw_text_pages(archive: Archive, config: Config) -> Iterator[Page]:
    for issue in archive.site.issues:
        source = archive.raw_sources.get(issue.key)
        if source is None:
            continue
        yield Page(urls.raw_text(issue.publication_slug, issue.folder), "raw_text.html", "publications", {
            "issue": issue, "publication": archive.publications.get(issue.publication_slug),
            "source": source, "blocks": blocks_of(issue, source),
            "date_source": date_source_said(issue.date_source),
        })
