"""Time to recognisable digits per trainable preset on the built-in digits, and for the Quick demo in the GUI.

"Recognisable" is the Train tab's class-histogram measure (``ClassHistogramEvent.recognisable``): the
project's digit classifier labels 200 fixed-noise samples of the shown generator, and we need >= 8
classes covered (each >= 2 % of the samples) and >= 40 % of the samples recognised confidently.

Headless: the core loop, a check every ``--every`` steps; the times printed are training time only
(wall clock and process CPU time), the classifier's own time excluded and printed separately. Each
preset is capped at ``--cap`` seconds of training. ``--gui``: the Train tab as a user drives it, from
clicking Start on the Quick demo to the class label saying "recognisable digits" (everything included:
plots, sample grids, the classifier every ``sample_every`` steps).

Usage: python benchmarks/bench_quick_demo.py [--cap 180] [--clock wall|cpu] [--every 25] [--threads 2]
                                            [--presets a,b] [--gui]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

import torch

from ganexplorer.core.data import open_dataset
from ganexplorer.core.models.registry import PRESETS, QUICK_DEMO
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.factory import make_trainer


def time_to_digits(model: str, cap_s: float, every: int, seed: int = 0, clock: str = "wall",
                   **overrides: object) -> dict[str, object]:
    """Train ``model`` until the classifier check passes or ``cap_s`` seconds of training (on ``clock``:
    wall or process CPU time) have passed."""
    data = open_dataset("builtin:digits")
    cfg = TrainConfig.for_model(model, conditional=model.endswith("-cond"), sample_every=0, checkpoint_every=0,
                                log_every=0, seed=seed, **overrides)
    tr = make_trainer(cfg, data)
    wall = cpu = check = 0.0
    last = None
    while (wall if clock == "wall" else cpu) < cap_s:
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in range(every):
            tr.train_step()
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
        w0 = time.perf_counter()
        last = tr.class_histogram()
        check += time.perf_counter() - w0
        if last.recognisable:
            break
    return dict(batch=cfg.batch_size, lr=cfg.lr, reached=bool(last and last.recognisable), wall=wall, cpu=cpu,
                steps=tr.step, check=check, coverage=last.coverage if last else 0,
                confident=last.confident_share if last else 0.0)


def gui_time_to_digits(cap_s: float) -> tuple[float | None, str]:
    """Seconds from clicking Start (Quick demo, the tab's defaults) to 'recognisable digits' in the class label."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from ganexplorer.gui.app import make_app
    from ganexplorer.gui.window.main_window import MainWindow

    app = make_app()
    win = MainWindow(QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat))
    win.resize(1280, 720)
    win.show()
    win.tabs.setCurrentWidget(win.trainer_panel)
    p = win.trainer_panel
    p.setup.out_dir.setText(tempfile.mkdtemp())
    app.processEvents()
    t0 = time.perf_counter()
    QTest.mouseClick(p.controls.start_btn, Qt.MouseButton.LeftButton)
    seconds = None
    while time.perf_counter() - t0 < cap_s:
        app.processEvents()
        if p.plots.last_classes is not None and p.plots.last_classes.recognisable:
            seconds = time.perf_counter() - t0
            break
        time.sleep(0.01)
    text = p.plots.class_label.text()
    p.shutdown()
    win.close()
    return seconds, text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cap", type=float, default=180.0, help="seconds of training per preset")
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="what --cap counts: wall time, or process CPU time (steadier on a busy machine)")
    ap.add_argument("--every", type=int, default=25, help="steps between classifier checks")
    ap.add_argument("--threads", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--presets", default="", help="comma-separated (default: every trainable preset)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--gui", action="store_true", help="also time the Quick demo in the Train tab")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    names = args.presets.split(",") if args.presets else \
        [QUICK_DEMO] + [n for n, p in PRESETS.items() if p.trainable and n != QUICK_DEMO]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"torch threads {args.threads}, {os.cpu_count()} CPUs, load average {load:.1f} at start; check every "
          f"{args.every} steps; cap {args.cap:.0f} s ({args.clock}) of training per preset; times are training only "
          "(wall / process CPU), the classifier's checks excluded")
    for name in names:
        r = time_to_digits(name, args.cap, args.every, seed=args.seed, clock=args.clock)
        head = f"{name:18s} batch {r['batch']:3d} lr {r['lr']:<7.4g} "
        tail = (f"({r['steps']} steps; last check {r['coverage']} classes, {r['confident']:.0%} confident; "
                f"the checks took {r['check']:.1f} s more)")
        verdict = "recognisable digits after" if r["reached"] else "NEVER got there within"
        print(head + f"{verdict} {r['wall']:.1f} s wall / {r['cpu']:.1f} s CPU " + tail, flush=True)
    if args.gui:
        seconds, text = gui_time_to_digits(args.cap)
        print("GUI, Quick demo from the Start click: "
              + (f"recognisable digits after {seconds:.1f} s" if seconds is not None
                 else f"NEVER got there within {args.cap:.0f} s") + f" (class label: {text})", flush=True)


if __name__ == "__main__":
    main()
