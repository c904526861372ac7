"""Chinese display of dates, weekdays and counts."""
from __future__ import annotations

import datetime as dt

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
WEEKDAY_HEADS = ("一", "二", "三", "四", "五", "六", "日")


def cn_date(day: dt.date) -> str:
    """2023年8月11日"""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_month(year: int, month: int) -> str:
    return f"{year}年{month}月"


def weekday(day: dt.date) -> str:
    """星期五"""
    return WEEKDAYS[day.weekday()]


def page_label(page: int | None, magazine: bool = False) -> str:
    """第1版 (a newspaper's page), 第16页 (a magazine's), or 版次不详 when unknown."""
    if not page:
        return "页码不详" if magazine else "版次不详"
    return f"第{page}页" if magazine else f"第{page}版"


def title_note(article) -> str:
    """Why a supplied title is not the printed one (an article page says it under the headline)."""
    return "标题为编者据正文所加" if article.title_inferred else "标题为编者所加"


def supplied_notes(article, issue) -> list[str]:
    """What the archive supplied for this article rather than found printed: its title, its date."""
    return ([title_note(article)] if article.title_supplied else []) + (["日期为推断"] if issue.date_inferred else [])


def issue_facts(issue) -> list[str]:
    """What a list of issues shows beside the date: 总第10246期, 2025·3, 4版, 3篇."""
    facts = [f"总第{issue.number}期" if issue.number else "", issue.label or "",
             f"{len(issue.articles)}篇" if issue.articles else ""]
    return [f for f in facts if f]
