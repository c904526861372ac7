"""Preview the site at http://127.0.0.1:8000/: rebuild when content/, themes or gazette.yaml change, and reload the open page.

Each rebuild is incremental (builder.py): only the pages an edit touches are rendered again.

The site is built into a temporary folder (site/ is left alone). A small
live-reload script is added to HTML *responses* only, never to built files.
A failed rebuild prints its problems and keeps serving the last good site.

The preview answers only requests whose Host header names the address it is
bound to (127.0.0.1, localhost, [::1] or --host, with the port), so a web page
cannot reach it through a DNS name rebound to 127.0.0.1 (421 otherwise). Bound to
every address (--host 0.0.0.0), it also answers any IP address with the port, the
name a phone on the LAN uses, which no DNS rebinding can produce. Folders redirect to
their slash form and serve their index page or 404 (never a listing); HEAD
answers with the headers GET would send.
"""
from __future__ import annotations

import argparse
import functools
import ipaddress
import shutil
import signal
import sys
import tempfile
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .. import urls
from ..builder import build
from ..config import CONFIG_FILE, Config, load_config
from ..i18n import N_, _, ngettext
from ..problems import GazetteError

HELP = N_("serve a live preview that rebuilds on every change")
DESCRIPTION = N_("Preview the site at http://127.0.0.1:8000/: rebuild when content/, themes or gazette.yaml change, "
                 "and reload the open page. The site is built into a temporary folder (site/ is left alone); a failed "
                 "rebuild prints its problems and keeps serving the last good site.")
VERSION_PATH = "/__gazette__/version"
RELOAD_SCRIPT = (
    "<script>/* gazette serve: live reload (not part of the built site) */(function(){{var v=\"{version}\";"
    "setInterval(function(){{fetch(\"" + VERSION_PATH + "\",{{cache:\"no-store\"}})"
    ".then(function(r){{return r.text()}}).then(function(t){{if(t!==v)location.reload()}})"
    ".catch(function(){{}})}},700)}})();</script>"
)


WILDCARD_HOSTS = ("0.0.0.0", "::", "")  # --host values that listen on every address


def port_number(text: str) -> int:
    """The --port value as an int, or a usage error (not a traceback from bind())."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(_("not a port number: {text!r} (1–65535, or 0 for a free one)").format(text=text))
    return port


def add_arguments(parser) -> None:
    parser.add_argument("--port", type=port_number, default=8000,
                        help=_("port to listen on (default 8000; 0 picks a free one)"))
    parser.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default 127.0.0.1, this machine only)"))
    parser.add_argument("--base-url", metavar="URL", help=_("absolute URL the site is published at (feeds, sitemap)"))


def run(args) -> int:
    preview = Preview(Path(args.project), host=args.host, port=args.port, base_url=args.base_url)
    try:
        return serve(preview)
    finally:
        preview.stop()  # on every way out: removes the temporary build folder


def serve(preview: "Preview") -> int:
    try:
        preview.start()  # the port first: a busy one should not cost a whole build to find out
    except OSError as exc:
        print(_("gazette serve: cannot listen on {host}:{port}: {why} (try --port 0)").format(
            host=preview.host, port=preview.port, why=exc.strerror or exc), file=sys.stderr)
        return 2
    stop_on_terminate()
    try:
        if not preview.rebuild():
            return 1
        print(_("serving {url} (rebuilds on changes; Ctrl-C stops)").format(url=preview.url), flush=True)
        preview.watch()  # blocks until interrupted
    except KeyboardInterrupt:
        pass
    return 0


def stop_on_terminate() -> None:
    """`kill` (SIGTERM) stops the preview like Ctrl-C, so its temporary folder is removed."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def inject_reload(html: bytes, version: str) -> bytes:
    """The page with the reload script before </body> (or at the end if there is none)."""
    script = RELOAD_SCRIPT.format(version=version).encode()
    at = html.lower().rfind(b"</body>")
    return html + script if at < 0 else html[:at] + script + html[at:]


def allowed_hosts(bind: str, port: int) -> frozenset[str]:
    """The Host header values that name the preview's address (lower case)."""
    names = {"127.0.0.1", "localhost", "[::1]", f"[{bind}]" if ":" in bind else bind.lower()}
    with_port = {f"{name}:{port}" for name in names}
    return frozenset(with_port | names if port == 80 else with_port)


def is_ip_host(host: str, port: int) -> bool:
    """Whether `host` is an IP address with `port` (no DNS name can be rebound to it)."""
    name, _, given = host.rpartition(":")
    try:
        ipaddress.ip_address(name[1:-1] if name.startswith("[") and name.endswith("]") else name)
    except ValueError:
        return False
    return given == str(port)


class PreviewHandler(SimpleHTTPRequestHandler):
    """Static files from the current build, plus the version endpoint the reload script polls."""

    def __init__(self, *args, preview: "Preview", **kwargs):
        self.preview = preview
        super().__init__(*args, directory=str(preview.site_dir), **kwargs)

    def do_GET(self):
        self.respond()

    def do_HEAD(self):
        self.respond()

    def respond(self) -> None:
        """One answer for GET and HEAD (HEAD sends the same headers and no body)."""
        if not self.is_addressed_to_us():
            return self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "unknown Host header")
        if urlsplit(self.path).path == VERSION_PATH:
            return self.send_bytes(str(self.preview.version).encode(), "text/plain")
        path = self.translate_path(self.path)
        if "\0" in path:
            return self.send_error(HTTPStatus.NOT_FOUND)
        if Path(path).is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return self.redirect_to_folder()
            path = str(Path(path) / "index.html")
        if path.endswith(".html") and Path(path).is_file():
            return self.send_bytes(inject_reload(Path(path).read_bytes(), str(self.preview.version)),
                                   "text/html; charset=utf-8")
        file = self.send_head()
        if file:
            with file:
                if self.command == "GET":
                    self.copyfile(file, self.wfile)

    def is_addressed_to_us(self) -> bool:
        """Whether the one Host header names our address (DNS rebinding sends the attacker's name)."""
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1:
            return False
        host = hosts[0].strip().lower()
        bind, port = self.preview.host, self.preview.port
        return host in allowed_hosts(bind, port) or (bind in WILDCARD_HOSTS and is_ip_host(host, port))

    def redirect_to_folder(self) -> None:
        """`/folder?q` → `/folder/?q`, so the page's relative links resolve inside the folder."""
        parts = urlsplit(self.path)
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", urlunsplit(("", "", parts.path + "/", parts.query, "")))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def list_directory(self, path):
        """A folder without an index page is not found: the preview lists no folders, as GitHub Pages."""
        self.send_error(HTTPStatus.NOT_FOUND)

    def send_error(self, code, message=None, explain=None):
        """Missing pages get the site's own 404.html, as on GitHub Pages."""
        page = self.preview.site_dir / urls.NOT_FOUND
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = inject_reload(page.read_bytes(), str(self.preview.version))
        self.send_bytes(body, "text/html; charset=utf-8", HTTPStatus.NOT_FOUND)

    def send_bytes(self, body: bytes, content_type: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format, *args):  # quiet: the terminal is for build problems
        pass


class Preview:
    """One preview: a temporary build folder, an HTTP server thread and a watcher."""

    def __init__(self, project: Path, host: str = "127.0.0.1", port: int = 0, base_url: str | None = None):
        self.project = Path(project).resolve()
        self.host, self.port, self.base_url = host, port, base_url
        self.tmp = Path(tempfile.mkdtemp(prefix="gazette-serve-"))
        self.site_dir = self.tmp / "site"
        self.version = 0
        self.stopping = threading.Event()
        self.server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def config(self) -> Config:
        """Read gazette.yaml afresh, so edits to it apply on the next rebuild."""
        return load_config(self.project, output_dir=str(self.site_dir), base_url=self.base_url)

    def rebuild(self) -> bool:
        try:
            result = build(self.config())
        except GazetteError as exc:
            report(exc.problems, _("build failed; still serving the previous site"))
            return False
        except Exception as exc:  # a bug must not kill a running preview
            report([], _("build crashed ({error}); still serving the previous site").format(
                error=f"{type(exc).__name__}: {exc}"))
            return False
        self.version += 1
        said = ngettext("built {n} article in {seconds:.1f} s", "built {n} articles in {seconds:.1f} s",
                        result.articles).format(n=result.articles, seconds=result.seconds)
        if result.rendered is not None:
            said += _(" ({rendered} pages rendered, {reused} files unchanged)").format(
                rendered=result.rendered, reused=result.reused)
        report(result.problems, said)
        return True

    def start(self) -> None:
        handler = functools.partial(PreviewHandler, preview=self)
        self.server = ThreadingHTTPServer((self.host, self.port), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, name="gazette-serve", daemon=True).start()

    def watched(self) -> list[Path]:
        """content/, gazette.yaml and every theme layer the build reads (overrides, project, shipped)."""
        from ..theme_layers import theme_layers

        config = self.config()
        candidates = [config.content_path, self.project / CONFIG_FILE, *theme_layers(config)]
        return [p for p in candidates if p.exists()]

    def watch(self) -> None:
        """Rebuild after each batch of changes until `stop()`."""
        from watchfiles import watch

        for _changes in watch(*self.watched(), stop_event=self.stopping, debounce=300, step=50,
                              raise_interrupt=True):
            self.rebuild()

    def watch_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.watch, name="gazette-watch", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.stopping.set()
        if self.server:
            self.server.shutdown()
            self.server.server_close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def report(problems, message: str) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(_("gazette serve: {message}").format(message=message), file=sys.stderr, flush=True)
