"""Lines → tokens, the importer's tokenizing step: paragraphs joined across hard wraps,
headlines, and the small typed lines around articles (bylines, credits, editors, sources,
continuations).

`tokenize` measures the text once (its wrap width, whether it sets blank lines between
paragraphs: `uses_blank_lines`, read from where its sentences end), cuts its runs of lines
into blocks (blocks.py), feeds them to the assembler, and puts the token list through the
passes that need the whole of it (columns back in order, token_passes.py).
"""
from __future__ import annotations

from functools import cache

from .blocks import split_block
from .column_order import put_columns_in_order, put_swapped_paragraphs_in_order
from .lines import (WIDTH_WINDOW, under_closing_credit, drops_indents, em_indented, heads_anyway, is_column_line, is_line_per_paragraph,
                    is_onward_jump, opens_paragraph, page_width, set_width, sets_apart, uses_blank_lines)
from .titles import is_doubled, is_heading_text, is_markdown
from .token_passes import (captions_set_into_heads, headed_photos, headlines_after_photos, page_names_by_folios,
                           text_over_headlines, wrapped_headlines)
from .assembler import Assembler
from .tokens import Token


def _ahead(blocks: list[list[tuple[int, str]]], blank_lines: bool) -> list[tuple[int, str]]:
    """The lines after a block that say whether a lead or byline follows it: the first two of the
    next two blocks; with blank lines between paragraphs, the second block only past a one-line
    deck (headline / deck / byline)."""
    if blank_lines and blocks and not (len(blocks[0]) == 1 and is_heading_text(blocks[0][0][1])):
        blocks = blocks[:1]
    return [line for b in blocks for line in b[:2]]


def tokenize(lines: list[str], skip: set[int], markdown: bool | None = None) -> list[Token]:
    """Tokens in reading order; `skip` holds 0-based indexes of furniture lines; `markdown`, when
    the caller has asked `is_markdown` already."""
    markdown = is_markdown(lines) if markdown is None else markdown
    blocks: list[list[tuple[int, str]]] = [[]]
    for index, line in enumerate(lines):
        if index in skip or not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append((index + 1, line.strip()))
    kept = [line for i, line in enumerate(lines) if i not in skip]
    width, blank_lines = page_width(kept), uses_blank_lines(kept)
    flat = [lines[number - 1].rstrip() for b in blocks for number, _ in b]
    place = {number: k for k, (number, _) in enumerate(line for b in blocks for line in b)}

    def near(number: int) -> tuple[list[str], list[str]]:  # the text lines around a line, blank lines or not
        k = place[number]
        return flat[max(0, k - 2): k], flat[k + 1: k + 1 + WIDTH_WINDOW]

    titled: set[int] = set()
    grouped: set[int] = set()
    indents_dropped = not blank_lines and drops_indents(kept, width)  # (asked once of the page)
    blocks = [b for b in blocks if b]
    blocks = [part for k, b in enumerate(blocks)
              for part in split_block(b, lines, width, markdown, blank_lines, near, titled, grouped, indents_dropped,
                                      k + 1 < len(blocks) and is_onward_jump(blocks[k + 1][0][1]))]
    numbers = [number for b in blocks for number, _ in b]

    def set_apart(number: int) -> bool:  # across blocks: the text lines around it, blank lines or not
        k = place[number]
        after = flat[k + 1] if k + 1 < len(flat) else None
        before = flat[k - 1].strip() if k else None
        return sets_apart(before, after) or k > 0 and numbers[k - 1] in titled and opens_paragraph(after) \
            or under_closing_credit(before, flat[k].strip(), width)

    column_lines = frozenset() if blank_lines else frozenset(
        number for b in blocks if len(b) == 1 for number, _ in b
        if em_indented(lines[number - 1]) and not is_doubled(lines[number - 1].strip())
        or is_column_line(set_width(lines[number - 1], width), near(number), width) and not set_apart(number)
        and not heads_anyway(lines[number - 1].strip(), near(number), width)) | _set_in_openings(blocks, lines)
    assembler = Assembler(markdown, is_line_per_paragraph(blocks), column_lines, width,
                           cache(lambda: "\n".join(kept)), frozenset(grouped))
    for i, block in enumerate(blocks):
        assembler.block(block, blocks[i + 1] if i + 1 < len(blocks) else None,
                        _ahead(blocks[i + 1: i + 3], blank_lines))
    put_columns_in_order(assembler.tokens, bool(width), assembler.issue_text)
    tokens = captions_set_into_heads(put_swapped_paragraphs_in_order(assembler.tokens))
    tokens = headed_photos(wrapped_headlines(text_over_headlines(headlines_after_photos(tokens, lines)), lines))
    tokens = page_names_by_folios(tokens)
    for token in tokens:
        token.set_in = token.kind == "para" and lines[token.line - 1][:1].isspace()
    return tokens


def _set_in_openings(blocks: list[list[tuple[int, str]]], lines: list[str]) -> frozenset[int]:
    """The first lines of blocks of several lines set in by ideographic spaces: a paragraph's
    opening, however its lines break off (a story broken off after its second line, …的一名 /
    党员教师、自治区高中物理名, reads as title-like text line by line): never a headline's."""
    return frozenset(b[0][0] for b in blocks if len(b) > 1 and em_indented(lines[b[0][0] - 1])
                     and not is_doubled(lines[b[0][0] - 1].strip()))
