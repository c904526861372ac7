"""`gazette serve` against hostile requests: a real preview server on a free loopback port,
spoken to with raw HTTP (http.client, bounded timeouts), always stopped afterwards."""
from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from generator.commands.serve import VERSION_PATH, Preview, allowed_hosts

FIXTURE = Path(__file__).parents[1] / "fixtures" / "sites" / "basic"
TIMEOUT = 5
SECRET = "机密：不得经由预览服务器读出"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("serve") / "basic"
    shutil.copytree(FIXTURE, project)
    (project / "secret.txt").write_text(SECRET, encoding="utf-8")
    return project


def start_preview(project: Path, host: str = "127.0.0.1") -> Preview:
    preview = Preview(project, host=host, port=0)
    try:
        assert preview.rebuild()
        preview.start()
    except BaseException:
        preview.stop()
        raise
    (preview.tmp / "secret.txt").write_text(SECRET, encoding="utf-8")  # right beside the served folder
    return preview


@pytest.fixture(scope="module")
def preview(project):
    preview = start_preview(project)
    try:
        yield preview
    finally:
        preview.stop()


def request(preview: Preview, path: str, method: str = "GET", host: str | None = "default",
            extra: tuple[tuple[str, str], ...] = ()) -> tuple[int, dict[str, str], bytes]:
    """Send one request as written (no normalising of `path`); `host=None` sends no Host header."""
    connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=TIMEOUT)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        if host is not None:
            connection.putheader("Host", f"127.0.0.1:{preview.port}" if host == "default" else host)
        for name, value in extra:
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


# --- Host header (DNS rebinding) -------------------------------------------------------------

@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "[::1]:{port}"])
def test_the_bound_address_by_any_of_its_names_is_answered(preview, host):
    status, _, body = request(preview, "/", host=host.format(port=preview.port))
    assert status == 200 and "<html" in body.decode("utf-8").lower()


@pytest.mark.parametrize("host", [
    "attacker.example:{port}",           # a DNS name rebound to 127.0.0.1
    "127.0.0.1.attacker.example:{port}",
    "localhost.attacker.example:{port}",
    "localhost:{port}@attacker.example",
    "localhost:{port}/attacker",
    "localhost",                         # the port is part of the address
    "localhost:1",
    "127.0.0.1:{port}0",
    "",
])
@pytest.mark.parametrize("path", ["/", VERSION_PATH, "/no/such/page.html"])
def test_any_other_host_header_is_refused(preview, host, path):
    status, headers, body = request(preview, path, host=host.format(port=preview.port))
    assert status == 421
    assert "巴州" not in body.decode("utf-8", "replace") and headers.get("x-content-type-options") == "nosniff"


def test_a_request_without_a_host_header_or_with_two_is_refused(preview):
    assert request(preview, "/", host=None)[0] == 421
    good = f"127.0.0.1:{preview.port}"
    assert request(preview, "/", extra=(("Host", good),), host="attacker.example")[0] == 421
    assert request(preview, "/", extra=(("Host", "attacker.example"),), host=good)[0] == 421


def test_bound_to_every_address_any_ip_literal_is_answered_but_no_other_name(project):
    preview = start_preview(project, host="0.0.0.0")
    try:
        assert request(preview, "/", host=f"192.0.2.7:{preview.port}")[0] == 200  # the machine's LAN address
        assert request(preview, "/", host=f"[2001:db8::7]:{preview.port}")[0] == 200
        assert request(preview, "/", host=f"attacker.example:{preview.port}")[0] == 421
        assert request(preview, "/", host="192.0.2.7:1")[0] == 421
    finally:
        preview.stop()


def test_port_80_also_accepts_names_without_a_port():
    assert {"localhost", "127.0.0.1:80", "[::1]"} <= allowed_hosts("127.0.0.1", 80)
    assert "localhost" not in allowed_hosts("127.0.0.1", 8000)
    assert "[::1]:8000" in allowed_hosts("::1", 8000)


# --- folders ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path,location", [
    ("/bayinguoleng-daily", "/bayinguoleng-daily/"),
    ("/bayinguoleng-daily?page=2&q=%E5%B7%B4", "/bayinguoleng-daily/?page=2&q=%E5%B7%B4"),
    ("/bayinguoleng-daily/2023-08-11", "/bayinguoleng-daily/2023-08-11/"),
    ("//attacker.example/../bayinguoleng-daily", None),  # never a protocol-relative Location
])
def test_a_folder_without_its_slash_is_redirected_to_it(preview, path, location):
    status, headers, body = request(preview, path)
    if location is None:
        assert not headers.get("location", "").startswith("//")
        return
    assert (status, headers["location"], body) == (301, location, b"")
    followed = request(preview, location)
    assert followed[0] == 200 and b"<html" in followed[2].lower()


@pytest.mark.parametrize("path", ["/static/", "/search/", "/data/", "/static", "/data/?C=M;O=A"])
def test_a_folder_without_an_index_page_is_not_listed(preview, path):
    status, headers, body = request(preview, path)
    if status == 301:  # /static → /static/, then the same answer
        status, headers, body = request(preview, headers["location"])
    assert (status, body) == (404, request(preview, "/no/such/page.html")[2])  # the site's 404 page, no listing
    assert b"Directory listing" not in body and b"search-engine.js" not in body and b"docs.js" not in body


# --- HEAD ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/bayinguoleng-daily/", "/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.html",
                                  "/static/style.css", "/search/docs.js", "/no/such/page.html", VERSION_PATH,
                                  "/bayinguoleng-daily", "/static/"])
def test_head_sends_the_headers_of_get_and_no_body(preview, path):
    get_status, get_headers, get_body = request(preview, path)
    head_status, head_headers, head_body = request(preview, path, method="HEAD")
    assert head_body == b""
    assert head_status == get_status
    assert int(get_headers["content-length"]) == len(get_body)
    get_headers.pop("date"), head_headers.pop("date")
    assert head_headers == get_headers


# --- paths that try to leave the served folder ------------------------------------------------

@pytest.mark.parametrize("path", [
    "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
    "/..%2fsecret.txt", "/..%2f..%2fsecret.txt", "/static/..%2f..%2fsecret.txt",
    "/..%5csecret.txt", "/%5c..%5csecret.txt", "/static/..%5c..%5c..%5csecret.txt", "/..\\secret.txt",
    "/%00", "/secret.txt%00", "/index.html%00.css", "/%00/../secret.txt", "/static/%c0%ae%c0%ae/secret.txt",
    "/%252e%252e/secret.txt",
])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_no_path_reads_outside_the_served_folder(preview, capfd, path, method):
    status, headers, body = request(preview, path, method=method)
    assert status == 404 and SECRET.encode() not in body
    assert headers["x-content-type-options"] == "nosniff"
    assert request(preview, "/")[0] == 200  # still serving
    assert "Traceback" not in capfd.readouterr().err


def test_a_raw_nul_byte_in_the_request_line_is_refused_without_a_traceback(preview, capfd):
    with socket.create_connection(("127.0.0.1", preview.port), timeout=TIMEOUT) as conn:
        conn.sendall(b"GET /secret.txt\x00 HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % preview.port)
        answer = conn.recv(65536)
    assert answer.startswith(b"HTTP/1.") and b" 200 " not in answer.split(b"\r\n")[0]
    assert SECRET.encode() not in answer
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize("path", ["/", "/static/style.css", VERSION_PATH, "/no/such", "/bayinguoleng-daily"])
def test_every_answer_says_nosniff(preview, path):
    assert request(preview, path)[1]["x-content-type-options"] == "nosniff"


# --- the command line ------------------------------------------------------------------------

def serve_command(project: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "-C", str(project), "serve", *args],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "TMPDIR": str(tmp)})


@pytest.mark.parametrize("port", ["99999", "65536", "-1", "http", "80.5"])
def test_a_port_outside_the_range_is_a_usage_error_and_leaves_no_temporary_folder(project, tmp_path, port):
    done = serve_command(project, tmp_path, "--port", port)
    assert done.returncode == 2
    assert f"argument --port: not a port number: '{port}'" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_busy_port_is_one_line_and_leaves_no_temporary_folder(preview, project, tmp_path):
    done = serve_command(project, tmp_path, "--port", str(preview.port))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"gazette serve: cannot listen on 127.0.0.1:{preview.port}: "
                                        "Address already in use (try --port 0)"]
    assert list(tmp_path.iterdir()) == []


def test_a_failed_first_build_leaves_no_temporary_folder(tmp_path):
    project = tmp_path / "broken"
    shutil.copytree(FIXTURE, project)
    article = project / "content/bayinguoleng-daily/2023-08-11/001-ba-zhou-bei-ming-ming.md"
    article.write_text(article.read_text(encoding="utf-8").replace("order: 1", "order: one"), encoding="utf-8")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    done = serve_command(project, tmp, "--port", "0")
    assert done.returncode == 1 and "001-ba-zhou-bei-ming-ming.md:" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp.iterdir()) == []
