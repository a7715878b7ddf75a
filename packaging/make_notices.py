"""Write THIRD_PARTY_NOTICES.md: what the installers and the wheel's users receive besides ganexplorer's own code.

    python packaging/make_notices.py        # from an environment with '.[package]' installed

The licence texts come from the installed distributions' own metadata (their dist-info licence files), so they
match the versions that are bundled; Qt for Python ships none, so its LGPL-3.0 (and the GPL-3.0 it builds on)
come from packaging/notices/. Re-run it when a dependency changes; tests/test_platform.py checks that every
runtime dependency in pyproject.toml is named.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "THIRD_PARTY_NOTICES.md"

# (distribution, what it is, licence as its authors state it). The order is the order in the file.
COMPONENTS = [
    ("PySide6-Essentials", "Qt for Python and the Qt 6 libraries (QtCore, QtGui, QtWidgets, QtOpenGL)",
     "LGPL-3.0-only (or GPL-2.0/GPL-3.0); Copyright (C) The Qt Company Ltd. ganexplorer links to Qt dynamically: "
     "the Qt libraries are separate files in the installed folder and can be replaced by the user"),
    ("shiboken6", "Qt for Python's binding runtime", "LGPL-3.0-only (or GPL-2.0/GPL-3.0); The Qt Company Ltd."),
    ("torch", "PyTorch (CPU build)", "BSD-3-Clause, with bundled components under BSD, MIT, Apache-2.0, BSL-1.0"),
    ("numpy", "NumPy (with OpenBLAS and the GCC runtime, under the GCC Runtime Library Exception)",
     "BSD-3-Clause and others"),
    ("pyqtgraph", "pyqtgraph", "MIT"),
    ("pillow", "Pillow (with libjpeg-turbo, libpng, zlib, libtiff, libwebp, freetype and others)", "MIT-CMU"),
    ("safetensors", "safetensors", "Apache-2.0"),
    ("imageio", "imageio", "BSD-2-Clause"),
    ("imageio-ffmpeg", "imageio-ffmpeg (the Python part; see the ffmpeg note below)", "BSD-2-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("tqdm", "tqdm", "MPL-2.0 AND MIT"),
    ("threadpoolctl", "threadpoolctl", "BSD-3-Clause"),
]

HEADER = """# Third-party notices

ganexplorer itself is under the MIT licence (LICENSE). Its installers (Windows setup, macOS .dmg, Linux
.deb and .tar.xz) also contain the Python runtime and the libraries below, each under its own licence.
A `pip install` fetches the same libraries as separate packages. Full texts follow the table.

| component | what | licence |
|---|---|---|
"""

TAIL_NOTES = """
## Python

The installers contain the CPython runtime: PSF License Agreement (PSF-2.0), Copyright (c) 2001 Python
Software Foundation; all rights reserved. https://docs.python.org/3/license.html

## ffmpeg

The installers do **not** contain ffmpeg: MP4 export there uses an `ffmpeg` found on the PATH.
With `pip install ganexplorer[video]`, the imageio-ffmpeg package brings its own static ffmpeg binary, a build
configured with `--enable-gpl --enable-version3` (GPL-3.0-or-later), distributed by that package, not by us.

## Built-in data

`uci_digits.csv.gz`: *Optical Recognition of Handwritten Digits* (E. Alpaydin, C. Kaynak, 1998), UCI Machine
Learning Repository, https://doi.org/10.24432/C50P49, CC BY 4.0. The bundled demo models were trained by the
ganexplorer project on this data and on procedurally drawn shapes; they are under ganexplorer's MIT licence.

## Qt: where to get its source, and relinking

Qt's source for the version bundled (the Qt version is shown by Help > Copy system info) is at
https://download.qt.io/official_releases/qt/ and Qt for Python's at https://download.qt.io/official_releases/QtForPython/.
On request, the ganexplorer developers provide the same. To use another Qt build, replace the Qt libraries in
the installed folder (`_internal/PySide6/Qt/lib` on Linux; the corresponding folders on Windows and macOS).
"""


def licence_texts(dist_name: str) -> list[tuple[str, str]]:
    """The top-level licence files of an installed distribution (its bundled third-party ones stay in its
    dist-info folder, which the installers carry)."""
    dist = metadata.distribution(dist_name)
    found = []
    for f in dist.files or ():
        parts = f.parts
        name = parts[-1].upper()
        top = len(parts) == 2 or (len(parts) == 3 and parts[1] == "licenses")
        if parts[0].endswith(".dist-info") and top and name.startswith(("LICEN", "COPYING", "NOTICE")):
            found.append((f.name, Path(f.locate()).read_text(encoding="utf-8", errors="replace")))
    return found


def main() -> int:
    lines = [HEADER]
    texts = []
    for dist, what, licence in COMPONENTS:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            print(f"{dist} is not installed here: install '.[package]' first", file=sys.stderr)
            return 1
        lines.append(f"| {dist} {version} | {what} | {licence} |\n")
        for name, text in licence_texts(dist):
            texts.append(f"\n## {dist} {version}: {name}\n\n```text\n{text.strip()}\n```\n")
    lines.append(TAIL_NOTES)
    lines.extend(texts)
    for title, file in (("GNU Lesser General Public License v3.0 (Qt, Qt for Python)", "LGPL-3.0.txt"),
                        ("GNU General Public License v3.0 (which the LGPL-3.0 builds on)", "GPL-3.0.txt")):
        text = (ROOT / "packaging" / "notices" / file).read_text(encoding="utf-8")
        lines.append(f"\n## {title}\n\n```text\n{text.strip()}\n```\n")
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
