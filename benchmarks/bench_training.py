"""Training throughput: steps/s headless vs in the GUI with live plots, in one run (DCGAN-32, StyleGAN2-32...).

The GUI figure drives the same GANTrainer through the Train tab (worker thread, pyqtgraph
plots redrawn on a timer, sample grids every N steps). Target ratio GUI/headless >= 0.95.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/bench_training.py [--steps 40] [--model dcgan32|stylegan2-32]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from ganexplorer.core.data import open_dataset  # noqa: E402
from ganexplorer.core.train.events import StepEvent  # noqa: E402
from ganexplorer.core.train.config import TrainConfig  # noqa: E402
from ganexplorer.core.train.factory import make_trainer  # noqa: E402
from ganexplorer.gui.app import make_app  # noqa: E402


def headless(model: str, steps: int, warm: int) -> float:
    tr = make_trainer(TrainConfig.for_model(model, sample_every=10), open_dataset("builtin:digits"))
    it = tr.run(max_steps=warm + steps)
    t0 = None
    for ev in it:
        if isinstance(ev, StepEvent) and ev.step == warm:
            t0 = time.perf_counter()
    return steps / (time.perf_counter() - t0)


def in_gui(model: str, steps: int, warm: int) -> tuple[float, np.ndarray]:
    """Steps/s in the Train tab, and how late a 10 ms UI timer ran meanwhile (ms; a stall shows here)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from ui_lateness import UiLateness

    from ganexplorer.gui.window.main_window import MainWindow

    app = make_app()
    win = MainWindow(QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat))
    win.resize(1280, 860)
    win.show()
    win.tabs.setCurrentIndex(1)
    p = win.trainer_panel
    p.setup.model.setCurrentIndex(p.setup.model.findData(model))
    p.setup.sample_every.setValue(10)
    p.setup.out_dir.setText("")
    marks: dict[int, float] = {}
    probe = UiLateness().start()
    p.setup.max_steps.setValue(warm + steps)
    QTest.mouseClick(p.controls.start_btn, Qt.MouseButton.LeftButton)   # as the user starts it
    p.worker.event.connect(lambda ev: isinstance(ev, StepEvent) and marks.setdefault(ev.step, time.perf_counter()))
    while p.worker.is_running():
        app.processEvents()
        time.sleep(0.005)
    p.worker.wait()
    lateness = probe.stop()
    app.processEvents()
    win.close()
    return steps / (marks[warm + steps] - marks[warm]), lateness


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="dcgan32")
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--warm", type=int, default=5)
    args = ap.parse_args()
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    h = headless(args.model, args.steps, args.warm)
    g, late = in_gui(args.model, args.steps, args.warm)
    batch = TrainConfig.for_model(args.model).batch_size
    print(f"{args.model} (batch {batch}): headless {h:.2f} steps/s ({h * batch:.0f} images/s), "
          f"GUI with live plots {g:.2f} steps/s, ratio {g / h:.3f}; a 10 ms UI timer was late by "
          f"{np.median(late):.1f} ms (median), {np.percentile(late, 99):.0f} ms (99th percentile), "
          f"{late.max():.0f} ms (worst)")


if __name__ == "__main__":
    main()
