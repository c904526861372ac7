"""`gazette bundle`: a reproducible zip that works unzipped, from file://, offline."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from generator.cli import main
from generator.publish.bundle import zip_site


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_zip_is_sorted_dated_and_byte_identical(built_basic, tmp_path):
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    count = zip_site(built_basic, first)
    (built_basic / "index.html").touch()  # a newer mtime must not change the archive
    zip_site(built_basic, second)
    assert sha(first) == sha(second)
    with zipfile.ZipFile(first) as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names) and len(names) == count
        assert all(n.startswith("site/") for n in names)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert "site/index.html" in names and "site/.nojekyll" in names
        assert zf.read("site/index.html") == (built_basic / "index.html").read_bytes()


def test_cli_builds_afresh_and_bundles(basic_project, capsys):
    assert main(["-C", str(basic_project), "bundle", "-q"]) == 0
    archive = basic_project / "site.zip"
    with zipfile.ZipFile(archive) as zf:
        assert "site/feed.xml" in zf.namelist()
    assert not (basic_project / "site").exists()
    assert main(["-C", str(basic_project), "bundle", "-o", "again.zip"]) == 0
    assert "unzip it and open site/index.html" in capsys.readouterr().out
    assert sha(archive) == sha(basic_project / "again.zip")


def test_bundle_shows_the_build_warnings_as_build_does(basic_project, capsys):
    """A bundle builds afresh: what the build warns about must reach the user, even with -q."""
    with open(basic_project / "gazette.yaml", "a", encoding="utf-8") as config:
        config.write("colour: red\n")
    for command in ("build", "bundle"):
        assert main(["-C", str(basic_project), command, "-q"]) == 0
        assert "warning: unknown key: colour" in capsys.readouterr().err, command


def test_bundle_of_a_missing_site_is_a_usage_error(basic_project, capsys):
    assert main(["-C", str(basic_project), "bundle", "--site", str(basic_project / "site")]) == 2
    assert "gazette build" in capsys.readouterr().err


def test_unzipped_bundle_browses_from_disk_without_network(built_basic, tmp_path, page):
    zip_site(built_basic, tmp_path / "site.zip")
    with zipfile.ZipFile(tmp_path / "site.zip") as zf:
        zf.extractall(tmp_path / "unzipped")
    root = tmp_path / "unzipped" / "site"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((root / "index.html").as_uri())
    assert page.title()
    link = page.locator('a[href$="bayinguoleng-daily/index.html"]').first
    link.click()
    page.wait_for_load_state()
    assert page.url == (root / "bayinguoleng-daily" / "index.html").as_uri()
    assert "巴音郭楞日报" in page.content()
    page.locator('a[href="2023-08-11/index.html"]').first.click()
    page.wait_for_load_state()
    page.locator('a[href*="001-ba-zhou-bei-ming-ming.html"]').first.click()
    page.wait_for_load_state()
    assert page.url.endswith("001-ba-zhou-bei-ming-ming.html")
    assert "巴州被命名为2023年自治区民族团结进步示范区" in page.locator("h1").first.inner_text()
    assert [u for u in requests if not u.startswith("file://")] == []
    assert len(requests) >= 3
