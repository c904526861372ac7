"""A deterministic zip of a built site, to hand over or read offline.

Entries are sorted, dated 1980-01-01 and marked 0644, so the same site gives
the same bytes on every machine. Everything sits under one top folder, so
unzipping never scatters files, and the site's relative links make
`<folder>/index.html` work straight from disk.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
STORED_AS_IS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz")


def zip_site(site_dir: Path, archive: Path, top: str = "site") -> int:
    """Write `archive` from the files under `site_dir`; return the number of files."""
    site_dir = Path(site_dir)
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    archive.parent.mkdir(parents=True, exist_ok=True)
    tmp = archive.with_name(archive.name + ".part")
    with zipfile.ZipFile(tmp, "w") as zf:
        for rel in files:
            zf.writestr(zip_entry(f"{top}/{rel}"), (site_dir / rel).read_bytes())
    tmp.replace(archive)
    return len(files)


def zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.external_attr = 0o100644 << 16
    info.create_system = 3
    info.compress_type = zipfile.ZIP_STORED if name.lower().endswith(STORED_AS_IS) else zipfile.ZIP_DEFLATED
    return info
