"""Install the built .deb into a throw-away root and prove the installed app works.

    python packaging/check_deb.py dist/ganexplorer_X.Y.Z_amd64.deb [--system]

Default: ``dpkg --root`` installs into a fresh, empty root (its own dpkg database, maintainer
scripts run without chroot, so no root privileges are needed) — a clean, container-like prefix.
``--system`` installs with plain ``dpkg -i`` on this machine instead (root only). Either way it
checks the menu entry, icon, MIME types and ``/usr/bin`` link, then runs the installed app's
``--self-test`` and ``gui --screenshot``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def install(deb: Path, root: Path | None) -> Path:
    if root is None:
        subprocess.run(["dpkg", "-i", str(deb)], check=True)
        return Path("/")
    admin = root / "var" / "lib" / "dpkg"
    for d in ("info", "updates", "triggers"):
        (admin / d).mkdir(parents=True, exist_ok=True)
    (admin / "status").touch()
    subprocess.run(["dpkg", "--root", str(root), "--admindir", str(admin), "--force-not-root",
                    "--force-script-chrootless", "--force-depends", "--log=/dev/null", "-i", str(deb)], check=True)
    return root


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("deb", type=Path)
    ap.add_argument("--system", action="store_true", help="dpkg -i on this machine (root)")
    args = ap.parse_args()
    root = install(args.deb, None if args.system else Path(tempfile.mkdtemp(prefix="ganexplorer-root-")))
    expect = ["opt/ganexplorer/ganexplorer", "usr/share/applications/ganexplorer.desktop",
              "usr/share/mime/packages/ganexplorer.xml", "usr/share/icons/hicolor/256x256/apps/ganexplorer.png"]
    missing = [p for p in expect if not (root / p).exists()]
    link = root / "usr" / "bin" / "ganexplorer"
    if missing or not link.is_symlink() or os.readlink(link) != "/opt/ganexplorer/ganexplorer":
        print(f"installed tree is incomplete: missing {missing}, /usr/bin link ok: {link.is_symlink()}")
        return 1
    desktop = (root / expect[1]).read_text()
    if "MimeType=application/x-ganexplorer-checkpoint" not in desktop or "Exec=/opt/ganexplorer/ganexplorer gui %f" \
            not in desktop:
        print("the .desktop entry lacks its MIME types or Exec line")
        return 1
    app = root / "opt" / "ganexplorer" / "ganexplorer"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    subprocess.run([str(app), "--self-test"], check=True, env=env)
    shot = Path(tempfile.mkdtemp()) / "installed.png"
    subprocess.run([str(app), "gui", "--screenshot", str(shot)], check=True, env=env)
    print(f"installed into {root}: files, menu entry, MIME types, self-test and screenshot ({shot}) all good")
    return 0


if __name__ == "__main__":
    sys.exit(main())
