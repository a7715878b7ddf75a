"""How long the 1-D demo's default pair takes (the tab's two runs: D sees raw samples / four moments).

Measured in this run and printed:
- core, one after the other: wall and CPU seconds of each default run (2000 epochs);
- core, side by side on two threads (what the tab does): wall seconds for the pair;
- the tab itself: the window offscreen, "Start both" clicked, wall seconds until both summaries
  are shown, and the worst lateness of a 20 ms UI timer meanwhile (a frozen window shows here);
- with ``--old``: the PyTorch-autograd version this replaced, read from git history, timed for a
  few epochs per run and extrapolated to the full schedule, and the speed-up ratio.

CPU seconds (all threads of this process) are printed beside wall seconds because on a shared
machine the wall time also counts other programs; with two free cores the pair's wall time is
about its CPU time or less (the two runs share Python's lock, and overlap only inside NumPy). To measure as on a 2-core laptop: ``taskset -c 0,1 python benchmarks/bench_demo1d.py``.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/bench_demo1d.py [--epochs 2000] [--old] [--no-gui]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OLD_COMMIT = "c81e61168a8ea3b8879cbcf92d535313f5698118"   # the last autograd version of core/train/demo1d.py
PAIR = ("raw", "moments4")


def run_core(preprocess: str, epochs: int) -> tuple[float, float, str]:
    from ganexplorer.core.train.demo1d import Demo1D, Demo1DConfig

    demo = Demo1D(Demo1DConfig(preprocess=preprocess, epochs=epochs))
    wall, cpu = time.perf_counter(), time.thread_time()
    summary = None
    for ev in demo.run(snapshot_every=25):
        summary = ev
    return time.perf_counter() - wall, time.thread_time() - cpu, summary.line()


def core_pair_threads(epochs: int) -> tuple[float, float]:
    """Wall and process CPU seconds of the pair on two threads."""
    results: dict[str, tuple] = {}
    threads = [threading.Thread(target=lambda p=p: results.__setitem__(p, run_core(p, epochs))) for p in PAIR]
    t0, c0 = time.perf_counter(), time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, time.process_time() - c0


def gui_pair(epochs: int) -> tuple[float, float, list[float], list[str]]:
    """Wall and process CPU seconds from clicking "Start both" to both summaries, UI-timer lateness, summaries."""
    from PySide6.QtCore import QSettings, QTimer

    from ganexplorer.gui.app import make_app
    from ganexplorer.gui.window.main_window import MainWindow

    app = make_app()
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    win.resize(1280, 720)
    win.show()
    win.tabs.setCurrentIndex(2)
    panel = win.demo1d_panel
    for r in panel.runs:
        r.epochs.setValue(epochs)
    app.processEvents()
    late: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late.append(max(0.0, now - last[0] - 0.020))
        last[0] = now
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    t0, c0 = time.perf_counter(), time.process_time()
    panel.start_both_btn.click()
    last[0] = time.perf_counter()
    while any(r.is_running() or r.summary is None for r in panel.runs):
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - t0 > 1800:
            break
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    timer.stop()
    lines = [r.summary_label.text() for r in panel.runs]
    panel.shutdown()
    win.worker.shutdown()
    win.close()
    return wall, cpu, late, lines


def old_per_run(epochs: int, sample: int) -> dict[str, float] | None:
    """Seconds per full run of the autograd version, from ``sample`` epochs."""
    try:
        source = subprocess.run(["git", "-C", str(ROOT), "show", f"{OLD_COMMIT}:ganexplorer/core/train/demo1d.py"],
                                capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        print("old version: not measured (no git history here)")
        return None
    path = Path(tempfile.mkdtemp()) / "old_demo1d.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("old_demo1d", path)
    old = importlib.util.module_from_spec(spec)
    sys.modules["old_demo1d"] = old
    spec.loader.exec_module(old)
    out = {}
    for p in PAIR:
        demo = old.Demo1D(old.Demo1DConfig(preprocess=p, epochs=sample))
        t0 = time.perf_counter()
        for _ in demo.run(snapshot_every=25):
            pass
        out[p] = (time.perf_counter() - t0) / sample * epochs
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=2000)
    ap.add_argument("--old", action="store_true", help="also time the autograd version (from git) and print ratios")
    ap.add_argument("--old-epochs", type=int, default=100, help="epochs timed per old run (extrapolated)")
    ap.add_argument("--no-gui", action="store_true")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(1)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"1-D demo, default pair ({', '.join(PAIR)}), {args.epochs} epochs each; {cores} cores usable, "
          f"load average {load:.1f} at start")
    per_run = {}
    for p in PAIR:
        wall, cpu, line = run_core(p, args.epochs)
        per_run[p] = wall
        print(f"  core, alone     {p:9s}: {wall:6.1f} s wall, {cpu:6.1f} s CPU   ({line})")
    seq = sum(per_run.values())
    print(f"  core, pair one after the other: {seq:6.1f} s wall")
    wall, cpu = core_pair_threads(args.epochs)
    print(f"  core, pair side by side (2 threads): {wall:6.1f} s wall, {cpu:6.1f} s CPU")
    if not args.no_gui:
        wall, cpu, late, lines = gui_pair(args.epochs)
        late_ms = np.asarray(late) * 1000
        print(f"  tab, 'Start both' to both summaries: {wall:6.1f} s wall, {cpu:6.1f} s CPU; a 20 ms UI timer was late by "
              f"{np.median(late_ms):.0f} ms (median), {np.percentile(late_ms, 99):.0f} ms (99th percentile), "
              f"{late_ms.max():.0f} ms (worst)")
        for line in lines:
            print(f"    {line}")
    if args.old:
        old = old_per_run(args.epochs, args.old_epochs)
        if old:
            for p in PAIR:
                print(f"  old autograd version, {p:9s}: {old[p]:6.1f} s per run (from {args.old_epochs} epochs); "
                      f"now {per_run[p]:.1f} s: {old[p] / per_run[p]:.1f}x faster")
    print(f"load average {os.getloadavg()[0]:.1f} at the end" if hasattr(os, "getloadavg") else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
