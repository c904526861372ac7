"""The `--dry-run` outline: what an import would write, readable at a glance."""
from __future__ import annotations

from .articles import ImportedArticle
from .confidence import HIGH, LOW
from .issue import IssueMeta


_LEVEL_SAID = {"medium": "中", "low": "低"}


def outline(meta: IssueMeta, articles: list[ImportedArticle], slugs: list[str], folder: str | None = None,
            width: int = 36) -> str:
    """`folder`: the issue folder as it should be shown (default content/<slug>/<issue>)."""
    facts = [f"{meta.publication} {meta.folder}", f"日期来源 {meta.date_source}"]
    if meta.number:
        facts.append(f"总第{meta.number}期")
    if meta.label:
        facts.append(f"期号 {meta.label}")
    if meta.pages:
        facts.append(f"{meta.pages}版")
    lines = [" · ".join(facts), f"{len(articles)} 篇文章 → {folder or f'content/{meta.slug}/{meta.folder}'}/"]
    doubtful = sum(a.confidence.level == LOW for a in articles)
    if doubtful:
        lines.append(f"！{doubtful} 篇可信度低，请核对（行首标 ！）")
    lines.append("")
    for article, slug in zip(articles, slugs):
        tags = [f"第{article.page}版" if article.page else None, article.kind, article.column]
        mark = "！" if article.confidence.level == LOW else ""
        head = f"{mark}{article.order:03d} {article.title}" + ("（标题为推断）" if article.title_inferred else "")
        if article.subtitle:
            head += f" {'' if article.subtitle.startswith('——') else '—— '}{article.subtitle}"
        lines.append(head)
        people = "、".join(article.authors) + (f" 摄：{'、'.join(article.photographers)}" if article.photographers else "")
        detail = " ".join(t for t in tags if t) + (f" | {people}" if people.strip() else "")
        lines.append(f"    {slug}.md  行{article.line}  {detail}".rstrip())
        if article.confidence.level != HIGH:
            lines.append(f"    可信度{_LEVEL_SAID[article.confidence.level]}：{article.confidence.said}")
        first = article.body.replace("\n", " ")[:width]
        lines.append(f"    {first}…")
    return "\n".join(lines) + "\n"
