"""The peers bench/run.py compares gazette with: Hugo (Debian's package) and Pagefind-extended (PyPI).

The same articles as gazette's content/ tree, written as a Hugo site with a minimal layout
made here: one page per article, a list page per publication and per issue, and taxonomy
pages for regions and years (50 per page, as gazette's region pages). No RSS or sitemap,
as gazette builds none without a base URL. Pagefind indexes the article text only
(`data-pagefind-body`), in a page marked `lang="zh-Hans"`, so the extended build segments
the Chinese into words.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

PAGEFIND = "1.5.2"  # pagefind[extended] on PyPI, pinned: its index format decides the bytes
HUGO = "/usr/bin/hugo"

CONFIG = """baseURL = "/"
title = "新疆地方报刊档案"
languageCode = "zh-Hans"
hasCJKLanguage = true
paginate = 50
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  region = "regions"
  year = "years"
"""

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{ .Title }} · {{ site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
{{ block "main" . }}{{ end }}</body></html>
""",
    "_default/single.html": """{{ define "main" }}<main data-pagefind-body>
<h1>{{ .Title }}</h1>
<p>{{ .Params.publication }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>
{{ range .GetTerms "regions" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ .Content }}
</main>
<nav>{{ with .Parent }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<main><h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}</main>{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<main><h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>
</main>{{ end }}
""",
    "index.html": """{{ define "main" }}<main><h1>{{ site.Title }}</h1>
<ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ len .Pages }}</li>{{ end }}</ul>
<p><a href="{{ "regions/" | relURL }}">地区</a> <a href="{{ "years/" | relURL }}">年份</a></p></main>{{ end }}
""",
}


def _front(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=True) + "---\n"


def split_article(text: str) -> tuple[dict, str]:
    """(front matter, Markdown body) of one gazette content file."""
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def hugo_article(text: str) -> str:
    """One gazette article as a Hugo page: the same title, date, regions and Markdown body."""
    front, body = split_article(text)
    page = {"title": front["title"], "date": str(front["date"]), "publication": front["publication"],
            "regions": list(front.get("regions") or []), "years": [str(front["date"])[:4]],
            "weight": int(front.get("order", 0))}
    return _front(page) + body


def write_hugo_site(content: Path, site: Path) -> int:
    """The Hugo site of gazette's content/ tree (publications/issue dates/articles); articles written."""
    shutil.rmtree(site, ignore_errors=True)
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        (site / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "layouts" / name).write_text(text, encoding="utf-8")
    count = 0
    for pub in sorted(p for p in content.iterdir() if p.is_dir()):
        name = yaml.safe_load((pub / "publication.yaml").read_text(encoding="utf-8"))["name"]
        (site / "content" / pub.name).mkdir()
        (site / "content" / pub.name / "_index.md").write_text(_front({"title": name}), encoding="utf-8")
        for issue in sorted(p for p in pub.iterdir() if p.is_dir()):
            folder = site / "content" / pub.name / issue.name
            folder.mkdir()
            (folder / "_index.md").write_text(_front({"title": f"{name} {issue.name}", "date": issue.name}),
                                              encoding="utf-8")
            for article in sorted(issue.glob("*.md")):
                (folder / article.name).write_text(hugo_article(article.read_text(encoding="utf-8")),
                                                   encoding="utf-8")
                count += 1
    return count


def pagefind_binary(venv: Path) -> Path:
    """Pagefind-extended's binary, installed (pinned) into its own venv on first use."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    found = subprocess.run([str(python), "-c", "import pagefind_bin_extended as p; print(p.get_executable())"],
                           capture_output=True, text=True)
    if found.returncode or _pagefind_version(found.stdout.strip()) != PAGEFIND:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"pagefind[extended]=={PAGEFIND}"],
                       check=True)
        found = subprocess.run([str(python), "-c", "import pagefind_bin_extended as p; print(p.get_executable())"],
                               capture_output=True, text=True, check=True)
    return Path(found.stdout.strip())


def _pagefind_version(binary: str) -> str:
    if not binary:
        return ""
    done = subprocess.run([binary, "--version"], capture_output=True, text=True)
    return done.stdout.split()[-1] if done.returncode == 0 and done.stdout.split() else ""


def hugo_version() -> str:
    return subprocess.run([HUGO, "version"], capture_output=True, text=True, check=True).stdout.strip()


def hugo_command(site: Path) -> list[str]:
    return [HUGO, "--quiet", "--source", str(site), "--destination", str(site / "public")]


def pagefind_command(binary: Path, site: Path) -> list[str]:
    return [str(binary), "--site", str(site / "public"), "--silent"]
