"""Build the installer for the operating system this runs on.

    python packaging/build.py              # Linux: dist/ganexplorer-X.Y.Z-linux-x86_64.tar.xz and a .deb
                                           # Windows: dist/ganexplorer-setup-X.Y.Z.exe (needs Inno Setup's iscc)
                                           # macOS: dist/ganexplorer-X.Y.Z-macos-arm64.dmg (Apple Silicon)
    python packaging/build.py --check      # then run the built app's --self-test and gui --screenshot

Steps: PyInstaller one-folder build from packaging/ganexplorer.spec (into build/pyinstaller and
dist/ganexplorer), then the OS's package. It prints sizes, so packaging/README.md can quote them.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = DIST / "ganexplorer"
LICENCES = (ROOT / "LICENSE", ROOT / "THIRD_PARTY_NOTICES.md")
# The Linux downloads' limit (issue 26): a classroom fetches them over slow school networks.
DOWNLOAD_LIMIT = 200_000_000


def version() -> str:
    ns: dict = {}
    exec((ROOT / "ganexplorer" / "__init__.py").read_text(), ns)  # our own file: just __version__
    return ns["__version__"]


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


def pyinstaller() -> None:
    if APP.exists():
        shutil.rmtree(APP)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(PACKAGING / "ganexplorer.spec")])
    strip_libtorch()
    for f in LICENCES:   # beside the executable, where a user looks (the app itself reads its copy in _internal)
        shutil.copy2(f, APP / f.name)
    print(f"unpacked app folder: {mb(folder_size(APP))} ({APP})")


def strip_libtorch() -> None:
    """Drop libtorch's symbol tables (~70 MB). Only torch's own libraries: stripping the auditwheel-patched
    ones (numpy's OpenBLAS, Pillow's codecs) breaks them."""
    strip = shutil.which("strip")
    if strip is None or sys.platform not in ("linux", "darwin"):
        return
    for lib in sorted((APP / "_internal" / "torch" / "lib").glob("libtorch*")):
        if lib.is_file() and not lib.is_symlink():
            run([strip, "--strip-unneeded" if sys.platform == "linux" else "-S", str(lib)])


# -- Linux ------------------------------------------------------------------------------------------
def linux_tarball(ver: str) -> Path:
    """xz, not gzip: 258 MB as .tar.gz, well under the 200 MB limit as .tar.xz (xz -6, multi-threaded when the
    xz program is there)."""
    out = DIST / f"ganexplorer-{ver}-linux-{platform.machine()}.tar.xz"
    xz = shutil.which("xz")
    if xz:
        plain = out.with_suffix("")
        with tarfile.open(plain, "w") as tar:
            tar.add(APP, arcname=f"ganexplorer-{ver}")
        out.unlink(missing_ok=True)
        run([xz, "-6", "-T0", "--force", str(plain)])
    else:
        with tarfile.open(out, "w:xz", preset=6) as tar:
            tar.add(APP, arcname=f"ganexplorer-{ver}")
    print(f"tarball: {mb(out.stat().st_size)} ({out})")
    return out


GLIBC_RE = re.compile(rb"GLIBC_(2\.[0-9]+(?:\.[0-9]+)?)\x00")


def version_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in v.split("."))


def glibc_floor(folder: Path) -> tuple[str, Path | None]:
    """The newest GLIBC_x.y symbol version any ELF file in ``folder`` asks for: the oldest glibc the app runs
    on. Read from the files' version-needs strings (NUL-terminated ``GLIBC_2.NN`` in .dynstr), so no binutils."""
    best, where = "2.2.5", None
    for f in sorted(folder.rglob("*")):
        if not f.is_file() or f.is_symlink():
            continue
        with open(f, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
            data = fh.read()
        for m in GLIBC_RE.finditer(data):
            v = m.group(1).decode()
            if version_key(v) > version_key(best):
                best, where = v, f
    return best, where


def linux_deb(ver: str) -> Path:
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
    stage = ROOT / "build" / "deb" / "ganexplorer"
    if stage.exists():
        shutil.rmtree(stage)
    linux = PACKAGING / "linux"
    shutil.copytree(APP, stage / "opt" / "ganexplorer", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/ganexplorer/ganexplorer", stage / "usr" / "bin" / "ganexplorer")
    for src, dest in ((linux / "ganexplorer.desktop", "usr/share/applications/ganexplorer.desktop"),
                      (linux / "ganexplorer-mime.xml", "usr/share/mime/packages/ganexplorer.xml"),
                      (ROOT / "resources" / "icons" / "ganexplorer.png",
                       "usr/share/icons/hicolor/256x256/apps/ganexplorer.png")):
        (stage / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, stage / dest)
    doc = stage / "usr" / "share" / "doc" / "ganexplorer"
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "LICENSE", doc / "copyright")
    shutil.copy2(ROOT / "THIRD_PARTY_NOTICES.md", doc / "THIRD_PARTY_NOTICES.md")
    debian = stage / "DEBIAN"
    debian.mkdir()
    installed_kb = folder_size(stage) // 1024
    glibc, needed_by = glibc_floor(APP)
    print(f"glibc floor: {glibc} (asked for by {needed_by.relative_to(APP) if needed_by else 'nothing'})")
    control = (linux / "control").read_text().format(version=ver, arch=arch, installed_kb=installed_kb, glibc=glibc)
    (debian / "control").write_text(control)
    for script in ("postinst", "postrm"):
        shutil.copy2(linux / script, debian / script)
        (debian / script).chmod(0o755)
    out = DIST / f"ganexplorer_{ver}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(stage), str(out)])
    print(f"deb: {mb(out.stat().st_size)} ({out})")
    return out


# -- Windows and macOS --------------------------------------------------------------------------------
def windows_installer(ver: str) -> Path:
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    run([iscc, f"/DAppVersion={ver}", f"/DSourceDir={APP}", f"/DOutputDir={DIST}",
         str(PACKAGING / "windows" / "ganexplorer.iss")])
    out = DIST / f"ganexplorer-setup-{ver}.exe"
    print(f"installer: {mb(out.stat().st_size)} ({out})")
    return out


def macos_dmg(ver: str) -> Path:
    bundle = DIST / "ganexplorer.app"
    out = DIST / f"ganexplorer-{ver}-macos-{platform.machine()}.dmg"
    if out.exists():
        out.unlink()
    stage = ROOT / "build" / "dmg"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / "ganexplorer.app", symlinks=True)
    for f in LICENCES:
        shutil.copy2(f, stage / f.name)
    os.symlink("/Applications", stage / "Applications")
    run(["hdiutil", "create", "-volname", f"ganexplorer {ver}", "-srcfolder", str(stage), "-ov", "-format", "UDZO",
         str(out)])
    print(f"dmg: {mb(out.stat().st_size)} ({out})")
    return out


# -- checks -----------------------------------------------------------------------------------------
def executable() -> Path:
    if sys.platform == "darwin":
        return DIST / "ganexplorer.app" / "Contents" / "MacOS" / "ganexplorer"
    return APP / ("ganexplorer.exe" if os.name == "nt" else "ganexplorer")


def cli_executable() -> Path:
    """The program that prints: on Windows the console twin of the windowed ganexplorer.exe."""
    if os.name == "nt":
        return APP / "ganexplorer-cli.exe"
    return executable()


def check(exe: Path, downloads: list[Path]) -> None:
    """The built app's own self-test, and a screenshot of the window on its bundled model (timed); on Linux the
    downloads' size limit."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    test = subprocess.run([str(cli_executable()), "--self-test"], env=env, capture_output=True, text=True)
    print(test.stdout + test.stderr, end="")
    if test.returncode != 0 or not test.stdout.startswith("self-test passed"):
        raise SystemExit(f"the built app's self-test failed or printed nothing (exit {test.returncode})")
    too_big = [f for f in downloads if sys.platform == "linux" and f.stat().st_size > DOWNLOAD_LIMIT]
    if too_big:
        raise SystemExit(f"over the {mb(DOWNLOAD_LIMIT)} download limit: " +
                         ", ".join(f"{f.name} {mb(f.stat().st_size)}" for f in too_big))
    shot = DIST / "frozen-screenshot.png"
    t0 = time.perf_counter()
    run([str(exe), "gui", "--screenshot", str(shot)], env=env)
    print(f"launch to first rendered image saved: {time.perf_counter() - t0:.1f} s ({shot})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="run the built app's self-test and a screenshot")
    ap.add_argument("--no-installer", action="store_true", help="only the PyInstaller folder")
    args = ap.parse_args()
    ver = version()
    pyinstaller()
    downloads: list[Path] = []
    if not args.no_installer:
        system = platform.system()
        if system == "Linux":
            downloads += [linux_tarball(ver), linux_deb(ver)]
        elif system == "Windows":
            downloads.append(windows_installer(ver))
        elif system == "Darwin":
            downloads.append(macos_dmg(ver))
        else:
            print(f"no installer recipe for {system}; the app folder is {APP}")
    if args.check:
        check(executable(), downloads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
