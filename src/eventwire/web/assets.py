"""Front-end libraries for the web UI, served from the package so the UI works offline.

``package.json`` and ``package-lock.json`` at the repository root pin the npm
packages; :func:`setup` installs them (``npm ci``) when ``node_modules`` is missing
or older than the lockfile and copies the few files the pages load into
``static/vendor/`` (git-ignored). It is idempotent and quiet when up to date.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from eventwire.errors import ConfigError

WEB = Path(__file__).resolve().parent
VENDOR = WEB / "static" / "vendor"
ROOT = WEB.parents[2]  # src/eventwire/web -> repository root

# vendor path -> path under node_modules
FILES: dict[str, str] = {
    "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet/images/layers.png": "leaflet/dist/images/layers.png",
    "leaflet/images/layers-2x.png": "leaflet/dist/images/layers-2x.png",
    "leaflet/images/marker-icon.png": "leaflet/dist/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png": "leaflet/dist/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png": "leaflet/dist/images/marker-shadow.png",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
    # the basemap's coarser shapes (a seventh of the bytes): what every map draws first
    "world-atlas/countries-110m.json": "world-atlas/countries-110m.json",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "moment.min.js": "moment/min/moment.min.js",
    "vis-data.min.js": "vis-data/peer/umd/vis-data.min.js",
    # the peer build: the standalone one injects its CSS, which the CSP forbids
    "vis-timeline.min.js": "vis-timeline/peer/umd/vis-timeline-graph2d.min.js",
    "vis-timeline.min.css": "vis-timeline/styles/vis-timeline-graph2d.min.css",
    "swagger-ui/swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui/swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
STAMP = ".installed"


def _lock_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json"):
        path = root / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def missing(vendor: Path = VENDOR) -> list[str]:
    """Vendor files the pages need that are not present."""
    return [name for name in FILES if not (vendor / name).is_file()]


def setup(root: Path = ROOT, vendor: Path = VENDOR) -> bool:
    """Install the npm packages if needed and copy the vendor files; True when work was done."""
    if not (root / "package.json").exists():
        if missing(vendor):
            raise ConfigError(
                f"web assets missing from {vendor} and no package.json to install them from"
            )
        return False
    digest = _lock_digest(root)
    stamp = vendor / STAMP
    if stamp.exists() and stamp.read_text().strip() == digest and not missing(vendor):
        return False
    modules = root / "node_modules"
    module_stamp = modules / ".eventwire-lock"
    if not (module_stamp.exists() and module_stamp.read_text().strip() == digest):
        _npm_install(root)
        module_stamp.write_text(digest + "\n")
    for dest, src in FILES.items():
        source = modules / src
        if not source.is_file():
            raise ConfigError(f"npm package file missing after install: node_modules/{src}")
        target = vendor / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    stamp.write_text(digest + "\n")
    return True


def _npm_install(root: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise ConfigError("npm is needed once to fetch the web UI's libraries; install Node.js")
    verb = "ci" if (root / "package-lock.json").exists() else "install"
    # --ignore-scripts: nothing we copy needs a build step, and install scripts phone home
    cmd = [npm, verb, "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    result = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise ConfigError(f"npm {verb} failed: " + " | ".join(tail))
