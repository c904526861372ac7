"""GB/T 7714-2015 reference entries for articles.

Newspaper: ``作者.题名[N].报名,2023-08-11(1).``
Magazine:  ``作者.题名[J].刊名,2025(3):16.`` (year and number from the issue label as
           issue_label reads it, else the date; the page when known).
Three authors at most, then ``等``; missing parts are left out, never guessed.
A title the archive supplied (a piece printed without one: `Article.title_supplied`) is in
square brackets, as a cataloguer marks supplied information: ``[题名][N]``; so is a date
the importer inferred (`Issue.date_inferred`): ``报名,[2023-08-11](1).``
"""
from __future__ import annotations

from ..issue_label import read_label
from ..model import Article, Issue, Publication

MAGAZINE_FREQUENCIES = {"monthly", "semimonthly", "bimonthly", "quarterly", "月刊", "半月刊", "双月刊", "季刊"}


def is_magazine(publication: Publication | None) -> bool:
    return bool(publication and publication.frequency in MAGAZINE_FREQUENCIES)


def format_authors(names) -> str:
    names = [n for n in names if n]
    return ",".join(names[:3]) + (",等" if len(names) > 3 else "")


def cite(article: Article, issue: Issue, publication: Publication | None) -> str:
    """The reference entry for `article` as it appeared in `issue`."""
    authors = format_authors(article.authors or article.photographers)
    head = f"{authors}." if authors else ""
    title = f"[{article.title}]" if article.title_supplied else article.title
    if article.subtitle and is_magazine(publication):
        title += f":{article.subtitle}"
    label = read_label(issue.label or "")
    date = f"[{article.date.isoformat()}]" if issue.date_inferred else article.date.isoformat()
    if is_magazine(publication):
        where = f"{label.year}({label.number})" if label else date
        page = f":{article.page}" if article.page else ""  # 刊名,年(期):页码.
        return f"{head}{title}[J].{article.publication},{where}{page}."
    page = f"({article.page})" if article.page else ""
    return f"{head}{title}[N].{article.publication},{date}{page}."
