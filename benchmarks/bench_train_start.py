"""Start on a big dataset: does the window stay responsive, and how soon does the first step come?

Writes a 60,000-image MNIST-size IDX file (with its labels file, so the digit classifier watches the
run as it would on real MNIST), types it into the Train tab, clicks Start and measures, from the
click to the first training step shown:

- how long the click itself took (everything Start does on the UI thread);
- the worst and median lateness of a 10 ms QTimer on the UI thread (a frozen window shows here);
- the Start -> first step time, next to how long reading the dataset takes on its own.

Twice: the first Start right after the Train tab opened (a process's first training still loads
seconds of torch code, which the tab begins in the background when it is first shown), then a
second Start in the same window.

For comparison, in the same run: the whole-set float conversion Start used to do on the UI thread
(``ImageDataset.prepared``, twice: once for training, once for the 64-image real grid), and with
``--memory`` the memory a 50k 64² RGB set costs when training keeps it as uint8.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/bench_train_start.py [--images 60000] [--model dcgan32-quick]
                                                                         [--memory]
"""

from __future__ import annotations

import argparse
import os
import struct
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import torch  # noqa: E402


def write_idx(path: Path, arr: np.ndarray) -> None:
    """An IDX file of unsigned bytes, as MNIST ships them (header: magic, dims big-endian, data)."""
    header = struct.pack(">BBBB", 0, 0, 0x08, arr.ndim) + struct.pack(">" + "I" * arr.ndim, *arr.shape)
    path.write_bytes(header + arr.astype(np.uint8).tobytes())


def make_mnist_size_set(folder: Path, n: int) -> Path:
    """n 28x28 pictures (a blob per picture on a dark background, MNIST-like statistics) and labels."""
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[:28, :28]
    images = np.empty((n, 28, 28), np.uint8)
    for a in range(0, n, 5000):
        b = min(n, a + 5000)
        cy, cx = rng.uniform(9, 19, (2, b - a, 1, 1))
        r = rng.uniform(3, 7, (b - a, 1, 1))
        blob = np.clip(1.5 - np.hypot(yy - cy, xx - cx) / r, 0, 1)
        images[a:b] = (blob * 255).astype(np.uint8)
    path = folder / "train-images-idx3-ubyte"
    write_idx(path, images)
    write_idx(folder / "train-labels-idx1-ubyte", rng.integers(0, 10, n))
    return path


def rss_mb() -> float:
    """Resident memory now (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def gui_start(spec: str, model: str, runs: int = 2) -> list[dict[str, float]]:
    """Click Start ``runs`` times in one window (each run 3 steps): the first right after the Train tab
    opened (it still pays the process's one-time torch imports), the next ones warm."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from ui_lateness import UiLateness

    from ganexplorer.core.train.events import StepEvent
    from ganexplorer.gui.app import make_app
    from ganexplorer.gui.window.main_window import MainWindow

    app = make_app()
    win = MainWindow(QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat))
    win.resize(1280, 860)
    win.show()
    p = win.trainer_panel
    win.tabs.setCurrentWidget(p)
    p.setup.model.setCurrentIndex(p.setup.model.findData(model))
    p.setup.data.setText(spec)
    p.setup.out_dir.setText(tempfile.mkdtemp())
    p.setup.max_steps.setValue(3)
    results = []
    for _ in range(runs):
        for _ in range(20):
            app.processEvents()
        probe = UiLateness().start()
        first_step: list[float] = []
        t0 = time.perf_counter()
        QTest.mouseClick(p.controls.start_btn, Qt.MouseButton.LeftButton)
        t_click = time.perf_counter() - t0
        probe.restart_clock()
        p.worker.event.connect(lambda ev, first=first_step: isinstance(ev, StepEvent) and not first
                               and first.append(time.perf_counter()))
        while not first_step and p.worker.is_running() and time.perf_counter() - t0 < 300:
            app.processEvents()
            time.sleep(0.002)
        ticks = probe.stop()
        late = ticks if len(ticks) else np.zeros(1)
        results.append(dict(click_ms=t_click * 1000,
                            first_step_s=(first_step[0] - t0) if first_step else float("nan"),
                            worst_ms=float(late.max()), median_ms=float(np.median(late)), ticks=len(ticks),
                            status=win.statusBar().currentMessage()))
        while p.worker.is_running():
            app.processEvents()
            time.sleep(0.005)
        p.worker.wait()
        app.processEvents()
    p.shutdown()
    win.close()
    app.processEvents()
    return results


def memory_50k_rgb(model: str = "stylegan2-64-small") -> None:
    """A CIFAR-size set at 64² RGB: the memory training adds on top of the uint8 images themselves."""
    from ganexplorer.core.data import ImageDataset
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.factory import make_trainer

    base = rss_mb()
    images = torch.from_numpy(np.random.default_rng(0).integers(0, 256, (50_000, 3, 64, 64), dtype=np.uint8))
    data = ImageDataset("bench:rgb64", images)
    loaded = rss_mb()
    t0 = time.perf_counter()
    tr = make_trainer(TrainConfig.for_model(model, sample_every=0, log_every=0, checkpoint_every=0,
                                            watch_classes=False), data)
    built = time.perf_counter() - t0
    with_trainer = rss_mb()
    tr.train_step()
    first = time.perf_counter() - t0
    after = rss_mb()
    float_gb = images.numel() * 4 / 1e9
    print(f"50k x 3 x 64 x 64 uint8 set: {loaded - base:.0f} MB; with the {model} trainer built on it: "
          f"{with_trainer - base:.0f} MB (a whole-set float copy alone would be {float_gb:.2f} GB); after one "
          f"training step (batch {tr.config.batch_size}, the step's own activations and optimiser state): "
          f"{after - base:.0f} MB; trainer built in {built:.2f} s, first step done {first:.2f} s after that began")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--images", type=int, default=60_000)
    ap.add_argument("--model", default="dcgan32-quick")
    ap.add_argument("--memory", action="store_true", help="also measure a 50k 64² RGB set (about 1 GB of RAM)")
    args = ap.parse_args()
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    from ganexplorer.core.data import open_dataset

    folder = Path(tempfile.mkdtemp())
    path = make_mnist_size_set(folder, args.images)
    spec = f"mnist:{path}"
    t0 = time.perf_counter()
    ds = open_dataset(spec)
    read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    ds.prepared(32, 1)
    old_convert_s = time.perf_counter() - t0
    del ds
    runs = gui_start(spec, args.model)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.images:,} MNIST-size images, {args.model}, torch threads {torch.get_num_threads()}, "
          f"{os.cpu_count()} CPUs, load average {load:.1f}")
    print(f"reading the dataset alone: {read_s:.2f} s; the whole-set float conversion Start used to run on the UI "
          f"thread (twice): {old_convert_s:.2f} s each")
    for label, r in zip(("first Start in this process (tab just opened)", "second Start"), runs):
        print(f"{label}: the click returned after {r['click_ms']:.0f} ms; first training step {r['first_step_s']:.2f} s "
              f"after the click; a 10 ms UI timer was late by {r['worst_ms']:.0f} ms at worst, "
              f"{r['median_ms']:.1f} ms median ({r['ticks']} ticks); status: {r['status']}")
    if args.memory:
        memory_50k_rgb()


if __name__ == "__main__":
    main()
