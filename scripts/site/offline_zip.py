"""Build the offline copy of the site and pack it as one zip file.

    python -m scripts.site.offline_zip [--output site/llm-roadmap-offline.zip]

The offline copy is a second build with Material's offline plugin on (OFFLINE=true): plain
`.html` URLs and the vendored iframe-worker shim, so it navigates and searches from file://.
The hosted site stays a separate build that keeps directory URLs and instant navigation.

The deployment writes the zip next to the built site. The local server (scripts/serve.sh) has no
such step: its hook (overrides/hooks/offline_zip.py) builds the zip on the first download and
keeps it in a cache (`cached_zip`), rebuilt only when something the build reads has changed
(`inputs_digest`).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import ipaddress
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from scripts.paths import MKDOCS_YML, ROOT

ARCHIVE_FOLDER = "llm-roadmap"
ZIP_NAME = "llm-roadmap-offline.zip"  # the home page links this name, beside index.html
FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # same bytes for the same site, whenever it is built
CACHE = ROOT / ".cache" / "offline-zip"
# `!ENV NAME` or `!ENV [NAME, default]` in mkdocs.yml: the variables a build reads.
ENV_REFERENCE = re.compile(r"!ENV\s+\[?\s*([A-Za-z_][A-Za-z0-9_]*)")


class BuildFailed(RuntimeError):
    """The offline build stopped; the message is its own output."""


def build_offline(destination: Path, config_file: Path = MKDOCS_YML, env: Mapping[str, str] | None = None) -> None:
    env = {**(os.environ if env is None else env), "OFFLINE": "true"}
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--quiet", "--config-file", str(config_file), "--site-dir", str(destination)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BuildFailed((done.stdout + done.stderr).strip() or f"properdocs build exited with {done.returncode}")


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


def published_environment(env: Mapping[str, str]) -> dict[str, str]:
    """The environment for a copy made by the local server, without a loopback SITE_URL.

    scripts/serve.sh sets SITE_URL to http://127.0.0.1:8000/ so that the site is served at the
    root of that address. The offline copy names site_url as the place to continue on another
    device (the share link), which a loopback address can never be: without it the copy names
    mkdocs.yml's address, as the published zip does. A SITE_URL that is not loopback is kept."""
    host = urlsplit(env.get("SITE_URL", "")).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    return {name: value for name, value in env.items() if not (name == "SITE_URL" and loopback)}


def inputs_digest(paths: Iterable[Path], config_file: Path, env: Mapping[str, str]) -> str:
    """One SHA-256 over everything the offline build reads, so a cached zip is reused exactly
    while none of it changed: the files under `paths` (folders or files) and the config file,
    the variables the config names with !ENV (and the file a value names, such as LINK_HEALTH's
    JSON), the git commit (What's new is read from history) and the installed packages."""
    root = config_file.parent.resolve()
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    files: set[Path] = set()
    for path in (config_file, *paths):
        path = path.resolve()
        if path.is_dir():
            files.update(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.is_file():
            files.add(path)
    for file in sorted(files):
        add("file " + (file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()), file.read_bytes())
    for name in sorted(set(ENV_REFERENCE.findall(config_file.read_text(encoding="utf-8")))):
        value = env.get(name)
        add(f"env {name}", b"\0unset" if value is None else value.encode())
        if value and (root / value).is_file():
            add(f"env file {name}", (root / value).read_bytes())
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False)
    add("git HEAD", head.stdout.strip().encode() if head.returncode == 0 else b"\0none")
    packages = sorted(f"{d.metadata.get('Name') or ''}=={d.version}" for d in importlib.metadata.distributions())
    add("packages", "\n".join(packages).encode())
    return digest.hexdigest()


def cached_zip(cache: Path, digest: Callable[[], str], config_file: Path = MKDOCS_YML, env: Mapping[str, str] | None = None) -> Path:
    """The offline copy's zip for the current inputs: the cached one when it was built from the
    same inputs, otherwise a new one built now and kept in its place (one zip is kept).

    `digest` is asked before and after a build: a zip built while files changed is returned for
    this request but not recorded as matching either state, so the next request rebuilds."""
    archive, stamp = cache / ZIP_NAME, cache / "inputs.sha256"
    wanted = digest()
    if archive.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == wanted:
        return archive
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as temporary:
        build_offline(Path(temporary) / "site", config_file, env)
        pack(Path(temporary) / "site", Path(temporary) / ZIP_NAME)
        stamp.unlink(missing_ok=True)
        os.replace(Path(temporary) / ZIP_NAME, archive)  # atomic: a download under way keeps reading the old file
    if digest() == wanted:
        stamp.write_text(wanted + "\n", encoding="utf-8")
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.site.offline_zip", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "site" / ZIP_NAME)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        try:
            build_offline(site)
        except BuildFailed as failure:
            print(failure, file=sys.stderr)
            return 1
        count = pack(site, args.output)
    size = args.output.stat().st_size
    print(f"{args.output}: {count} files, {size / 1_000_000:.1f} MB; open {ARCHIVE_FOLDER}/index.html after unzipping")
    return 0


if __name__ == "__main__":
    sys.exit(main())
