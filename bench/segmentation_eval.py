"""Segmentation benchmark: article P/R/F1, field accuracy and text kept, per layout feature.

Synthesized issues (bench/layout_synth.py: the articles of content/ laid out with one feature
varied at a time from a base layout, and a few mixes) are scored against their true
segmentation; the hand-labelled sample issues (tests/fixtures/expected) are scored as given,
with their blank lines removed, and with U+3000 indents instead of blank lines. Matching is
bench/import_eval.py's rule (`matches`: title and both body ends), fields are scored where the
truth carries them. "Lost" counts the characters of the true bodies that end in no imported
article (title, subtitle or body), after NFKC folding with whitespace removed; for the sample
variants, against the articles imported from the issue as given. For the features that print
a paragraph apart (a photo set into a sentence, columns swapped) it also counts the paragraphs
the import reads whole and in order, which F1 (the body's ends) does not see. Throughput is
`generator.ingest.parse_issue` over a synthesized issue of about 2 MB.

    .venv/bin/python bench/segmentation_eval.py [--seeds 3] [--mb 2] [--held-out 25] [--out bench/segmentation.md]
    .venv/bin/python bench/segmentation_eval.py --show "mix: everything" --seed 1
    .venv/bin/python bench/segmentation_eval.py --pages-only   # the hand-written pages (bench/pages) alone
    .venv/bin/python bench/segmentation_eval.py --held-out-pages   # the held-out pages (bench/pages/held-out) alone
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from import_eval import EXPECTED, FIELDS, RAW, norm, score  # noqa: E402
from layout_synth import (DRAWN_APART, FEATURES, LATER_MIXES, MIXES, PDF_PAGES, PRINTED_ONLY, Issue, Layout,  # noqa: E402
                          load_sources, synthesize)

from generator.ingest import parse_issue  # noqa: E402
from generator.ingest.read import read_raw  # noqa: E402

Tally = dict  # found, predicted, expected, lost, chars, fields


def _chars(texts) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(norm(text))
    return counts


def imported_text(articles) -> Counter:
    """Characters the archive keeps of an issue: printed titles, subtitles and bodies (a title the
    importer made from the text's first sentence repeats body text, so it keeps nothing more)."""
    return _chars(f"{'' if a.title_inferred else a.title}{a.subtitle or ''}{a.body}" for a in articles)


def lost_characters(bodies, articles) -> int:
    """Characters of `bodies` (the true article texts) that are in no imported article."""
    return sum((_chars(bodies) - imported_text(articles)).values())


def import_synthesized(issue: Issue):
    return parse_issue(issue.text, issue.publication, issue.home_region)[1]


def _empty() -> Tally:
    return {"found": 0, "predicted": 0, "expected": 0, "lost": 0, "chars": 0, "issues": 0,
            "fields": {name: [0, 0] for name in FIELDS}}


def _add(tally: Tally, result: dict, lost: int | None, chars: int) -> None:
    for key in ("found", "predicted", "expected"):
        tally[key] += result[key]
    for name, (right, labelled) in result["fields"].items():
        tally["fields"][name][0] += right
        tally["fields"][name][1] += labelled
    tally["lost"] = None if lost is None or tally["lost"] is None else tally["lost"] + lost
    tally["chars"] += chars
    tally["issues"] += 1


def score_layout(layout: Layout, seeds, sources) -> Tally:
    tally = _empty()
    for seed in seeds:
        issue = synthesize(layout, seed, sources)
        articles = import_synthesized(issue)
        result = score([t.label() for t in issue.articles], articles)
        _add(tally, result, lost_characters([t.body for t in issue.articles], articles), len(issue.text))
    return tally


def without_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip()) + "\n"


def with_indents(text: str) -> str:
    """Blank lines removed; a block that holds a sentence (a paragraph, not a headline or a
    byline) starts with two U+3000, as e-paper exports print paragraphs."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if re.search("[。！？]", "".join(lines)) and not lines[0].startswith("\u3000"):
            lines[0] = "\u3000\u3000" + lines[0].lstrip()
        out += lines
    return "\n".join(out) + "\n"


VARIANTS = {"as given": lambda text: text, "no blank lines": without_blank_lines, "U+3000 indents": with_indents}


def score_variants(text: str, labels: list[dict], publication: str | None, home_region: str | None) -> dict[str, Tally]:
    """One labelled text scored in each variant (lost: against the text as given)."""
    tallies: dict[str, Tally] = {}
    given = None
    for variant, change in VARIANTS.items():
        changed = change(text)
        articles = parse_issue(changed, publication, home_region)[1]
        lost = None
        if given is None:
            given = articles
        else:
            lost = sum((imported_text(given) - imported_text(articles)).values())
        tally = _empty()
        _add(tally, score(labels, articles), lost, len(changed))
        tallies[variant] = tally
    return tallies


def score_samples() -> dict[str, dict[str, Tally]]:
    """Each labelled sample issue in each variant (lost: against the issue as given)."""
    rows: dict[str, dict[str, Tally]] = {}
    for path in sorted(EXPECTED.glob("*.yaml")):
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        raw = RAW / labels["raw"]
        sidecar = yaml.safe_load(raw.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
        name = f"{labels['raw'][:3]}{' (held out)' if labels.get('held_out') else ''}"
        rows[name] = score_variants(read_raw(raw).text, labels["articles"], sidecar.get("publication"),
                                    sidecar.get("home_region"))
    return rows


PAGES = BENCH / "pages"  # national-daily pages written by hand: NN.txt and its labels NN.yaml
HELD_OUT_PAGES = PAGES / "held-out"  # a second set, written apart and never tuned against


def score_pages(folder: Path = PAGES) -> dict[str, dict[str, Tally]]:
    """Each hand-written page (bench/pages) in each variant, scored like the sample issues (the
    labels carry the publication and home region a sidecar would; lost: against the page as given)."""
    rows: dict[str, dict[str, Tally]] = {}
    for path in sorted(folder.glob("*.yaml")):
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows[path.stem] = score_variants(path.with_suffix(".txt").read_text(encoding="utf-8"), labels["articles"],
                                         labels.get("publication"), labels.get("home_region"))
    return rows


PAGES_SAID = {
    PAGES: "National-daily pages written for this benchmark, labels by hand before any import, scored as "
           "given, with their blank lines removed and with U+3000 indents instead. Rules have been written "
           "against these (bench/pages/FINDINGS.md): the held-out pages below say how far they generalize.",
    HELD_OUT_PAGES: "Pages written apart, in other papers' habits, labelled before any import and never "
                    "studied: only these totals are looked at.",
}


def pages_report(folder: Path = PAGES) -> list[str]:
    """The hand-written pages' table, per page and variant, and the total per variant."""
    lines = [f"## Pages written by hand ({folder.relative_to(BENCH.parent)})", "", PAGES_SAID[folder], "",
             HEADER.format(first="page · variant")]
    totals = {variant: _empty() for variant in VARIANTS}
    for page, variants in score_pages(folder).items():
        for variant, tally in variants.items():
            lines.append(_row(f"{page} · {variant}", tally))
            _sum_into(totals[variant], tally)
    lines += ["", HEADER.format(first="all pages · variant")]
    lines += [_row(f"all pages · {variant}", tally) for variant, tally in totals.items()]
    return lines


def throughput(sources, megabytes: float) -> tuple[float, float, float, int]:
    """(MB, seconds, CPU seconds, articles) of one parse_issue call over synthesized pages of about
    `megabytes` MB."""
    parts, size, seed = [], 0, 0
    layouts = list(MIXES.values())
    while size < megabytes * 1_000_000:
        issue = synthesize(layouts[seed % len(layouts)], seed, sources)
        parts.append(issue.text)
        size += len(issue.text.encode("utf-8"))
        seed += 1
    text = "\n".join(parts)
    start, cpu = time.perf_counter(), time.process_time()
    articles = parse_issue(text, "昌吉日报", "昌吉回族自治州")[1]
    return (len(text.encode("utf-8")) / 1_000_000, time.perf_counter() - start, time.process_time() - cpu,
            len(articles))


def printed_apart(issue: Issue) -> list[str]:
    """The true paragraphs (folded) not printed as one blank-line block: on a blank-line page, the
    ones a photo was set into or whose columns were swapped (layout_synth.DRAWN_APART)."""
    printed = {norm(block) for block in re.split(r"\n\s*\n", issue.text) if block.strip()}
    return [p for t in issue.articles for p in map(norm, t.body.split("\n\n")) if p not in printed]


def read_whole(issue: Issue, articles) -> tuple[int, int]:
    """(read whole, of) the paragraphs printed apart: how many the import has as one paragraph, in order."""
    apart = printed_apart(issue)
    imported = {norm(p) for a in articles for p in a.body.split("\n\n")}
    return sum(p in imported for p in apart), len(apart)


def _apart_report(seeds: int, held_out: int, sources) -> list[str]:
    """Per later feature, on its blank-line pages: the paragraphs it printed apart that the import
    reads whole and in order (the sentence a photo was set into; the paragraph whose columns were
    swapped), on the studied seeds and the unseen ones."""
    lines = ["", "## Paragraphs printed apart, read whole", "",
             "The later features' paragraphs (a photo set into the sentence, the columns swapped) that the import "
             "has as one paragraph in order; the F1 above only asks whether each story's ends are right.", "",
             f"| layout | read whole, seeds 0–{seeds - 1} | read whole, seeds {HELD_OUT_SEED}–{HELD_OUT_SEED + held_out - 1} |",
             "|---|---:|---:|"]
    for name, layout in FEATURES.items():
        if not any(getattr(layout, feature) for feature in DRAWN_APART):
            continue  # (no paragraph printed apart)
        cells = []
        for span in (range(seeds), range(HELD_OUT_SEED, HELD_OUT_SEED + held_out)):
            whole = apart = 0
            for seed in span:
                issue = synthesize(layout, seed, sources)
                got, of = read_whole(issue, import_synthesized(issue))
                whole, apart = whole + got, apart + of
            cells.append(f"{whole} / {apart}" if apart else "–")
        lines.append(f"| {name} | {cells[0]} | {cells[1]} |")
    return lines


def _prf(t: Tally) -> tuple[float, float, float]:
    p = t["found"] / t["predicted"] if t["predicted"] else 0.0
    r = t["found"] / t["expected"] if t["expected"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _field(t: Tally, name: str) -> str:
    right, labelled = t["fields"][name]
    return f"{right / labelled:.2f}" if labelled else "–"


def _row(name: str, t: Tally) -> str:
    p, r, f = _prf(t)
    lost = "–" if t["lost"] is None else str(t["lost"])
    fields = " | ".join(_field(t, n) for n in FIELDS)
    return f"| {name} | {t['expected']} | {t['predicted']} | {p:.3f} | {r:.3f} | **{f:.3f}** | {fields} | {lost} |"


HEADER = ("| {first} | true | imported | P | R | F1 | " + " | ".join(FIELDS) + " | lost chars |\n"
          "|---|---:|---:|---:|---:|---:|" + "---:|" * len(FIELDS) + "---:|")


def _sum_into(total: Tally, tally: Tally) -> None:
    for key in ("found", "predicted", "expected"):
        total[key] += tally[key]
    total["lost"] = None if total["lost"] is None or tally["lost"] is None else total["lost"] + tally["lost"]
    for name in FIELDS:
        total["fields"][name][0] += tally["fields"][name][0]
        total["fields"][name][1] += tally["fields"][name][1]


def is_later_feature(layout: Layout) -> bool:
    """Does the layout use a feature added after the first reports (layout_synth.DRAWN_APART and
    PRINTED_ONLY)? Totals are also given without those rows, to compare with reports made before
    they existed."""
    return any(getattr(layout, name) for name in DRAWN_APART + PRINTED_ONLY)


EARLIER = "earlier layouts only (no photo in a sentence, no columns swapped, no headline group in one block, no national folios)"


def _totals(first: str, name: str, total: Tally, earlier: Tally) -> list[str]:
    """A group's total row, and the same without the later features' rows where there are any."""
    rows = [HEADER.format(first=first), _row(name, total)]
    if earlier["expected"] != total["expected"] or earlier["predicted"] != total["predicted"]:
        rows.append(_row(f"{name}, {EARLIER}", earlier))
    return rows


HELD_OUT_SEED = 1000  # synthesized issues from this seed on are scored in the report, never studied


def _held_out_report(count: int, sources) -> list[str]:
    """Every synthesized layout again on `count` issues from HELD_OUT_SEED on: seeds no rule was
    studied against, so the figures say how the segmenter does on layouts it was not fitted to."""
    seeds = range(HELD_OUT_SEED, HELD_OUT_SEED + count)
    lines = ["", f"## Seeds never looked at ({count} issues per layout, seeds {seeds.start}–{seeds.stop - 1})", "",
             "The rules were written against the issues above and, while working, against other seeds "
             f"below {HELD_OUT_SEED} (5–29 studied, 100–119 searched for lost text); these were only ever "
             "scored. Where a row here is lower than above, the difference is what the rules fit to the "
             "issues they were studied on.", ""]
    everything, everything_earlier = _empty(), _empty()
    for group, layouts in (("one feature varied", FEATURES), ("many features at once", {**MIXES, **LATER_MIXES}),
                           ("PDF pages", PDF_PAGES)):
        lines += [f"### {group}", "", HEADER.format(first="layout")]
        total, earlier = _empty(), _empty()
        for name, layout in layouts.items():
            tally = score_layout(layout, seeds, sources)
            lines.append(_row(name, tally))
            _sum_into(total, tally)
            if not is_later_feature(layout):
                _sum_into(earlier, tally)
        _sum_into(everything, total)
        _sum_into(everything_earlier, earlier)
        lines += ["", *_totals("all of them", f"all {group}, unseen", total, earlier), ""]
    lines += _totals("everything", "all synthesized, unseen", everything, everything_earlier)
    return lines


def report(seeds: int, megabytes: float, held_out: int = 0) -> str:
    sources = load_sources()
    lines = ["# Segmentation benchmark (bench/segmentation_eval.py)", "",
             f"    .venv/bin/python bench/segmentation_eval.py --seeds {seeds} --mb {megabytes:g} --held-out {held_out}", "",
             f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC at commit "
             f"{_head()} (with the working tree of that moment).", "",
             "Article matching: `bench/import_eval.py` `matches` (title, photo or not, first and last characters "
             "of the body, NFKC and whitespace folded). Fields: share right among articles whose body ends match "
             "the truth (– : no truth for that field). Lost chars: characters of the true bodies in no imported "
             "article (title, subtitle or body); for sample variants, relative to the issue as given.", "",
             "The synthesized truth (bench/layout_synth.py): the title is the headline alone (a kicker or deck is "
             "not part of it; a bracketed column tag （今日谈） is the column); the body starts with the lead "
             "paragraph, dateline included, and a caption printed between the headline and the lead follows the "
             "lead; a byline on a line of its own and a （摘自《…》） line are not body text, a （作者单位：…） note "
             "and a closing （记者 X 通讯员 Y） are; a photo between stories with no headline is a photo item of its "
             "own; a photo set into a paragraph mid-sentence leaves the paragraph whole, its caption after it "
             "(as a caption above the lead follows the lead); a paragraph whose later column was printed first "
             "reads in order; regions are what the importer's tagger gives the true title and body, so they "
             "measure the layout's effect only; the kind is news under a dateline lead, and none where the cues "
             "conflict (a brief, profile or commentary under a lead, a ——论… deck, a column tag). Banners, mastheads, folios, editor lines, QR prompts and jump lines are "
             "furniture.", ""]
    lines += ["## Sample issues (hand labels)", "", HEADER.format(first="issue · variant")]
    for issue, variants in score_samples().items():
        for variant, tally in variants.items():
            lines.append(_row(f"{issue} · {variant}", tally))
    lines += ["", *pages_report(), "", *pages_report(HELD_OUT_PAGES)]
    lines += ["", f"## Synthesized layouts: one feature varied from the base layout ({seeds} issues each)", "",
              "Base: headline over its text, dateline lead (本报…讯（记者 X）), unwrapped paragraphs separated by "
              "blank lines, 6 articles, one page.", "", HEADER.format(first="layout")]
    total, earlier = _empty(), _empty()
    for name, layout in {**FEATURES, **MIXES, **LATER_MIXES}.items():
        if name == next(iter(MIXES)):
            lines += ["", "## Synthesized layouts: many features at once", "", HEADER.format(first="layout")]
        tally = score_layout(layout, range(seeds), sources)
        lines.append(_row(name, tally))
        _sum_into(total, tally)
        if not is_later_feature(layout):
            _sum_into(earlier, tally)
    lines += ["", *_totals("all synthesized", "all layouts", total, earlier)]
    lines += ["", f"## PDF pages of a national daily ({seeds} issues each)", "",
              "Headlines on one line across the columns (long, with commas and column tags), bodies hard-wrapped "
              "at 13, 17 or 22 characters, a byline form per article, folios and editor lines, two pages of four "
              "stories: the shape of the real issues the importer is measured on but never sees.", "",
              HEADER.format(first="layout")]
    pdf = _empty()
    for name, layout in PDF_PAGES.items():
        tally = score_layout(layout, range(seeds), sources)
        lines.append(_row(name, tally))
        _sum_into(pdf, tally)
    lines += ["", HEADER.format(first="all PDF pages"), _row("all PDF pages", pdf)]
    if held_out:
        lines += _held_out_report(held_out, sources)
    lines += _apart_report(seeds, held_out, sources)
    mb, seconds, cpu, count = throughput(sources, megabytes)
    lines += ["", "## Import throughput", "",
              f"`parse_issue` over one synthesized file of {mb:.2f} MB (UTF-8; the mixes, concatenated), "
              f"{count} articles: {seconds:.2f} s wall, **{mb / seconds:.2f} MB/s**; {cpu:.2f} s CPU, "
              f"**{mb / cpu:.2f} MB/s** (shared 2-core machine: wall time depends on the other jobs).", ""]
    return "\n".join(lines)


def _head() -> str:
    """The commit measured (a worktree's .git is a file, so git is asked, not .git/HEAD read)."""
    try:
        done = subprocess.run(["git", "rev-parse", "--short=7", "HEAD"], cwd=BENCH.parent, capture_output=True,
                              text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()


def show(name: str, seed: int) -> str:
    """One synthesized issue: its raw lines (F: furniture), then the true articles the import
    missed and the imported articles that match none."""
    layouts = {**FEATURES, **MIXES, **LATER_MIXES, **PDF_PAGES}
    if name not in layouts:
        raise SystemExit(f"unknown layout {name!r}; one of: {', '.join(layouts)}")
    issue = synthesize(layouts[name], seed, load_sources())
    out = [f"{number:>5} {'F' if number in issue.furniture else ' '} {line}"
           for number, line in enumerate(issue.text.splitlines(), 1)]
    result = score([t.label() for t in issue.articles], import_synthesized(issue))
    out += [f"missed: {label['title']} | {label['first']} … {label['last']}" for label in result["missed"]]
    out += [f"extra:  {a.title} | {norm(a.body)[:12]} … {norm(a.body)[-12:]} (line {a.line})" for a in result["extra"]]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="synthesized issues per layout")
    parser.add_argument("--mb", type=float, default=2.0, help="size of the throughput issue, in MB")
    parser.add_argument("--held-out", type=int, default=0,
                        help=f"also score this many issues per layout from seed {HELD_OUT_SEED} on")
    parser.add_argument("--out", type=Path, help="write the report here (else print it)")
    parser.add_argument("--show", metavar="LAYOUT", help="print one synthesized issue and what its import missed")
    parser.add_argument("--seed", type=int, default=0, help="with --show: which issue of that layout")
    parser.add_argument("--pages-only", action="store_true", help="print only the hand-written pages' table")
    parser.add_argument("--held-out-pages", action="store_true",
                        help="print only the held-out pages' table (bench/pages/held-out)")
    args = parser.parse_args(argv)
    if args.pages_only or args.held_out_pages:
        print("\n".join(pages_report(HELD_OUT_PAGES if args.held_out_pages else PAGES)))
        return 0
    if args.show:
        print(show(args.show, args.seed))
        return 0
    text = report(args.seeds, args.mb, args.held_out)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
