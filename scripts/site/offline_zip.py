"""Build the offline copy of the site and pack it as one zip file.

    python -m scripts.site.offline_zip [--output site/llm-roadmap-offline.zip]

The offline copy is a second build with Material's offline plugin on (OFFLINE=true): plain
`.html` URLs and the vendored iframe-worker shim, so it navigates and searches from file://.
The hosted site stays a separate build that keeps directory URLs and instant navigation.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from scripts.paths import ROOT

ARCHIVE_FOLDER = "llm-roadmap"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # same bytes for the same site, whenever it is built


def build_offline(destination: Path) -> None:
    env = {**os.environ, "OFFLINE": "true"}
    subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--quiet", "--config-file", "mkdocs.yml", "--site-dir", str(destination)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def pack(site: Path, output: Path) -> int:
    """Zip every file of `site` under one folder; returns the number of files."""
    output.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site.rglob("*") if p.is_file())
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{ARCHIVE_FOLDER}/{path.relative_to(site).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.site.offline_zip", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "site" / "llm-roadmap-offline.zip")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        build_offline(site)
        count = pack(site, args.output)
    size = args.output.stat().st_size
    print(f"{args.output}: {count} files, {size / 1_000_000:.1f} MB; open {ARCHIVE_FOLDER}/index.html after unzipping")
    return 0


if __name__ == "__main__":
    sys.exit(main())
