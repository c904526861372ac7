"""Text in no article: a repeated article is written once, and what is left out is never dropped silently.

Each piece left out is a warning naming its line; when more than a twentieth of the text
would be left out, the import stops: the layout was not understood (every line marked as a
heading, only headlines, no paragraphs…), and writing the rest would lose the issue quietly.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..problems import Problem, error, warning
from ..i18n import _, ngettext
from .articles import ImportedArticle
from .segment import LeftOut

_LEFT_OUT_MAX = 0.05  # share of the text that may be left out of every article (with a warning each)


def drop_repeats(articles: list[ImportedArticle]) -> tuple[list[ImportedArticle], list[tuple[ImportedArticle, int]]]:
    """An article printed twice in one issue (same title, same text) is written once: a second
    copy loses nothing, and `gazette check` rightly calls two identical files an error.
    Returns the articles, renumbered, and each repeat with the line of its first copy."""
    first: dict[tuple[str, str], int] = {}
    kept, repeats = [], []
    for article in articles:
        key = (article.title, article.body)
        if key in first:
            repeats.append((article, first[key]))
            continue
        first[key] = article.line
        kept.append(replace(article, order=len(kept) + 1))
    return kept, repeats


def _letters(text: str) -> int:
    """How many letters and digits (str.isalnum) the text has."""
    return len(text) - len(_NOT_LETTERS.findall(text))


_NOT_LETTERS = re.compile(r"[\W_]")  # (re's \w is isalnum or _: one C scan, not a loop over the issue)


def _excerpt(text: str, width: int = 30) -> str:
    return f"«{text[:width]}…»" if len(text) > width else f"«{text}»"


def left_out_problems(shown: str, left_out: list[LeftOut], articles: list[ImportedArticle],
                      repeats: list[tuple[ImportedArticle, int]]) -> list[Problem]:
    """A warning for each repeat and each piece left out, or an error when too much is left out."""
    problems = [warning(shown, a.line, "repeated", _("the same article as at line {line} ({title}): written once")
                        .format(line=line, title=_excerpt(a.title))) for a, line in repeats]
    lost = sum(_letters(piece.text) for piece in left_out)
    kept = sum(_letters(f"{a.title}{a.subtitle or ''}{a.body}") for a in articles) if left_out else 0
    if left_out and lost > _LEFT_OUT_MAX * (lost + kept):
        first = left_out[0]
        problems.append(error(shown, first.line, "left-out",
                              ngettext("{share:.0%} of the text would be in no article ({n} piece; this one is "
                                       "{why}: {text}): the layout was not understood; check the extracted text "
                                       "(only headlines? a heading mark on every line?)",
                                       "{share:.0%} of the text would be in no article ({n} pieces; this one is "
                                       "{why}: {text}): the layout was not understood; check the extracted text "
                                       "(only headlines? a heading mark on every line?)", len(left_out)).format(
                                  share=lost / (lost + kept), n=len(left_out), why=_(first.why),
                                  text=_excerpt(first.text))))
        return problems
    problems += [warning(shown, piece.line, "left-out", _("left out of every article, {why}: {text}").format(
        why=_(piece.why), text=_excerpt(piece.text))) for piece in left_out]
    return problems
