"""`robots.txt` (pointing at the sitemap) and `.nojekyll` (so GitHub Pages
serves the site as built instead of running Jekyll, which would drop `_*` files)."""
from __future__ import annotations

from .. import urls


def robots_files(base_url: str, has_sitemap: bool) -> dict[str, bytes]:
    lines = ["User-agent: *", "Allow: /"]
    if has_sitemap:
        lines.append(f"Sitemap: {urls.absolute_url(urls.SITEMAP, base_url)}")
    return {"robots.txt": ("\n".join(lines) + "\n").encode("utf-8"), ".nojekyll": b""}
