"""Article-level precision and recall of `gazette import` against hand labels.

Labels live in tests/fixtures/expected/<NNN>.yaml (written by hand before
tuning): every article's title (null: not printed, so not compared), its kind when
labelled, and the first and last characters of its body; where labelled, its
authors, source and regions.
An imported article counts as found when its title and both ends match
(compared after NFKC folding and with whitespace removed): `matches`, the one
rule bench/segmentation_eval.py uses too. Fields are scored on the articles
whose body ends match a label. Issues marked
`held_out: true` were never looked at while tuning and are reported apart.

    .venv/bin/python bench/import_eval.py [-v] [--no-photos]
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.ingest import parse_issue  # noqa: E402
from generator.ingest.read import read_raw  # noqa: E402

EXPECTED = ROOT / "tests" / "fixtures" / "expected"
RAW = ROOT / "raw"


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"^#+ ", "", text, flags=re.M)
    return re.sub(r"\s+", "", text)


def same_body(label: dict, article) -> bool:
    """Does the article's body begin and end as labelled?"""
    body = norm(article.body)
    return body.startswith(norm(label["first"])) and body.endswith(norm(label["last"]))


def matches(label: dict, article) -> bool:
    """The one rule for 'this is the labelled article' (this script and segmentation_eval.py):
    same title (unless the label has none: not printed), photo or not as labelled, and both
    ends of the body."""
    if label.get("title") is not None and norm(label["title"]) != norm(article.title):
        return False
    if label.get("kind") is not None and (label["kind"] == "photo") != (article.kind == "photo"):
        return False  # a photo item is a different article from the text beside it; other kinds are fields
    return same_body(label, article)


def pair(labels: list[dict], articles: list, rule=matches) -> tuple[list[tuple[dict, object]], list[dict], list]:
    """Each label with the first unused article the rule accepts: (pairs, missed labels, extra articles)."""
    used: set[int] = set()
    pairs, missed = [], []
    for label in labels:
        hit = next((i for i, a in enumerate(articles) if i not in used and rule(label, a)), None)
        if hit is None:
            missed.append(label)
        else:
            used.add(hit)
            pairs.append((label, articles[hit]))
    return pairs, missed, [a for i, a in enumerate(articles) if i not in used]


FIELDS = ("title", "authors", "source", "kind", "regions")


def field_results(label: dict, article) -> dict[str, bool]:
    """The fields this label carries, each right or wrong in the article. A label that lists
    authors is field-labelled: its missing `source` means none was printed."""
    found = {}
    if label.get("title") is not None:
        found["title"] = norm(label["title"]) == norm(article.title)
    if "authors" in label:
        found["authors"] = [norm(a) for a in label["authors"] or ()] == [norm(a) for a in article.authors]
    if "source" in label or "authors" in label:
        expected = label.get("source")
        found["source"] = (norm(expected) if expected else None) == (norm(article.source) if article.source else None)
    if label.get("kind") is not None:
        found["kind"] = label["kind"] == article.kind
    if "regions" in label:
        found["regions"] = set(label["regions"] or ()) == set(article.regions)
    return found


def score(expected: list[dict], articles: list) -> dict:
    """Matches of labels against imported articles, and field results on the articles whose body
    ends match a label (so a wrong title is a field error there, not only a miss)."""
    pairs, missed, extra = pair(expected, articles)
    fields = {name: [0, 0] for name in FIELDS}  # right, labelled
    for label, article in pair(expected, articles, same_body)[0]:
        for name, right in field_results(label, article).items():
            fields[name][0] += right
            fields[name][1] += 1
    return {"found": len(pairs), "predicted": len(articles), "expected": len(expected),
            "missed": missed, "extra": extra, "fields": fields}


def evaluate(labels: dict, photos: bool = True) -> dict:
    """Matches of one issue; `photos=False` leaves photo items out on both sides (text articles only)."""
    raw = RAW / labels["raw"]
    sidecar = yaml.safe_load(raw.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
    _, articles = parse_issue(read_raw(raw).text, sidecar.get("publication"), sidecar.get("home_region"))
    expected = [label for label in labels["articles"] if photos or label.get("kind") != "photo"]
    articles = [a for a in articles if photos or a.kind != "photo"]
    return score(expected, articles)


def _pr(found: int, predicted: int, expected: int) -> tuple[float, float]:
    return (found / predicted if predicted else 0.0), (found / expected if expected else 0.0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed and extra articles")
    parser.add_argument("--no-photos", action="store_true", help="count text articles only (no photo items)")
    args = parser.parse_args(argv)
    totals = {False: [0, 0, 0], True: [0, 0, 0]}
    fields = {name: [0, 0] for name in FIELDS}
    print(f"{'issue':<28} {'held out':>8} {'found':>6} {'pred':>5} {'exp':>5} {'P':>6} {'R':>6}")
    for path in sorted(EXPECTED.glob("*.yaml")):
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        result = evaluate(labels, photos=not args.no_photos)
        held = bool(labels.get("held_out"))
        for i, key in enumerate(("found", "predicted", "expected")):
            totals[held][i] += result[key]
        for name, (right, labelled) in result["fields"].items():
            fields[name][0] += right
            fields[name][1] += labelled
        p, r = _pr(result["found"], result["predicted"], result["expected"])
        print(f"{labels['raw']:<28} {'yes' if held else 'no':>8} {result['found']:>6} {result['predicted']:>5} "
              f"{result['expected']:>5} {p:>6.3f} {r:>6.3f}")
        if args.verbose:
            for label in result["missed"]:
                print(f"    missed: {label.get('title')} | {label['first']} … {label['last']}")
            for article in result["extra"]:
                body = norm(article.body)
                print(f"    extra:  {article.title} | {body[:12]} … {body[-12:]}")
    for held, name in ((False, "tuned"), (True, "held out")):
        p, r = _pr(*totals[held])
        print(f"{name:<28} {'':>8} {totals[held][0]:>6} {totals[held][1]:>5} {totals[held][2]:>5} {p:>6.3f} {r:>6.3f}")
    print("fields (articles whose body ends match a label): " + ", ".join(
        f"{name} {right}/{labelled}" for name, (right, labelled) in fields.items() if labelled))
    return 0


if __name__ == "__main__":
    sys.exit(main())
