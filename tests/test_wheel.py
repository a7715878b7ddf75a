"""The wheel is a whole app: built, installed into a fresh venv (no source checkout on the path) and run from
another folder, it passes its own self-test and opens its window on a bundled model.

Offline: the wheel is built without build isolation (the running environment's setuptools), installed with
``--no-deps --no-index``, and the new venv reaches torch, Qt and the rest through a .pth line pointing at this
environment's site-packages (a plain path entry: that folder's own .pth files, the editable install's among them,
are not run).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "--quiet", "-w", str(out), str(ROOT)], check=True, cwd=out)
    (whl,) = out.glob("ganexplorer-*.whl")
    return whl


def test_the_wheel_carries_models_translations_icons_data_and_licences(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = {n for n in names if n.startswith("ganexplorer/_bundled/")}
    shipped_models = sorted(p.name for p in (ROOT / "checkpoints").glob("*.safetensors"))
    assert shipped_models, "the checkout has no bundled models to compare with"
    for name in shipped_models:
        assert f"ganexplorer/_bundled/checkpoints/{name}" in bundled
    assert not any("/checkpoints/training/" in n for n in bundled), "training states are not shipped"
    assert "ganexplorer/_bundled/resources/translations/ganexplorer_ko.qm" in bundled
    assert "ganexplorer/_bundled/resources/icons/ganexplorer.png" in bundled
    assert "ganexplorer/core/data/builtin/uci_digits.csv.gz" in names
    assert {"ganexplorer/_bundled/LICENSE", "ganexplorer/_bundled/THIRD_PARTY_NOTICES.md"} <= bundled
    meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(meta).decode()
    assert "License-Expression: MIT" in text or "License: MIT" in text
    assert "Project-URL: Issues," in text


def test_the_installed_wheel_self_tests_and_opens_its_window_from_another_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    py = bin_dir / ("python.exe" if os.name == "nt" else "python")
    new_site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   check=True, capture_output=True, text=True).stdout.strip())
    here_site = Path(sysconfig.get_paths()["purelib"])
    (new_site / "borrowed-deps.pth").write_text(f"{here_site}\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index",
                    "--quiet", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = subprocess.run([str(py), "-c", "import ganexplorer, ganexplorer.core.paths as p; "
                            "print(ganexplorer.__file__); print(p.app_root())"],
                           check=True, capture_output=True, text=True, cwd=elsewhere, env=env).stdout.split()
    assert all(Path(w).resolve().is_relative_to(venv.resolve()) for w in where), where

    exe = bin_dir / ("ganexplorer.exe" if os.name == "nt" else "ganexplorer")
    test = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert test.returncode == 0, test.stderr
    assert test.stdout.startswith("self-test passed")

    shot = elsewhere / "shot.png"
    run = subprocess.run([str(exe), "gui", "--screenshot", str(shot)], capture_output=True, text=True,
                         cwd=elsewhere, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    import numpy as np
    from PIL import Image

    with Image.open(shot) as im:
        assert im.width > 400 and im.height > 300
        grey = np.asarray(im.convert("L"))
    assert len(np.unique(grey)) > 20, "the window shows a rendered picture, not a blank"
