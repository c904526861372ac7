"""How long one 原文 page takes to render for a long issue: the sample magazine's raw text
repeated to `lines` lines (its 70 articles' ranges stay on the first copy).

    .venv/bin/python bench/raw_text_bench.py 20000
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from generator import load_config
from generator.content.raw_sources import RawSource, load_raw_sources
from generator.content.site import load_site
from generator.render.archive import Archive
from generator.render.environment import render_page, theme_environment
from generator.render.raw_text import raw_text_pages

ISSUE = "dangyuan-zhiyou/2025-03-28"


def main(lines: int) -> None:
    config = load_config(Path(__file__).resolve().parent.parent)
    site, _ = load_site(config)
    sample = load_raw_sources(site, config.root)[0][ISSUE]
    text = (sample.lines * (lines // len(sample.lines) + 1))[:lines]
    env = theme_environment(config)
    env.globals.update(magazine_slugs=frozenset(), feeds=frozenset(), person_urls={})
    archive = Archive(site, {ISSUE: RawSource(sample.path, sample.sha256, text)})
    render_page(env, next(raw_text_pages(archive, config)))  # headline phrases cut once, as in a build
    started = time.perf_counter()
    html = render_page(env, next(raw_text_pages(archive, config)))
    print(f"{lines} lines: {time.perf_counter() - started:.2f} s, {len(html) / 1024:.0f} KB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
