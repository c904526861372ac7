"""The `--dry-run` outline: what an import would write, readable at a glance, in the reader's language."""
from __future__ import annotations

from ..i18n import _, ngettext, pgettext
from ..model import provenance
from .articles import ImportedArticle
from .doubts import HIGH, LOW
from .issue import IssueMeta, read_label_and_day
from .kind import kind_said


def outline(meta: IssueMeta, articles: list[ImportedArticle], slugs: list[str], folder: str | None = None,
            width: int = 36) -> str:
    """`folder`: the issue folder as it should be shown (default content/<slug>/<issue>)."""
    facts = [f"{meta.publication} {meta.folder}", _("date source: {source}").format(source=date_source_said(meta.date_source))]
    if meta.number:
        facts.append(_("no. {n}").format(n=meta.number))
    if meta.label:
        facts.append(_("label {label}").format(label=meta.label))
    if meta.pages:
        facts.append(ngettext("{n} page", "{n} pages", meta.pages).format(n=meta.pages))
    folder = folder or f"content/{meta.slug}/{meta.folder}"
    lines = [" · ".join(facts), ngettext("{n} article → {folder}/", "{n} articles → {folder}/", len(articles)).format(
        n=len(articles), folder=folder)]
    doubtful = sum(a.confidence.level == LOW for a in articles)
    if doubtful:
        lines.append(ngettext("！{n} article of low confidence: check it (marked ！ at the start of its line)",
                              "！{n} articles of low confidence: check them (marked ！ at the start of their lines)",
                              doubtful).format(n=doubtful))
    lines.append("")
    for article, slug in zip(articles, slugs):
        lines += article_lines(article, slug, width)
    return "\n".join(lines) + "\n"


def article_lines(article: ImportedArticle, slug: str, width: int) -> list[str]:
    """An article's headline, file, line, page, kind, column and people, doubts, and first words."""
    tags = [_("page {n}").format(n=article.page) if article.page else None,
            kind_said(article.kind) if article.kind else None, article.column]
    mark = "！" if article.confidence.level == LOW else ""
    head = f"{mark}{article.order:03d} {article.title}" + (_(" (title inferred)") if article.title_inferred else "")
    if article.subtitle:
        head += f" {'' if article.subtitle.startswith('——') else '—— '}{article.subtitle}"
    names = pgettext("between names", ", ")
    people = [names.join(article.authors)] if article.authors else []
    if article.photographers:
        people.append(_("photos by {names}").format(names=names.join(article.photographers)))
    detail = " ".join(t for t in tags if t) + (f" | {' '.join(people)}" if people else "")
    lines = [head, ("    " + _("{file}  line {line}  {detail}").format(file=f"{slug}.md", line=article.line,
                                                                     detail=detail)).rstrip()]
    if article.confidence.level != HIGH:
        level = pgettext("confidence", "medium") if article.confidence.level == "medium" else pgettext("confidence", "low")
        lines.append("    " + _("confidence {level}: {doubts}").format(level=level, doubts=article.confidence.said))
    first = article.body.replace("\n", " ")[:width]
    lines.append(f"    {first}…")
    return lines


def date_source_said(date_source: str) -> str:
    """issue.yaml's date_source (stated, given, inferred: <reason>) as the outline says it."""
    kind = provenance(date_source)
    if kind == "stated":
        return _("as printed")
    if kind == "given":
        return _("given (flag or sidecar)")
    from_label = read_label_and_day(date_source)
    if from_label:
        label, day = from_label
        return _("inferred from the label {label} and the publication day ({day} of each month)").format(
            label=label, day=day)
    reason = date_source.partition(":")[2].strip()
    return _("inferred: {reason}").format(reason=reason) if reason else _("inferred")
