"""`gazette serve`: serves a fresh build, rebuilds on edits, reloads the open page, survives bad edits."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.commands.serve import RELOAD_SCRIPT, VERSION_PATH, Preview, inject_reload

ARTICLE = "content/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.md"
ARTICLE_URL = "bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html"
TITLE = "巴州被命名为2023年自治区民族团结进步示范区"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


@pytest.fixture
def preview(basic_project):
    preview = Preview(basic_project, port=0)
    assert preview.rebuild()
    preview.start()
    preview.watch_in_thread()
    time.sleep(0.5)  # let the watcher register before tests edit files
    yield preview
    preview.stop()


def edit(project: Path, old: str, new: str) -> None:
    path = project / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_serves_pages_with_the_reload_script_but_never_writes_it(preview, basic_project):
    html = fetch(preview.url + ARTICLE_URL)
    assert TITLE in html and VERSION_PATH in html
    assert fetch(preview.url + VERSION_PATH) == "1"
    assert VERSION_PATH.encode() not in (preview.site_dir / ARTICLE_URL).read_bytes()
    assert fetch(preview.url).count(VERSION_PATH) == 1  # / serves index.html, injected once
    assert not (basic_project / "site").exists()  # the preview builds elsewhere


def test_an_edit_is_rebuilt_within_seconds(preview, basic_project):
    edit(basic_project, f"title: {TITLE}", "title: 巴州获评示范区（修订）")
    wait_for(lambda: fetch(preview.url + VERSION_PATH) != "1")
    assert "巴州获评示范区（修订）" in fetch(preview.url + ARTICLE_URL)


def test_a_rebuild_renders_only_the_pages_an_edit_touches(preview, basic_project, capfd):
    capfd.readouterr()
    edit(basic_project, f"title: {TITLE}", "title: 巴州获评示范区（增量）")
    wait_for(lambda: fetch(preview.url + VERSION_PATH) != "1")
    rendered, unchanged = map(int, re.search(r"\((\d+) pages rendered, (\d+) files unchanged\)",
                                             capfd.readouterr().err).groups())
    assert 0 < rendered < unchanged
    assert "巴州获评示范区（增量）" in fetch(preview.url + ARTICLE_URL)


def test_a_broken_edit_keeps_serving_the_last_good_site(preview, basic_project, capfd):
    edit(basic_project, "order: 1", "order: one")
    wait_for(lambda: "build failed" in capfd.readouterr().err)
    assert TITLE in fetch(preview.url + ARTICLE_URL)
    assert fetch(preview.url + VERSION_PATH) == "1"
    edit(basic_project, "order: one", "order: 1")
    wait_for(lambda: fetch(preview.url + VERSION_PATH) != "1")


def test_the_open_page_reloads_after_a_rebuild(preview, basic_project, page):
    page.goto(preview.url + ARTICLE_URL)
    assert TITLE in page.locator("h1").first.inner_text()
    edit(basic_project, f"title: {TITLE}", "title: 自动刷新后的标题")
    page.wait_for_function("document.querySelector('h1').innerText.includes('自动刷新后的标题')", timeout=10_000)


def test_inject_reload_goes_before_the_closing_body():
    html = inject_reload(b"<html><body><p>x</p></BODY></html>", "7")
    assert html.startswith(b"<html><body><p>x</p><script>") and html.endswith(b"</script></BODY></html>")
    assert b'var v="7"' in html
    assert inject_reload(b"<p>fragment</p>", "1") == b"<p>fragment</p>" + RELOAD_SCRIPT.format(version="1").encode()


def test_a_busy_port_is_a_clear_error_before_any_build(preview, basic_project, capsys, monkeypatch):
    from generator.cli import main

    monkeypatch.setattr(Preview, "rebuild", lambda self: pytest.fail("built before finding the port busy"))
    assert main(["-C", str(basic_project), "serve", "--port", str(preview.port)]) == 2
    assert f"cannot listen on 127.0.0.1:{preview.port}" in capsys.readouterr().err


def test_terminating_the_preview_removes_its_temporary_build(basic_project, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    serve = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(basic_project), "serve", "--port", "0"],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert serve.stdout.readline().startswith("serving http://")
        assert list(tmp.glob("gazette-serve-*"))
        serve.terminate()  # SIGTERM, as `kill` or a process manager sends
        assert serve.wait(timeout=20) == 0
    finally:
        serve.kill()
    assert list(tmp.glob("gazette-serve-*")) == []


def test_missing_pages_get_the_sites_own_404(preview):
    import urllib.error

    with pytest.raises(urllib.error.HTTPError) as caught:
        fetch(preview.url + "no/such/page.html")
    assert caught.value.code == 404
    assert caught.value.read().startswith((preview.site_dir / "404.html").read_bytes()[:100])


def test_an_override_template_edit_is_picked_up(preview, basic_project):
    assert basic_project / "content" in preview.watched()
    overrides = basic_project / "overrides"
    overrides.mkdir(exist_ok=True)
    preview.stop()  # the watcher only sees folders that existed when it started
    fresh = Preview(basic_project, port=0)
    assert overrides.resolve() in fresh.watched()
    assert any(p.name == "default" for p in fresh.watched())
    fresh.stop()
