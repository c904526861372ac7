"""Where a browser broke an element's text into lines: for the tests that keep headlines'
words together (pages: tests/render, search results: tests/search)."""
from __future__ import annotations

# Per character of an element's text: the character and the top of its line box
# (null for whitespace, which may hang at a line's end).
CHARACTER_LINES_JS = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const chars = [], tops = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.data.length; i++) {
      const range = document.createRange();
      range.setStart(n, i); range.setEnd(n, i + 1);
      const rects = range.getClientRects();
      chars.push(n.data[i]);
      tops.push(/\\s/.test(n.data[i]) || !rects.length ? null : rects[0].top);
    }
  }
  return [chars.join(""), tops];
}"""


def line_breaks(tops) -> list[int]:
    """Offsets of the characters that start a new line."""
    breaks, last = [], None
    for i, top in enumerate(tops):
        if top is None:
            continue
        if last is not None and top > last + 4:
            breaks.append(i)
        last = top
    return breaks
