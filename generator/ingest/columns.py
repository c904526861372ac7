"""Columns (栏目) for every article of an issue that prints a table of contents.

The table of contents names the column over each listed entry; articles it
does not list (short items, photos, pieces of a series) sit between listed
ones, so they take the column of the last page reached. A column named on the
page itself (a running header or banner) wins when the table of contents
knows that column, so the issue page groups articles the way the TOC does.
A magazine without a table of contents (its articles close with editor
lines) carries each running column header forward to the articles below it;
a newspaper's sections come from its page headers instead.
"""
from __future__ import annotations

from dataclasses import replace

from .articles import ImportedArticle
from .furniture import Toc
from .segment import is_editor_closed


def column_at(toc: Toc, page: int) -> str | None:
    """The column whose pages include `page`: that of the last listed entry starting at or before it."""
    starts = sorted((e.page, i) for i, e in enumerate(toc.entries) if e.column and e.page <= page)
    return toc.entries[starts[-1][1]].column if starts else None


def carry_columns(articles: list[ImportedArticle]) -> list[ImportedArticle]:
    """Without a table of contents, a magazine's running column header (工作交流) heads the
    articles after it until the next one."""
    out = []
    column = None
    for article in articles:
        column = article.column or column
        out.append(replace(article, column=column))
    return out


def assign_columns(articles: list[ImportedArticle], toc: Toc) -> list[ImportedArticle]:
    names = {e.column for e in toc.entries if e.column}
    if not names:
        return carry_columns(articles) if is_editor_closed(articles) else articles
    out = []
    page = None
    for article in articles:
        page = article.page or page
        column = article.column if article.column in names else None
        column = column or (column_at(toc, page) if page else None) or article.column
        out.append(replace(article, column=column))
    return out
